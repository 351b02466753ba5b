/**
 * REST routes of Bedrock (control plane) and Bedrock Runtime, taken from the Smithy schemas
 * of the installed SDK (`@aws-sdk/client-bedrock` and `-runtime` 3.1164, `dist-es/schemas`).
 * Both services sign with the name `bedrock`, so the emulator tells them apart by path.
 * Each row: [operation, method, path template, success status].
 */
import type { Service } from './types.js';

type RouteRow = readonly [operation: string, method: string, template: string, status: number];

const RUNTIME_ROUTES: readonly RouteRow[] = [
  ['ApplyGuardrail', 'POST', '/guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply', 200],
  ['Converse', 'POST', '/model/{modelId}/converse', 200],
  ['ConverseStream', 'POST', '/model/{modelId}/converse-stream', 200],
  ['CountTokens', 'POST', '/model/{modelId}/count-tokens', 200],
  ['GetAsyncInvoke', 'GET', '/async-invoke/{invocationArn}', 200],
  ['InvokeGuardrailChecks', 'POST', '/guardrail-checks/invoke', 200],
  ['InvokeModel', 'POST', '/model/{modelId}/invoke', 200],
  ['InvokeModelWithBidirectionalStream', 'POST', '/model/{modelId}/invoke-with-bidirectional-stream', 200],
  ['InvokeModelWithResponseStream', 'POST', '/model/{modelId}/invoke-with-response-stream', 200],
  ['ListAsyncInvokes', 'GET', '/async-invoke', 200],
  ['StartAsyncInvoke', 'POST', '/async-invoke', 200],
];

const CONTROL_PLANE_ROUTES: readonly RouteRow[] = [
  ['BatchDeleteAdvancedPromptOptimizationJob', 'POST', '/advanced-prompt-optimization-job/batch-delete', 202],
  ['BatchDeleteEvaluationJob', 'POST', '/evaluation-jobs/batch-delete', 202],
  ['CancelAutomatedReasoningPolicyBuildWorkflow', 'POST', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/cancel', 202],
  ['CreateAdvancedPromptOptimizationJob', 'POST', '/advanced-prompt-optimization-jobs', 200],
  ['CreateAutomatedReasoningPolicy', 'POST', '/automated-reasoning-policies', 200],
  ['CreateAutomatedReasoningPolicyTestCase', 'POST', '/automated-reasoning-policies/{policyArn}/test-cases', 200],
  ['CreateAutomatedReasoningPolicyVersion', 'POST', '/automated-reasoning-policies/{policyArn}/versions', 200],
  ['CreateCustomModel', 'POST', '/custom-models/create-custom-model', 202],
  ['CreateCustomModelDeployment', 'POST', '/model-customization/custom-model-deployments', 202],
  ['CreateEvaluationJob', 'POST', '/evaluation-jobs', 202],
  ['CreateFoundationModelAgreement', 'POST', '/create-foundation-model-agreement', 202],
  ['CreateGuardrail', 'POST', '/guardrails', 202],
  ['CreateGuardrailVersion', 'POST', '/guardrails/{guardrailIdentifier}', 202],
  ['CreateInferenceProfile', 'POST', '/inference-profiles', 201],
  ['CreateMarketplaceModelEndpoint', 'POST', '/marketplace-model/endpoints', 200],
  ['CreateModelCopyJob', 'POST', '/model-copy-jobs', 201],
  ['CreateModelCustomizationJob', 'POST', '/model-customization-jobs', 201],
  ['CreateModelImportJob', 'POST', '/model-import-jobs', 201],
  ['CreateModelInvocationJob', 'POST', '/model-invocation-job', 200],
  ['CreatePromptRouter', 'POST', '/prompt-routers', 200],
  ['CreateProvisionedModelThroughput', 'POST', '/provisioned-model-throughput', 201],
  ['DeleteAutomatedReasoningPolicy', 'DELETE', '/automated-reasoning-policies/{policyArn}', 202],
  ['DeleteAutomatedReasoningPolicyBuildWorkflow', 'DELETE', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}', 202],
  ['DeleteAutomatedReasoningPolicyTestCase', 'DELETE', '/automated-reasoning-policies/{policyArn}/test-cases/{testCaseId}', 202],
  ['DeleteCustomModel', 'DELETE', '/custom-models/{modelIdentifier}', 200],
  ['DeleteCustomModelDeployment', 'DELETE', '/model-customization/custom-model-deployments/{customModelDeploymentIdentifier}', 200],
  ['DeleteEnforcedGuardrailConfiguration', 'DELETE', '/enforcedGuardrailsConfiguration/{configId}', 200],
  ['DeleteFoundationModelAgreement', 'POST', '/delete-foundation-model-agreement', 202],
  ['DeleteGuardrail', 'DELETE', '/guardrails/{guardrailIdentifier}', 202],
  ['DeleteImportedModel', 'DELETE', '/imported-models/{modelIdentifier}', 200],
  ['DeleteInferenceProfile', 'DELETE', '/inference-profiles/{inferenceProfileIdentifier}', 200],
  ['DeleteMarketplaceModelEndpoint', 'DELETE', '/marketplace-model/endpoints/{endpointArn}', 200],
  ['DeleteModelInvocationLoggingConfiguration', 'DELETE', '/logging/modelinvocations', 200],
  ['DeletePromptRouter', 'DELETE', '/prompt-routers/{promptRouterArn}', 200],
  ['DeleteProvisionedModelThroughput', 'DELETE', '/provisioned-model-throughput/{provisionedModelId}', 200],
  ['DeleteResourcePolicy', 'DELETE', '/resource-policy/{resourceArn}', 200],
  ['DeregisterMarketplaceModelEndpoint', 'DELETE', '/marketplace-model/endpoints/{endpointArn}/registration', 200],
  ['ExportAutomatedReasoningPolicyVersion', 'GET', '/automated-reasoning-policies/{policyArn}/export', 200],
  ['GetAccountDataRetention', 'GET', '/data-retention', 200],
  ['GetAdvancedPromptOptimizationJob', 'GET', '/advanced-prompt-optimization-jobs/{jobIdentifier}', 200],
  ['GetAutomatedReasoningPolicy', 'GET', '/automated-reasoning-policies/{policyArn}', 200],
  ['GetAutomatedReasoningPolicyAnnotations', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/annotations', 200],
  ['GetAutomatedReasoningPolicyBuildWorkflow', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}', 200],
  ['GetAutomatedReasoningPolicyBuildWorkflowResultAssets', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/result-assets', 200],
  ['GetAutomatedReasoningPolicyNextScenario', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/scenarios', 200],
  ['GetAutomatedReasoningPolicyTestCase', 'GET', '/automated-reasoning-policies/{policyArn}/test-cases/{testCaseId}', 200],
  ['GetAutomatedReasoningPolicyTestResult', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/test-cases/{testCaseId}/test-results', 200],
  ['GetCustomModel', 'GET', '/custom-models/{modelIdentifier}', 200],
  ['GetCustomModelDeployment', 'GET', '/model-customization/custom-model-deployments/{customModelDeploymentIdentifier}', 200],
  ['GetEvaluationJob', 'GET', '/evaluation-jobs/{jobIdentifier}', 200],
  ['GetFoundationModel', 'GET', '/foundation-models/{modelIdentifier}', 200],
  ['GetFoundationModelAvailability', 'GET', '/foundation-model-availability/{modelId}', 200],
  ['GetGuardrail', 'GET', '/guardrails/{guardrailIdentifier}', 200],
  ['GetImportedModel', 'GET', '/imported-models/{modelIdentifier}', 200],
  ['GetInferenceProfile', 'GET', '/inference-profiles/{inferenceProfileIdentifier}', 200],
  ['GetMarketplaceModelEndpoint', 'GET', '/marketplace-model/endpoints/{endpointArn}', 200],
  ['GetModelCopyJob', 'GET', '/model-copy-jobs/{jobArn}', 200],
  ['GetModelCustomizationJob', 'GET', '/model-customization-jobs/{jobIdentifier}', 200],
  ['GetModelImportJob', 'GET', '/model-import-jobs/{jobIdentifier}', 200],
  ['GetModelInvocationJob', 'GET', '/model-invocation-job/{jobIdentifier}', 200],
  ['GetModelInvocationLoggingConfiguration', 'GET', '/logging/modelinvocations', 200],
  ['GetPromptRouter', 'GET', '/prompt-routers/{promptRouterArn}', 200],
  ['GetProvisionedModelThroughput', 'GET', '/provisioned-model-throughput/{provisionedModelId}', 200],
  ['GetResourcePolicy', 'GET', '/resource-policy/{resourceArn}', 200],
  ['GetUseCaseForModelAccess', 'GET', '/use-case-for-model-access', 200],
  ['ListAdvancedPromptOptimizationJobs', 'GET', '/advanced-prompt-optimization-jobs', 200],
  ['ListAutomatedReasoningPolicies', 'GET', '/automated-reasoning-policies', 200],
  ['ListAutomatedReasoningPolicyBuildWorkflows', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows', 200],
  ['ListAutomatedReasoningPolicyTestCases', 'GET', '/automated-reasoning-policies/{policyArn}/test-cases', 200],
  ['ListAutomatedReasoningPolicyTestResults', 'GET', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/test-results', 200],
  ['ListCustomModelDeployments', 'GET', '/model-customization/custom-model-deployments', 200],
  ['ListCustomModels', 'GET', '/custom-models', 200],
  ['ListEnforcedGuardrailsConfiguration', 'GET', '/enforcedGuardrailsConfiguration', 200],
  ['ListEvaluationJobs', 'GET', '/evaluation-jobs', 200],
  ['ListFoundationModelAgreementOffers', 'GET', '/list-foundation-model-agreement-offers/{modelId}', 200],
  ['ListFoundationModels', 'GET', '/foundation-models', 200],
  ['ListGuardrails', 'GET', '/guardrails', 200],
  ['ListImportedModels', 'GET', '/imported-models', 200],
  ['ListInferenceProfiles', 'GET', '/inference-profiles', 200],
  ['ListMarketplaceModelEndpoints', 'GET', '/marketplace-model/endpoints', 200],
  ['ListModelCopyJobs', 'GET', '/model-copy-jobs', 200],
  ['ListModelCustomizationJobs', 'GET', '/model-customization-jobs', 200],
  ['ListModelImportJobs', 'GET', '/model-import-jobs', 200],
  ['ListModelInvocationJobs', 'GET', '/model-invocation-jobs', 200],
  ['ListPromptRouters', 'GET', '/prompt-routers', 200],
  ['ListProvisionedModelThroughputs', 'GET', '/provisioned-model-throughputs', 200],
  ['ListTagsForResource', 'POST', '/listTagsForResource', 200],
  ['PutAccountDataRetention', 'PUT', '/data-retention', 200],
  ['PutEnforcedGuardrailConfiguration', 'PUT', '/enforcedGuardrailsConfiguration', 200],
  ['PutModelInvocationLoggingConfiguration', 'PUT', '/logging/modelinvocations', 200],
  ['PutResourcePolicy', 'POST', '/resource-policy', 201],
  ['PutUseCaseForModelAccess', 'POST', '/use-case-for-model-access', 201],
  ['RegisterMarketplaceModelEndpoint', 'POST', '/marketplace-model/endpoints/{endpointIdentifier}/registration', 200],
  ['StartAutomatedReasoningPolicyBuildWorkflow', 'POST', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowType}/start', 200],
  ['StartAutomatedReasoningPolicyTestWorkflow', 'POST', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/test-workflows', 200],
  ['StopAdvancedPromptOptimizationJob', 'POST', '/advanced-prompt-optimization-jobs/{jobIdentifier}/stop', 200],
  ['StopEvaluationJob', 'POST', '/evaluation-job/{jobIdentifier}/stop', 200],
  ['StopModelCustomizationJob', 'POST', '/model-customization-jobs/{jobIdentifier}/stop', 200],
  ['StopModelInvocationJob', 'POST', '/model-invocation-job/{jobIdentifier}/stop', 200],
  ['TagResource', 'POST', '/tagResource', 200],
  ['UntagResource', 'POST', '/untagResource', 200],
  ['UpdateAutomatedReasoningPolicy', 'PATCH', '/automated-reasoning-policies/{policyArn}', 200],
  ['UpdateAutomatedReasoningPolicyAnnotations', 'PATCH', '/automated-reasoning-policies/{policyArn}/build-workflows/{buildWorkflowId}/annotations', 200],
  ['UpdateAutomatedReasoningPolicyTestCase', 'PATCH', '/automated-reasoning-policies/{policyArn}/test-cases/{testCaseId}', 200],
  ['UpdateCustomModelDeployment', 'PATCH', '/model-customization/custom-model-deployments/{customModelDeploymentIdentifier}', 202],
  ['UpdateGuardrail', 'PUT', '/guardrails/{guardrailIdentifier}', 202],
  ['UpdateMarketplaceModelEndpoint', 'PATCH', '/marketplace-model/endpoints/{endpointArn}', 200],
  ['UpdateProvisionedModelThroughput', 'PATCH', '/provisioned-model-throughput/{provisionedModelId}', 200],
];

interface RouteMatch {
  service: Extract<Service, 'bedrock' | 'bedrock-runtime'>;
  operation: string;
  /** Success status the SDK expects (200, 201 or 202). */
  status: number;
  /** Path labels, URL-decoded. */
  pathParams: Record<string, string>;
}

interface CompiledRoute {
  service: RouteMatch['service'];
  operation: string;
  method: string;
  status: number;
  regex: RegExp;
  labels: string[];
}

function compile(service: RouteMatch['service'], rows: readonly RouteRow[]): CompiledRoute[] {
  return rows.map(([operation, method, template, status]) => {
    const labels: string[] = [];
    const pattern = template
      .split('/')
      .map((segment) => {
        const label = /^\{(\w+)(\+?)\}$/.exec(segment);
        if (!label) return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
        labels.push(label[1]!);
        return label[2] ? '(.+)' : '([^/]+)';
      })
      .join('/');
    return { service, operation, method, status, regex: new RegExp(`^${pattern}/?$`), labels };
  });
}

/** Runtime first; within a service, literal paths before labelled ones. */
const COMPILED = [
  ...byLabelCount(compile('bedrock-runtime', RUNTIME_ROUTES)),
  ...byLabelCount(compile('bedrock', CONTROL_PLANE_ROUTES)),
];

function byLabelCount(routes: CompiledRoute[]): CompiledRoute[] {
  return [...routes].sort((a, b) => a.labels.length - b.labels.length);
}

/** Finds the Bedrock or Bedrock Runtime operation for a method and raw (still encoded) path. */
export function matchRestRoute(method: string, rawPath: string): RouteMatch | undefined {
  for (const route of COMPILED) {
    if (route.method !== method) continue;
    const m = route.regex.exec(rawPath);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    route.labels.forEach((label, i) => {
      pathParams[label] = safeDecode(m[i + 1] ?? '');
    });
    return { service: route.service, operation: route.operation, status: route.status, pathParams };
  }
  return undefined;
}

/** True when some route of either service has this path (whatever the method). */
export function isKnownRestPath(rawPath: string): RouteMatch['service'] | undefined {
  return COMPILED.find((r) => r.regex.test(rawPath))?.service;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

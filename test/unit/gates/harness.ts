import { BedrockClient, GetFoundationModelAvailabilityCommand, GetUseCaseForModelAccessCommand, ListFoundationModelAgreementOffersCommand, ListFoundationModelsCommand, ListInferenceProfilesCommand, GetFoundationModelCommand, GetInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { createClients } from '../../../src/aws/clients.js';
import type { AuthSetup } from '../../../src/aws/credentials.js';
import { inspectApiKey } from '../../../src/vocabulary/api-key.js';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';
import type { CheckOptions, GateContext, PlannedTarget } from '../../../src/gates/shared/context.js';
import { Lookups } from '../../../src/aws/lookups.js';

export const ACCOUNT = '111122223333';
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/dev`;
export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
export const SONNET4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
export const NOVA = 'amazon.nova-lite-v1:0';

export function awsError(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-0001' },
  });
}

export function mocks() {
  return {
    sts: mockClient(STSClient),
    iam: mockClient(IAMClient),
    bedrock: mockClient(BedrockClient),
    runtime: mockClient(BedrockRuntimeClient),
  };
}
export type Mocks = ReturnType<typeof mocks>;

const fm = (modelId: string, providerName: string, inferenceTypesSupported: string[], status = 'ACTIVE') => ({
  modelId,
  modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}`,
  providerName,
  inferenceTypesSupported: inferenceTypesSupported as never,
  modelLifecycle: { status: status as never },
});

/** The healthy account: every call answers as it would for a ready identity. */
export function healthy(m: Mocks): Mocks {
  m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: USER_ARN, UserId: 'AIDAEXAMPLE' });
  m.iam.on(GetRoleCommand).resolves({ Role: { Arn: `arn:aws:iam::${ACCOUNT}:role/app`, RoleName: 'app', Path: '/', RoleId: 'AROA', CreateDate: new Date() } });
  m.iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => ({
    EvaluationResults: (input.ActionNames ?? []).flatMap((action: string) =>
      (input.ResourceArns ?? ['*']).map((resource: string) => ({ EvalActionName: action, EvalResourceName: resource, EvalDecision: 'allowed' })),
    ),
    IsTruncated: false,
  }));
  m.bedrock.on(ListFoundationModelsCommand).resolves({
    modelSummaries: [
      fm(HAIKU, 'Anthropic', ['ON_DEMAND']),
      fm(SONNET4, 'Anthropic', ['INFERENCE_PROFILE']),
      fm(NOVA, 'Amazon', ['ON_DEMAND', 'INFERENCE_PROFILE']),
      fm('anthropic.claude-v2:1', 'Anthropic', ['ON_DEMAND'], 'LEGACY'),
    ],
  });
  m.bedrock.on(GetFoundationModelCommand).rejects(awsError('ResourceNotFoundException', 404, 'Could not resolve the foundation model from the provided model identifier.'));
  m.bedrock.on(ListInferenceProfilesCommand).resolves({
    inferenceProfileSummaries: [
      {
        inferenceProfileId: `us.${SONNET4}`,
        inferenceProfileName: 'US Claude Sonnet 4',
        inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET4}`,
        status: 'ACTIVE',
        type: 'SYSTEM_DEFINED',
        models: ['us-east-1', 'us-east-2', 'us-west-2'].map((r) => ({ modelArn: `arn:aws:bedrock:${r}::foundation-model/${SONNET4}` })),
      },
      {
        inferenceProfileId: `global.${SONNET4}`,
        inferenceProfileName: 'Global Claude Sonnet 4',
        inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET4}`,
        status: 'ACTIVE',
        type: 'SYSTEM_DEFINED',
        models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${SONNET4}` }, { modelArn: `arn:aws:bedrock:::foundation-model/${SONNET4}` }],
      },
    ],
  });
  m.bedrock.on(GetInferenceProfileCommand).rejects(awsError('ResourceNotFoundException', 404, 'Inference profile not found'));
  m.bedrock.on(GetFoundationModelAvailabilityCommand).callsFake((input) => ({
    modelId: input.modelId,
    agreementAvailability: { status: 'AVAILABLE' },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
  }));
  m.bedrock.on(ListFoundationModelAgreementOffersCommand).resolves({ modelId: HAIKU, offers: [{ offerToken: 'tok', termDetails: { legalTerm: { url: 'https://example.com/eula' } } as never }] });
  m.bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new TextEncoder().encode(JSON.stringify({ companyName: 'Example Corp' })) });
  m.runtime.on(ConverseCommand).resolves({
    output: { message: { role: 'assistant', content: [{ text: 'pong' }] } },
    stopReason: 'max_tokens',
    usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    metrics: { latencyMs: 42 },
  });
  return m;
}

export const sigv4Auth = (): AuthSetup => ({
  mode: 'sigv4',
  apiKey: null,
  provider: async () => Object.assign({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test-secret' }, { $source: { CREDENTIALS_ENV_VARS: 'g' } }),
});

export const apiKeyAuth = (token: string): AuthSetup => ({
  mode: 'api-key',
  apiKey: inspectApiKey(token),
  provider: async () => {
    throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  },
});

export const DEFAULT_OPTIONS: CheckOptions = { noInvoke: false, allowSubscribe: false, stream: false };

export function target(model: string, region = 'us-east-1'): PlannedTarget {
  return { region, model, ref: parseModelRef(model) };
}

/** A gate context over the mocked clients; no socket is ever opened. */
export function context(options: Partial<CheckOptions> = {}, auth: AuthSetup = sigv4Auth(), env: NodeJS.ProcessEnv = {}): GateContext {
  const clients = createClients({ credentials: auth.provider, requestTimeoutMs: 1000, connectionTimeoutMs: 500, maxAttempts: 1 });
  const settings = { signal: new AbortController().signal, authMode: auth.mode, scrub: (text: string) => text };
  return {
    auth,
    clients,
    lookups: new Lookups(clients, auth, settings, 'us-east-1'),
    options: { ...DEFAULT_OPTIONS, ...options },
    settings,
    env,
    now: () => new Date('2026-11-25T08:00:00Z'),
    probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: { operation: 'connect' }, durationMs: 1 }),
  };
}

/** A short-term Bedrock API key as AWS mints them (a pre-signed URL, base64), with a fake signature. */
export function shortTermKey(region: string, amzDate: string, expires = 43200): string {
  const url = `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F${amzDate.slice(0, 8)}%2F${region}%2Fbedrock%2Faws4_request&X-Amz-Date=${amzDate}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${'ab'.repeat(32)}&Version=1`;
  return `bedrock-api-key-${Buffer.from(url).toString('base64')}`;
}

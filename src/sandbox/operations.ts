/**
 * One handler per emulated operation: a pure function of (world, request) -> reply.
 * Error codes, statuses and messages are the ones AWS sends (bedrock-facts.md §2, §5, §6 and
 * the error corpus); where AWS's text is unknown the comment says so.
 */
import type { AwsErrorSpec } from './protocols.js';
import { queryVersion } from './protocols.js';
import type { AuthKind, Service } from './types.js';
import {
  callerEntity,
  contextKeysOf,
  decide,
  findModel,
  findProfile,
  offeredFrom,
  foundationModelArn,
  hostsBedrockIn,
  inferenceProfileArn,
  profileModelArns,
  type ModelDef,
  type PolicyRule,
  type ProfileDef,
  type RequestContext,
  type World,
} from './world.js';

export interface EmulatorRequest {
  service: Service;
  operation: string;
  method: string;
  path: string;
  auth: AuthKind;
  region: string;
  /** The bearer token, for API-key requests. */
  token?: string;
  params: Record<string, unknown>;
  /** Success status of a REST operation (200, 201, 202). */
  successStatus?: number;
}

export type Reply =
  | { kind: 'result'; status?: number; body: unknown }
  | { kind: 'error'; error: AwsErrorSpec; typeHeader?: boolean; messageKey?: 'message' | 'Message' }
  | { kind: 'fault'; fault: 'hang' | 'reset' | 'garbage' };

type Handler = (world: World, req: EmulatorRequest) => Reply;

const ok = (body: unknown, status?: number): Reply => ({ kind: 'result', body, status });
const fail = (code: string, status: number, message: string): Reply => ({ kind: 'error', error: { code, status, message } });

// ---------------------------------------------------------------- messages AWS sends

export const MESSAGES = {
  invalidModelId: 'The provided model identifier is invalid.',
  unresolvedModel: 'Could not resolve the foundation model from the provided model identifier.',
  onDemandNotSupported: (id: string) =>
    `Invocation of model ID ${id} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
  noModelAccess: "You don't have access to the model with the specified model ID.",
  subscriptionPending:
    'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed',
  marketplacePermissions:
    'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 5 minutes.',
  useCaseNotSubmitted:
    'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.',
  useCaseFormMissing: 'You have not filled out the request form',
  legacyInactive:
    'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
  apiKeyInvalid: 'Authentication failed: Please make sure your API Key is valid.',
  apiKeyFormat: 'Invalid API Key format: Must start with pre-defined prefix',
  throttled: 'Too many requests, please wait before trying again.',
  unavailable: 'Bedrock is unable to process your request.',
} as const;

/** "User: X is not authorized to perform: A on resource: R because ..." for the deciding rule. */
function accessDeniedMessage(principal: string, action: string, resource: string, rule: PolicyRule): string {
  const head = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`;
  switch (rule.source) {
    case 'scp':
      return `${head} with an explicit deny in a service control policy${rule.policyArn ? `: ${rule.policyArn}` : ''}`;
    case 'permissions-boundary':
      return rule.decision === 'explicitDeny'
        ? `${head} with an explicit deny in a permissions boundary`
        : `${head} because no permissions boundary allows the ${action} action`;
    case 'session':
      return rule.decision === 'explicitDeny'
        ? `${head} with an explicit deny in a session policy`
        : `${head} because no session policy allows the ${action} action`;
    default:
      return rule.decision === 'explicitDeny'
        ? `${head} with an explicit deny in an identity-based policy`
        : `${head} because no identity-based policy allows the ${action} action`;
  }
}

// ---------------------------------------------------------------- STS

const getCallerIdentity: Handler = (world) =>
  ok({ Arn: world.identity.arn, UserId: world.identity.userId, Account: world.identity.account });

// ---------------------------------------------------------------- IAM

const getRole: Handler = (world, req) => {
  const name = str(req.params.RoleName);
  if (!name) {
    return fail('ValidationError', 400, "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null");
  }
  const role = world.roles.find((r) => r.roleName === name);
  if (!role) return fail('NoSuchEntity', 404, `The role with name ${name} cannot be found.`);
  const sso = role.path.startsWith('/aws-reserved/sso.amazonaws.com/');
  const trust = {
    Version: '2012-10-17',
    Statement: [
      sso
        ? {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${world.identity.account}:saml-provider/AWSSSO_example_DO_NOT_DELETE` },
            Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          }
        : { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${world.identity.account}:root` }, Action: 'sts:AssumeRole' },
    ],
  };
  return ok({
    Role: {
      Path: role.path,
      RoleName: role.roleName,
      RoleId: role.roleId,
      Arn: `arn:aws:iam::${world.identity.account}:role${role.path}${role.roleName}`,
      CreateDate: role.createDate,
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      Description: role.description,
      MaxSessionDuration: role.maxSessionDuration,
      RoleLastUsed: {},
    },
  });
};

const ENTITY_ARN = /^arn:aws[\w-]*:iam::(\d{12}):(user|role|group)(\/(?:[^/]+\/)*)?([^/]+)$/;
const NONEXISTENT_ACTIONS = new Set(['bedrock:converse', 'bedrock:conversestream']);

const simulatePrincipalPolicy: Handler = (world, req) => {
  const source = str(req.params.PolicySourceArn);
  if (!source) {
    return fail('ValidationError', 400, "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null");
  }
  const unknown = unknownEntity(world, source);
  if (unknown) return unknown;

  const actions = strList(req.params.ActionNames);
  if (actions.length === 0) {
    return fail('ValidationError', 400, "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
  }
  const invalid = actions.filter((a) => !/^[\w-]+:[\w*]+$/.test(a) || NONEXISTENT_ACTIONS.has(a.toLowerCase()));
  if (invalid.length > 0) return fail('InvalidInput', 400, `Invalid Input Actions: [${invalid.join(', ')}]`);

  const resources = strList(req.params.ResourceArns);
  const context = contextEntries(req.params.ContextEntries);
  const results = actions.flatMap((action) =>
    (resources.length > 0 ? resources : ['*']).map((resource) => evaluationResult(world, action, resource, resources.length > 0, context)),
  );
  const maxItems = Math.max(1, Number(str(req.params.MaxItems) ?? 100) || 100);
  const start = Number(str(req.params.Marker) ?? 0) || 0;
  const page = results.slice(start, start + maxItems);
  const truncated = start + maxItems < results.length;
  return ok({ EvaluationResults: page, IsTruncated: truncated, Marker: truncated ? String(start + maxItems) : undefined });
};

/** An IAM user, role or group ARN the account has, or the error IAM gives for it. */
function unknownEntity(world: World, source: string): Reply | undefined {
  const entity = ENTITY_ARN.exec(source);
  if (!entity) return fail('InvalidInput', 400, `Invalid Entity Arn: ${source} does not clearly define entity type and name.`);
  const [, account, type, , name] = entity;
  if (account !== world.identity.account) return fail('NoSuchEntity', 404, `The ${type} with name ${name} cannot be found.`);
  const known =
    type === 'user' ? world.users.some((u) => u.userName === name) : type === 'role' ? world.roles.some((r) => r.roleName === name) : true;
  if (!known) return fail('NoSuchEntity', 404, `The ${type} with name ${name} cannot be found.`);
  return undefined;
}

/** SimulatePrincipalPolicy's ContextEntries.member.N: key -> values. */
function contextEntries(value: unknown): RequestContext {
  const context: RequestContext = {};
  for (const entry of Array.isArray(value) ? value : value ? [value] : []) {
    const { ContextKeyName, ContextKeyValues } = (entry ?? {}) as Record<string, unknown>;
    if (typeof ContextKeyName === 'string') context[ContextKeyName] = strList(ContextKeyValues);
  }
  return context;
}

const getContextKeysForPrincipalPolicy: Handler = (world, req) => {
  const source = str(req.params.PolicySourceArn);
  if (!source) {
    return fail('ValidationError', 400, "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null");
  }
  return unknownEntity(world, source) ?? ok({ ContextKeyNames: contextKeysOf(world) });
};

function tagList(tags: Record<string, string> | undefined): Record<string, unknown> {
  return { Tags: Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value })), IsTruncated: false };
}

const listUserTags: Handler = (world, req) => {
  const name = str(req.params.UserName) ?? '';
  const user = world.users.find((u) => u.userName === name);
  return user ? ok(tagList(user.tags)) : fail('NoSuchEntity', 404, `The user with name ${name} cannot be found.`);
};

const listRoleTags: Handler = (world, req) => {
  const name = str(req.params.RoleName) ?? '';
  const role = world.roles.find((r) => r.roleName === name);
  return role ? ok(tagList(role.tags)) : fail('NoSuchEntity', 404, `The role with name ${name} cannot be found.`);
};

function evaluationResult(world: World, action: string, resource: string, specific: boolean, context: RequestContext): Record<string, unknown> {
  const missing = new Set<string>();
  const rule = decide(world, action, resource, false, context, missing);
  const matched =
    rule.decision === 'allowed'
      ? [statement('AmazonBedrockLimitedAccess', 'aws-managed')]
      : rule.decision === 'explicitDeny' && (rule.source ?? 'identity') === 'identity'
        ? [statement('DenyBedrockInvoke', 'user-managed')]
        : [];
  return {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: rule.decision,
    MatchedStatements: matched,
    MissingContextValues: [...missing],
    OrganizationsDecisionDetail: world.inOrganization ? { AllowedByOrganizations: rule.source !== 'scp' } : undefined,
    PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: rule.source !== 'permissions-boundary' },
    ResourceSpecificResults: specific
      ? [{ EvalResourceName: resource, EvalResourceDecision: rule.decision, MatchedStatements: matched, MissingContextValues: [...missing] }]
      : undefined,
  };
}

function statement(id: string, type: string): Record<string, unknown> {
  return { SourcePolicyId: id, SourcePolicyType: type, StartPosition: { Line: 3, Column: 17 }, EndPosition: { Line: 8, Column: 6 } };
}

// ---------------------------------------------------------------- Bedrock control plane

function modelSummary(region: string, m: ModelDef): Record<string, unknown> {
  return {
    modelArn: foundationModelArn(region, m.modelId),
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities,
    outputModalities: m.outputModalities,
    responseStreamingSupported: m.responseStreamingSupported,
    customizationsSupported: m.customizationsSupported,
    inferenceTypesSupported: m.inferenceTypesSupported,
    modelLifecycle: m.modelLifecycle,
  };
}

const listFoundationModels: Handler = (world, req) => {
  const { byProvider, byOutputModality, byInferenceType, byCustomizationType } = req.params;
  const models = world.models.filter(
    (m) =>
      (byProvider === undefined || m.providerName.toLowerCase() === String(byProvider).toLowerCase()) &&
      (byOutputModality === undefined || m.outputModalities.includes(String(byOutputModality))) &&
      (byInferenceType === undefined || m.inferenceTypesSupported.includes(String(byInferenceType))) &&
      (byCustomizationType === undefined || m.customizationsSupported.includes(String(byCustomizationType))),
  );
  return ok({ modelSummaries: models.map((m) => modelSummary(req.region, m)) });
};

const getFoundationModel: Handler = (world, req) => {
  const m = findModel(world, req.region, str(req.params.modelIdentifier) ?? '');
  // A profile id is not a foundation model: AWS's exact answer is unverified (404 or 400).
  if (!m) return fail('ResourceNotFoundException', 404, MESSAGES.unresolvedModel);
  return ok({ modelDetails: modelSummary(req.region, m) });
};

function profileSummary(world: World, region: string, p: ProfileDef): Record<string, unknown> {
  return {
    inferenceProfileName: p.inferenceProfileName,
    description: p.description,
    createdAt: '2025-05-22T00:00:00Z',
    updatedAt: '2025-05-22T00:00:00Z',
    inferenceProfileArn: inferenceProfileArn(world, region, p.inferenceProfileId),
    models: profileModelArns(p).map((modelArn) => ({ modelArn })),
    inferenceProfileId: p.inferenceProfileId,
    status: 'ACTIVE',
    type: p.application ? 'APPLICATION' : 'SYSTEM_DEFINED',
  };
}

const listInferenceProfiles: Handler = (world, req) => {
  const typeEquals = str(req.params.typeEquals);
  const all = world.profiles.filter(
    (p) => (typeEquals === undefined || typeEquals === (p.application ? 'APPLICATION' : 'SYSTEM_DEFINED')) && offeredFrom(p, req.region),
  );
  const maxResults = Number(str(req.params.maxResults) ?? 1000);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    return fail('ValidationException', 400, "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
  }
  let start = 0;
  const token = str(req.params.nextToken);
  if (token !== undefined) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) return fail('ValidationException', 400, 'Invalid pagination token');
    start = Number(decoded[1]);
  }
  const page = all.slice(start, start + maxResults);
  const next = start + maxResults < all.length ? Buffer.from(`offset:${start + maxResults}`).toString('base64') : undefined;
  return ok({ inferenceProfileSummaries: page.map((p) => profileSummary(world, req.region, p)), nextToken: next });
};

const getInferenceProfile: Handler = (world, req) => {
  const p = findProfile(world, req.region, str(req.params.inferenceProfileIdentifier) ?? '');
  // AWS's text for an unknown profile is unverified.
  if (!p) return fail('ResourceNotFoundException', 404, 'Inference profile not found.');
  return ok(profileSummary(world, req.region, p));
};

/** Base model for an availability/offers look-up: a profile id is mapped to its model (lenient; unverified on AWS). */
function baseModel(world: World, region: string, id: string): ModelDef | undefined {
  return findModel(world, region, id) ?? modelOfProfile(world, region, id);
}

function modelOfProfile(world: World, region: string, id: string): ModelDef | undefined {
  const p = findProfile(world, region, id);
  return p ? world.models.find((m) => m.modelId === p.modelId) : undefined;
}

const getFoundationModelAvailability: Handler = (world, req) => {
  const id = str(req.params.modelId) ?? '';
  const m = baseModel(world, req.region, id);
  if (!m) return fail('ResourceNotFoundException', 404, MESSAGES.unresolvedModel);
  return ok({ modelId: id, ...m.availability });
};

const listFoundationModelAgreementOffers: Handler = (world, req) => {
  const id = str(req.params.modelId) ?? '';
  const m = baseModel(world, req.region, id);
  if (!m) return fail('ResourceNotFoundException', 404, MESSAGES.unresolvedModel);
  const offers = m.marketplace
    ? [
        {
          offerId: `offer-${m.modelId.replace(/[^a-z0-9]/g, '').slice(0, 20)}`,
          offerToken: `offer-token-${Buffer.from(m.modelId).toString('base64url')}`,
          termDetails: {
            usageBasedPricingTerm: {
              rateCard: [
                { dimension: 'input_tokens', price: '0.00025', description: 'Input tokens (per 1,000)', unit: 'Units' },
                { dimension: 'output_tokens', price: '0.00125', description: 'Output tokens (per 1,000)', unit: 'Units' },
              ],
            },
            legalTerm: { url: `https://aws-mp-legal-docs.s3.amazonaws.com/eula/${m.providerName.toLowerCase()}-bedrock-eula.pdf` },
            supportTerm: { refundPolicyDescription: 'No refunds.' },
            validityTerm: { agreementDuration: 'P100Y' },
          },
        },
      ]
    : [];
  return ok({ modelId: id, offers });
};

const getUseCaseForModelAccess: Handler = (world) => {
  if (!world.useCase) return fail('ResourceNotFoundException', 404, MESSAGES.useCaseFormMissing);
  return ok({ formData: Buffer.from(JSON.stringify(world.useCase)).toString('base64') });
};

const putUseCaseForModelAccess: Handler = (_world, req) => {
  if (typeof req.params.formData !== 'string' || req.params.formData.length === 0) {
    return fail('ValidationException', 400, "1 validation error detected: Value null at 'formData' failed to satisfy constraint: Member must not be null");
  }
  return ok({}, 201);
};

const createFoundationModelAgreement: Handler = (world, req) => {
  const id = str(req.params.modelId) ?? '';
  if (!str(req.params.offerToken)) {
    return fail('ValidationException', 400, "1 validation error detected: Value null at 'offerToken' failed to satisfy constraint: Member must not be null");
  }
  if (!findModel(world, req.region, id)) return fail('ResourceNotFoundException', 404, MESSAGES.unresolvedModel);
  return ok({ modelId: id }, 202);
};

// ---------------------------------------------------------------- Bedrock Runtime

/**
 * The gates a live invocation passes, in order: model id, IAM (profile ARN, then every
 * destination foundation-model ARN), legacy status, model access, Marketplace agreement,
 * Anthropic use-case form.
 */
function invocationDenial(world: World, req: EmulatorRequest, action: string): Reply | undefined {
  const id = str(req.params.modelId) ?? '';
  const region = req.region;
  let model = findModel(world, region, id);
  let resources: string[];
  let viaProfile: string | undefined;
  if (model) {
    if (!model.inferenceTypesSupported.includes('ON_DEMAND')) {
      return fail('ValidationException', 400, MESSAGES.onDemandNotSupported(model.modelId));
    }
    resources = [foundationModelArn(region, model.modelId)];
  } else {
    const p = findProfile(world, region, id);
    model = p ? world.models.find((m) => m.modelId === p.modelId) : undefined;
    if (!p || !model) return fail('ValidationException', 400, MESSAGES.invalidModelId);
    viaProfile = inferenceProfileArn(world, region, p.inferenceProfileId);
    resources = [viaProfile, ...profileModelArns(p)];
  }

  const actions = req.auth === 'bearer' ? ['bedrock:CallWithBearerToken', action] : [action];
  const entity = callerEntity(world);
  for (const a of actions) {
    for (const resource of a === 'bedrock:CallWithBearerToken' ? ['*'] : resources) {
      // The context AWS evaluates: a destination model is requested in its own Region (none for
      // the global ARN) through the profile; the emulator speaks plain http.
      const destination = viaProfile !== undefined && resource !== viaProfile;
      const context: RequestContext = {
        'aws:RequestedRegion': [destination ? resource.split(':')[3] || 'unspecified' : region],
        'aws:PrincipalArn': [entity.arn],
        'aws:PrincipalAccount': [world.identity.account],
        'aws:SecureTransport': ['false'],
        ...(destination ? { 'bedrock:InferenceProfileArn': [viaProfile!] } : {}),
        ...Object.fromEntries(Object.entries(entity.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, [value]])),
      };
      const rule = decide(world, a, resource, true, context);
      if (rule.decision !== 'allowed') {
        return fail('AccessDeniedException', 403, accessDeniedMessage(world.identity.arn, a, resource, rule));
      }
    }
  }

  if (model.modelLifecycle.status === 'LEGACY' && model.recentlyUsed === false) {
    return fail('ResourceNotFoundException', 404, MESSAGES.legacyInactive);
  }
  if (model.availability.authorizationStatus === 'NOT_AUTHORIZED') {
    return fail('AccessDeniedException', 403, MESSAGES.noModelAccess);
  }
  if (model.marketplace) {
    const agreement = model.availability.agreementAvailability;
    if (agreement.status === 'PENDING') return fail('AccessDeniedException', 403, MESSAGES.subscriptionPending);
    if (agreement.status === 'ERROR') {
      return fail('AccessDeniedException', 403, `Model access is denied due to ${agreement.errorMessage ?? 'an error in your AWS Marketplace subscription'}.`);
    }
    // NOT_AVAILABLE: the first invocation subscribes the account, if the caller may.
    if (agreement.status === 'NOT_AVAILABLE' && !world.marketplacePermissions) {
      return fail('AccessDeniedException', 403, MESSAGES.marketplacePermissions);
    }
  }
  if (model.providerName === 'Anthropic' && !world.useCase) {
    return fail('ResourceNotFoundException', 404, MESSAGES.useCaseNotSubmitted);
  }
  return undefined;
}

const converse: Handler = (world, req) =>
  invocationDenial(world, req, 'bedrock:InvokeModel') ??
  ok({
    output: { message: { role: 'assistant', content: [{ text: 'pong' }] } },
    stopReason: 'max_tokens',
    usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    metrics: { latencyMs: 42 },
  });

const invokeModel: Handler = (world, req) =>
  invocationDenial(world, req, 'bedrock:InvokeModel') ??
  ok({ id: 'msg_emulated', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'pong' }], stop_reason: 'max_tokens' });

// ---------------------------------------------------------------- dispatch

const HANDLERS: Record<string, Handler> = {
  'sts:GetCallerIdentity': getCallerIdentity,
  'iam:GetRole': getRole,
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy,
  'iam:GetContextKeysForPrincipalPolicy': getContextKeysForPrincipalPolicy,
  'iam:ListUserTags': listUserTags,
  'iam:ListRoleTags': listRoleTags,
  'bedrock:ListFoundationModels': listFoundationModels,
  'bedrock:GetFoundationModel': getFoundationModel,
  'bedrock:ListInferenceProfiles': listInferenceProfiles,
  'bedrock:GetInferenceProfile': getInferenceProfile,
  'bedrock:GetFoundationModelAvailability': getFoundationModelAvailability,
  'bedrock:ListFoundationModelAgreementOffers': listFoundationModelAgreementOffers,
  'bedrock:GetUseCaseForModelAccess': getUseCaseForModelAccess,
  'bedrock:PutUseCaseForModelAccess': putUseCaseForModelAccess,
  'bedrock:CreateFoundationModelAgreement': createFoundationModelAgreement,
  'bedrock-runtime:Converse': converse,
  'bedrock-runtime:InvokeModel': invokeModel,
};

/** Answers a routed request the way the service would, authentication included. */
export function handle(world: World, req: EmulatorRequest): Reply {
  const query = req.service === 'sts' || req.service === 'iam';

  if (req.auth === 'none') {
    return query
      ? fail('MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
      : fail('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
  }
  if (req.auth === 'bearer') {
    if (query || req.service === 'unknown') {
      return fail(
        'IncompleteSignature',
        403,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
      );
    }
    const denial = bearerDenial(world, req.token ?? '');
    if (denial) return denial;
  }

  if ((req.service === 'bedrock' || req.service === 'bedrock-runtime') && !hostsBedrockIn(world, req.region)) {
    // There is no endpoint for Bedrock in that Region: the nearest a local server gets to ENOTFOUND.
    return { kind: 'fault', fault: 'reset' };
  }

  const handler = HANDLERS[`${req.service}:${req.operation}`];
  if (handler) return handler(world, req);

  if (query) {
    return fail('InvalidAction', 400, `Could not find operation ${req.operation} for version ${queryVersion(req.service)}`);
  }
  if (req.operation === 'unknown') return fail('UnknownOperationException', 404, 'Unknown operation');
  // A real operation this emulator does not implement.
  return fail('ValidationException', 400, `The bedrock-doctor emulator does not implement ${req.operation}.`);
}

function bearerDenial(world: World, token: string): Reply | undefined {
  const reject = (message: string): Reply => ({
    kind: 'error',
    error: { code: 'AccessDeniedException', status: 403, message },
    typeHeader: false,
    messageKey: 'Message',
  });
  if (!token.startsWith('bedrock-api-key-') && !token.startsWith('ABSK')) return reject(MESSAGES.apiKeyFormat);
  if (world.apiKeys === 'reject') return reject(MESSAGES.apiKeyInvalid);
  const key = decodeShortTermKey(token);
  if (key && key.expiresAt.getTime() < Date.now()) return reject(MESSAGES.apiKeyInvalid);
  return undefined;
}

/** Reads the Region and expiry of a short-term API key (`bedrock-api-key-` + base64 presigned URL). */
export function decodeShortTermKey(token: string): { region: string; expiresAt: Date } | undefined {
  if (!token.startsWith('bedrock-api-key-')) return undefined;
  try {
    const url = new URL(`https://${Buffer.from(token.slice('bedrock-api-key-'.length), 'base64').toString('utf8')}`);
    const credential = url.searchParams.get('X-Amz-Credential') ?? '';
    const date = url.searchParams.get('X-Amz-Date') ?? '';
    const expires = Number(url.searchParams.get('X-Amz-Expires') ?? '0');
    const d = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    const region = credential.split('/')[2];
    if (!d || !region) return undefined;
    const signed = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6]));
    return { region, expiresAt: new Date(signed + expires * 1000) };
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function strList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

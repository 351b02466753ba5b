/**
 * The scenario catalogue: each entry is one way an AWS account can be broken (or healthy),
 * as data. `gate`, `status` and `exitCode` are what `bedrock-doctor check` must report when
 * run against the emulator with this scenario (see scenarioArgs / scenarioEnvironment).
 */
import type { Gate, Status } from '../types.js';
import type { AwsErrorSpec } from './protocols.js';
import type { Behaviour, OperationName, ReachableService } from './types.js';
import { ACCOUNT_ID, type WorldPatch } from './world.js';

export interface Scenario {
  /** kebab-case, e.g. 'healthy'. */
  name: string;
  /** One line a newcomer understands. */
  title: string;
  /** The gate at fault; null for healthy variants. */
  gate: Gate | null;
  /** The status that gate must have. */
  status?: Extract<Status, 'fail' | 'inconclusive' | 'pending' | 'warn'>;
  exitCode: 0 | 1 | 2 | 3;
  /** Default 'us-east-1'. */
  region?: string;
  /** Default 'anthropic.claude-3-haiku-20240307-v1:0'. */
  model?: string;
  /** Extra `check` arguments, e.g. ['--no-invoke']. */
  args?: string[];
  /** Extra environment; SHORT_TERM_API_KEY is replaced by a fresh, well-formed short-term key. */
  env?: Record<string, string>;
  /** Changes to the default (healthy) world. */
  world?: WorldPatch;
  /** Per-operation overrides; an operation name, `service:*` or `*`. */
  behaviours?: Partial<Record<OperationName, Behaviour>>;
  /** Endpoints that scenarioEnvironment points at a closed port. */
  down?: ReachableService[];
  /** Operations the doctor must not call in this scenario (e2e tests assert it). */
  mustNotCall?: string[];
}

export const DEFAULT_SCENARIO_REGION = 'us-east-1';
export const DEFAULT_SCENARIO_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Placeholder in Scenario.env, replaced at environment time by a fresh short-term Bedrock API key. */
export const SHORT_TERM_API_KEY = '<short-term-bedrock-api-key>';

const USER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/dev`;
const SCP_ARN = 'arn:aws:organizations::999988887777:policy/o-example/service_control_policy/p-example';
const SSO_ROLE = 'AWSReservedSSO_BedrockDev_0123456789abcdef';

const error = (code: string, status: number, message: string): { error: AwsErrorSpec } => ({ error: { code, status, message } });

/**
 * Bad credentials fail every SigV4 service, each in its own protocol's words:
 * awsQuery codes for STS and IAM, restJson codes for Bedrock.
 */
function credentialFailure(
  queryCode: string,
  jsonCode: string,
  message: string,
  status = 403,
): Partial<Record<OperationName, Behaviour>> {
  return {
    'sts:*': error(queryCode, status, message),
    'iam:*': error(queryCode, status, message),
    'bedrock:*': error(jsonCode, status, message),
    'bedrock-runtime:*': error(jsonCode, status, message),
  };
}

const CLOCK_SKEW_MESSAGE = 'Signature expired: 20261125T010000Z is now earlier than 20261125T012000Z (20261125T012500Z - 5 min.)';

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'healthy',
    title: 'Everything works: the caller can invoke Claude 3 Haiku in us-east-1.',
    gate: null,
    exitCode: 0,
  },
  {
    name: 'expired-token',
    title: 'The session credentials have expired (an old SSO or assume-role session).',
    gate: 'credentials',
    status: 'fail',
    exitCode: 1,
    behaviours: credentialFailure('ExpiredToken', 'ExpiredTokenException', 'The security token included in the request is expired'),
  },
  {
    name: 'invalid-access-key',
    title: 'The access key is wrong, deleted or rotated.',
    gate: 'credentials',
    status: 'fail',
    exitCode: 1,
    behaviours: credentialFailure('InvalidClientTokenId', 'UnrecognizedClientException', 'The security token included in the request is invalid.'),
  },
  {
    name: 'model-not-in-region',
    title: 'The model id does not exist in this Region (a typo or a model offered elsewhere).',
    gate: 'region',
    status: 'fail',
    exitCode: 1,
    model: 'anthropic.claude-opus-9-v1:0',
  },
  {
    name: 'inference-profile-required',
    title: 'Claude Sonnet 4 can only be called through an inference profile (us./global.), not by its base id.',
    gate: 'region',
    status: 'fail',
    exitCode: 1,
    model: 'anthropic.claude-sonnet-4-20250514-v1:0',
  },
  {
    name: 'access-not-granted',
    title: 'The account has not been granted access to the model.',
    gate: 'model-access',
    status: 'fail',
    exitCode: 1,
    world: { availability: { [DEFAULT_SCENARIO_MODEL]: { authorizationStatus: 'NOT_AUTHORIZED' } } },
  },
  {
    name: 'agreement-pending',
    title: 'The AWS Marketplace subscription to the model is still being processed.',
    gate: 'provider-terms',
    status: 'pending',
    exitCode: 3,
    world: { availability: { [DEFAULT_SCENARIO_MODEL]: { agreementAvailability: { status: 'PENDING' } } } },
  },
  {
    name: 'anthropic-use-case-missing',
    title: "Nobody in the account has submitted Anthropic's one-time use-case form.",
    gate: 'provider-terms',
    status: 'fail',
    exitCode: 1,
    world: { useCase: null },
  },
  {
    name: 'iam-implicit-deny',
    title: "The caller's IAM policies do not allow bedrock:InvokeModel.",
    gate: 'iam',
    status: 'fail',
    exitCode: 1,
    world: { policies: [{ action: 'bedrock:InvokeModel*', decision: 'implicitDeny' }] },
  },
  {
    name: 'scp-deny',
    title: "An Organizations service control policy denies Bedrock invocation.",
    gate: 'iam',
    status: 'fail',
    exitCode: 1,
    world: { policies: [{ action: 'bedrock:InvokeModel*', decision: 'explicitDeny', source: 'scp', policyArn: SCP_ARN }] },
  },
  {
    name: 'cannot-simulate',
    title: 'The caller may not run the IAM policy simulator, but invoking works.',
    gate: 'iam',
    status: 'warn',
    exitCode: 0,
    behaviours: {
      SimulatePrincipalPolicy: error(
        'AccessDenied',
        403,
        `User: ${USER_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${USER_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
      ),
    },
  },
  {
    name: 'least-privilege',
    title: 'The caller may only invoke models: every read-only lookup is denied, yet the call works.',
    gate: null,
    exitCode: 0,
    behaviours: {
      'iam:*': error('AccessDenied', 403, `User: ${USER_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${USER_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`),
      'bedrock:*': error('AccessDeniedException', 403, `User: ${USER_ARN} is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action`),
    },
  },
  {
    name: 'sso-session',
    title: 'An IAM Identity Center (SSO) session: the role has a path that the STS ARN does not show.',
    gate: null,
    exitCode: 0,
    world: {
      identity: {
        arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${SSO_ROLE}/alice@example.com`,
        userId: 'AROAEXAMPLEROLEID0001:alice@example.com',
      },
    },
  },
  {
    name: 'no-invoke',
    title: 'A healthy account checked with --no-invoke: no model call is made.',
    gate: null,
    exitCode: 0,
    args: ['--no-invoke'],
    mustNotCall: ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream'],
  },
  {
    name: 'throttled-invoke',
    title: 'Every invocation is throttled (quota exhausted).',
    gate: 'invoke',
    status: 'inconclusive',
    exitCode: 3,
    behaviours: { Converse: error('ThrottlingException', 429, 'Too many requests, please wait before trying again.') },
  },
  {
    name: 'endpoint-down',
    title: 'The Bedrock Runtime endpoint cannot be reached (firewall, proxy, no route).',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    down: ['bedrock-runtime'],
  },
  {
    name: 'hanging-endpoint',
    title: 'The Bedrock Runtime endpoint accepts the connection but never answers.',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    args: ['--timeout', '5'],
    behaviours: { Converse: { fault: 'hang' } },
  },
  {
    name: 'garbage-response',
    title: 'Something between you and AWS answers with an HTML page instead of JSON.',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    behaviours: { Converse: { fault: 'garbage' } },
  },
  {
    name: 'invalid-api-key',
    title: 'AWS_BEARER_TOKEN_BEDROCK holds an API key that Bedrock rejects (expired, revoked or from another Region).',
    gate: 'credentials',
    status: 'fail',
    exitCode: 1,
    env: { AWS_BEARER_TOKEN_BEDROCK: SHORT_TERM_API_KEY },
    world: { apiKeys: 'reject' },
  },
  {
    name: 'wrong-account',
    title: 'The credentials belong to another account than the one expected.',
    gate: 'credentials',
    status: 'fail',
    exitCode: 1,
    args: ['--expect-account', '999988887777'],
  },
  {
    name: 'legacy-model',
    title: 'Claude 2.1 is Legacy and this account has not used it in the last 15 days.',
    gate: 'model-access',
    status: 'fail',
    exitCode: 1,
    model: 'anthropic.claude-v2:1',
    world: { models: { 'anthropic.claude-v2:1': { recentlyUsed: false } } },
  },
  {
    name: 'marketplace-permissions',
    title: 'The first call would subscribe to the model, but the caller lacks the AWS Marketplace permissions.',
    gate: 'model-access',
    status: 'fail',
    exitCode: 1,
    args: ['--allow-subscribe'],
    world: {
      availability: { [DEFAULT_SCENARIO_MODEL]: { agreementAvailability: { status: 'NOT_AVAILABLE' } } },
      marketplacePermissions: false,
      policies: [{ action: 'aws-marketplace:*', decision: 'implicitDeny' }],
    },
  },
  {
    name: 'subscription-not-accepted',
    title: "The model's Marketplace offer has not been accepted; the doctor does not invoke without --allow-subscribe.",
    gate: 'invoke',
    status: 'inconclusive',
    exitCode: 3,
    world: { availability: { [DEFAULT_SCENARIO_MODEL]: { agreementAvailability: { status: 'NOT_AVAILABLE' } } } },
    mustNotCall: ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream', 'CreateFoundationModelAgreement'],
  },
  {
    name: 'clock-skew',
    title: "The computer's clock is wrong, so AWS rejects every signature.",
    gate: 'credentials',
    status: 'fail',
    exitCode: 1,
    behaviours: credentialFailure('SignatureDoesNotMatch', 'InvalidSignatureException', CLOCK_SKEW_MESSAGE),
  },
  {
    name: 'service-unavailable',
    title: 'Bedrock answers 503: no capacity right now.',
    gate: 'invoke',
    status: 'inconclusive',
    exitCode: 3,
    behaviours: { Converse: error('ServiceUnavailableException', 503, 'Bedrock is unable to process your request.') },
  },
  {
    name: 'slow-network',
    title: 'Every AWS call takes 400 ms; the check still completes.',
    gate: null,
    exitCode: 0,
    behaviours: { '*': { delayMs: 400 } },
  },
  {
    name: 'connection-reset',
    title: 'The connection to Bedrock Runtime is reset (a TLS-inspecting proxy, a VPN).',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    behaviours: { Converse: { fault: 'reset' } },
  },
  {
    name: 'captive-portal',
    title: 'Every AWS endpoint answers with an HTML page (a captive portal or an intercepting proxy).',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    behaviours: { '*': { fault: 'garbage' } },
  },
  {
    name: 'offline',
    title: 'No AWS endpoint can be reached at all (no network, or a firewall).',
    gate: 'network',
    status: 'inconclusive',
    exitCode: 3,
    down: ['sts', 'iam', 'bedrock', 'bedrock-runtime'],
  },
  {
    name: 'session-policy-deny',
    title: 'A session policy (invisible to the IAM simulator) denies the invocation.',
    gate: 'iam',
    status: 'fail',
    exitCode: 1,
    world: { policies: [{ action: 'bedrock:InvokeModel*', decision: 'implicitDeny', source: 'session' }] },
  },
  {
    name: 'cross-region-profile-deny',
    title: 'The us. inference profile routes to us-west-2, where IAM does not allow the model.',
    gate: 'iam',
    status: 'fail',
    exitCode: 1,
    model: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    world: {
      policies: [
        {
          action: 'bedrock:InvokeModel*',
          resource: 'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
          decision: 'implicitDeny',
        },
      ],
    },
  },
  {
    name: 'api-key-healthy',
    title: 'A valid short-term Bedrock API key in AWS_BEARER_TOKEN_BEDROCK; everything works.',
    gate: null,
    exitCode: 0,
    env: { AWS_BEARER_TOKEN_BEDROCK: SHORT_TERM_API_KEY },
  },
  {
    name: 'global-profile',
    title: 'Claude Sonnet 4 through its global. inference profile; everything works.',
    gate: null,
    exitCode: 0,
    model: 'global.anthropic.claude-sonnet-4-20250514-v1:0',
  },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/** The `check` arguments for a scenario: ['--region', r, '--model', m, ...scenario.args]. */
export function scenarioArgs(scenario: Scenario): string[] {
  return ['--region', scenario.region ?? DEFAULT_SCENARIO_REGION, '--model', scenario.model ?? DEFAULT_SCENARIO_MODEL, ...(scenario.args ?? [])];
}

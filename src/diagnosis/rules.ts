/**
 * The diagnosis catalog: one entry per known cause, ordered most to least specific.
 * classify() tries every message/code match first (in this order), then name-only matches,
 * then status-only matches, so a rule listed early never wins on its name alone over a later
 * rule whose message matched.
 */

import { BEDROCK_REGIONS, hostsBedrock, isRegionShaped } from '../vocabulary/regions.js';
import type { Fix } from '../types.js';
import { regionOfBedrockHost } from './facts.js';
import { allowPolicy, denialSummary, describeResource, parseIamDenial } from './iam-denial.js';
import type { MatchInput, Rule } from './rule.js';

const DOCS = {
  apiErrors: 'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html',
  apiKeys: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
  apiKeyPerms: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
  credentials: 'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html',
  tempCredentials: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
  accessKeys: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  sso: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html',
  sigv4: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
  imds: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-imds-credentials.html',
  assumeRole: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_roles.html',
  accessDenied: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
  evaluation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  rcp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  boundary: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  sessionPolicy: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
  vpce: 'https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html',
  crossRegion: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html',
  endpoints: 'https://docs.aws.amazon.com/general/latest/gr/bedrock.html',
  endpointConfig: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html',
  caBundle: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-gen-config.html',
  proxy: 'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-proxies.html',
  region: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html',
  modelsRegions: 'https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html',
  modelIds: 'https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html',
  profiles: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html',
  modelAccess: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
  marketplace: 'https://repost.aws/knowledge-center/bedrock-resolve-marketplace-permission',
  lifecycle: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html',
  quotas: 'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html',
  converse: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html',
  support: 'https://docs.aws.amazon.com/awssupport/latest/user/case-management.html',
} as const;

const CHECK = 'bedrock-doctor check';

// ---------------------------------------------------------------- helpers for `when`/`render`

const DNS_TEXT =
  /getaddrinfo|\bENOTFOUND\b|\bEAI_AGAIN\b|no such host|Name or service not known|nodename nor servname|Temporary failure in name resolution|Could not resolve host|dns error|failed to lookup address|UnknownHostException|Unable to resolve host|server misbehaving|Could not connect to the endpoint URL/i;

function hostRegion(m: MatchInput): string | undefined {
  return regionOfBedrockHost(m.facts.host);
}

/** The host is a Bedrock endpoint in a Region that does not host Bedrock (or is no Region). */
function regionLacksBedrock(m: MatchInput): boolean {
  const r = hostRegion(m);
  return r !== undefined && !hostsBedrock(r);
}

/** A message with no words in it: just a status, a name, or JSON metadata. */
function isBare(m: MatchInput): boolean {
  const msg = m.facts.message.replace(new RegExp(m.facts.name ?? '\u0000', 'gi'), ' ');
  return !/[A-Za-z]{2,} [A-Za-z]{2,}/.test(msg);
}

function profileOf(text: string): string {
  const m = /profile(?:=| ?: ?\[| \[|: |: ")['"]?([\w.@+-]{1,64})/.exec(text);
  return m?.[1] ?? '<profile>';
}

const COMMERCIAL_BEDROCK_REGIONS = BEDROCK_REGIONS.filter((r) => !/^(us-gov|us-iso|eusc)/.test(r));

function modelIdOf(text: string): string | undefined {
  return /model ID ([\w.:-]{3,200}?)(?= with|[\s,]|$)/i.exec(text)?.[1] ?? /"modelId" ?: ?"([\w.:/-]{3,200})"/.exec(text)?.[1];
}

/**
 * Fills an IAM denial's summary from the message. An Allow statement is offered only where a
 * missing Allow is the cause (identity policy, boundary, session policy); no Allow overrides an
 * explicit Deny, an SCP, an RCP or a VPC endpoint policy.
 */
function iamRender(prefix: string, reason: string, offerAllow: boolean) {
  return (m: MatchInput): { summary?: string; fix?: Partial<Fix> } => {
    const d = parseIamDenial(m.text);
    // A truncated or bare denial ("no identity-based policy allows the action"): keep the generic text.
    if (!d.action) return {};
    return {
      summary: denialSummary(prefix, d, reason),
      ...(offerAllow ? { fix: { policy: allowPolicy(d) } } : {}),
    };
  };
}

// ---------------------------------------------------------------- the catalog

export const RULES: readonly Rule[] = [
  // ============================================================ credentials: API keys and headers
  {
    id: 'bearer-token-empty',
    gate: 'credentials',
    status: 'fail',
    message: /could not be signed with `?token`? since the `?token`? is not defined|bearer token (?:is )?(?:empty|missing)/i,
    summary: 'AWS_BEARER_TOKEN_BEDROCK is set but empty: the SDK then uses bearer auth for Bedrock with no key, and every call fails.',
    fix: {
      text: 'Put a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK, or unset it so the SDK signs with your AWS credentials (SigV4).',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeys,
    },
  },
  {
    id: 'api-key-bad-format',
    gate: 'credentials',
    status: 'fail',
    message: /Invalid API Key format|Must start with (?:a |the )?pre-?defined prefix/i,
    httpStatus: [],
    seenUnder: ['AccessDeniedException', 'UnauthorizedException'],
    summary:
      'The bearer token sent to Bedrock is not a Bedrock API key (e.g. an access key pair or another provider\'s key was passed as AWS_BEARER_TOKEN_BEDROCK).',
    fix: {
      text: 'Put a Bedrock API key (it starts with "bedrock-api-key-" or "ABSK") in AWS_BEARER_TOKEN_BEDROCK, or unset the variable to sign with your AWS credentials (SigV4) instead.',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK', 'aws sts get-caller-identity'],
      docs: DOCS.apiKeys,
    },
  },
  {
    id: 'api-key-invalid',
    gate: 'credentials',
    status: 'fail',
    message:
      /Authentication failed:? ?Please make sure your API Key is valid|(?:API|bearer) (?:key|token)[^.]{0,30}(?:invalid|expired|not valid|revoked)|invalid (?:Bedrock )?(?:API|bearer) (?:key|token)/i,
    names: ['AccessDeniedException'],
    seenUnder: ['UnauthorizedException'],
    httpStatus: [401, 403],
    // A bare 403 (no message) is this cause only when the call used a bearer token.
    when: (m) => m.match !== undefined || (m.context.authMode === 'api-key' && isBare(m)),
    summary:
      'Bedrock rejected the API key (bearer token): it is invalid, expired, revoked, or a short-term key used outside the Region it was generated in.',
    fix: {
      text: 'Generate a new Bedrock API key in the Region you call (short-term keys work only there and for at most 12 hours) and export it as AWS_BEARER_TOKEN_BEDROCK, or unset it to use SigV4 credentials.',
      actor: 'caller',
      commands: ['export AWS_BEARER_TOKEN_BEDROCK=<new key>', 'unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeys,
    },
  },
  {
    id: 'malformed-authorization',
    gate: 'credentials',
    status: 'fail',
    message:
      /Authorization header requires '?(?:Credential|Signature|SignedHeaders)|Missing Authentication Token|Authorization header (?:is )?(?:malformed|invalid|missing)|Invalid key=value pair .{0,40}Authorization header|Authorization header or parameters are not formatted correctly/i,
    names: ['IncompleteSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException', 'MissingAuthenticationToken'],
    seenUnder: ['AccessDeniedException'],
    summary:
      'The request reached AWS without a valid SigV4 Authorization header: the client sent another kind of auth header (or none).',
    fix: {
      text: 'Let the AWS SDK sign the request with your credentials (check the tool\'s auth mode: SigV4 vs API key vs an Anthropic/OpenAI key), and make sure nothing rewrites the Authorization header (proxy, gateway).',
      actor: 'caller',
      commands: ['aws sts get-caller-identity'],
      docs: DOCS.sigv4,
    },
  },

  // ============================================================ Marketplace and account (before the IAM parser:
  // these texts contain "not authorized to perform: aws-marketplace:…")
  {
    id: 'marketplace-payment-failed',
    gate: 'model-access',
    status: 'fail',
    message:
      /INVALID_PAYMENT_INSTRUMENT|valid payment instrument|Agreement Failed|payment (?:method|instrument)[^.]{0,60}(?:invalid|required|declined|expired|missing)/i,
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    summary:
      'The AWS Marketplace subscription for this model failed: the account has no valid payment method (or the agreement failed for payment or geographic reasons).',
    fix: {
      text: 'An administrator adds or fixes the payment method in AWS Billing (Marketplace purchases need a valid card or invoicing), then retries after a few minutes; contact AWS Support if it still fails.',
      actor: 'administrator',
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'marketplace-subscription-pending',
    gate: 'provider-terms',
    status: 'pending',
    message:
      /subscription for this model is still being processed|MPAgreementBeingCreated|Agreement Pending|subscription (?:is )?(?:still )?(?:being processed|being created|pending|in progress)/i,
    names: ['MPAgreementBeingCreated'],
    seenUnder: ['AccessDeniedException'],
    summary:
      'The AWS Marketplace subscription for this model is still being processed; access follows by itself.',
    fix: {
      text: 'Wait up to 15 minutes and retry; if it is still pending after that, retry every 15 minutes and then contact AWS Support.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'marketplace-permissions-missing',
    gate: 'model-access',
    status: 'fail',
    message:
      /not authorized to perform the required AWS Marketplace actions|aws-marketplace: ?(?:Subscribe|ViewSubscriptions)|Marketplace subscription for this model cannot be completed/i,
    seenUnder: ['AccessDeniedException'],
    summary:
      'This Marketplace-sold model has never been enabled in the account, and the identity making the first call lacks the AWS Marketplace permissions that auto-subscribe it.',
    fix: {
      text: 'An administrator enables the model once for the whole account (invoke it once in the console playground, or ListFoundationModelAgreementOffers + CreateFoundationModelAgreement); after that every role can call it without Marketplace permissions. Alternatively grant only the FIRST caller aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions conditioned on aws:CalledViaLast = bedrock.amazonaws.com; do not add them to runtime roles.',
      actor: 'administrator',
      commands: [
        'aws bedrock list-foundation-model-agreement-offers --model-id <model-id> --region <region>',
        'aws bedrock create-foundation-model-agreement --model-id <model-id> --offer-token <offer-token> --region <region>',
      ],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'FirstCallerMarketplaceSubscribe',
            Effect: 'Allow',
            Action: ['aws-marketplace:Subscribe', 'aws-marketplace:ViewSubscriptions'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' } },
          },
        ],
      },
      docs: DOCS.marketplace,
    },
  },
  {
    id: 'model-access-denied',
    gate: 'model-access',
    status: 'fail',
    message: /Model access is denied|access to (?:this|the) model (?:is|was) denied|private marketplace/i,
    seenUnder: ['AccessDeniedException'],
    summary:
      'Bedrock denied access to this model for the account (the reason code in the message, e.g. a Marketplace subscription or Private Marketplace restriction, says why).',
    fix: {
      text: 'An administrator resolves the reason in the message: approve the product in the Private Marketplace, complete the model\'s Marketplace subscription once for the account, or contact AWS Support.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.modelAccess,
    },
  },
  {
    id: 'sso-no-access',
    gate: 'credentials',
    status: 'fail',
    message: /\bNo access\b/i,
    when: (m) =>
      m.facts.name === 'ForbiddenException' || /GetRoleCredentials/i.test(m.facts.operation ?? m.context.operation ?? ''),
    seenUnder: ['ForbiddenException'],
    summary:
      'IAM Identity Center refused role credentials (ForbiddenException "No access"): the SSO session does not (yet) include this account and permission set.',
    fix: {
      text: 'Check the profile\'s sso_account_id and sso_role_name; if the permission set was assigned recently, sign out of the access portal and log in again.',
      actor: 'caller',
      commands: ['aws sso logout', 'aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
    render: (m) => ({ fix: { commands: ['aws sso logout', `aws sso login --profile ${profileOf(m.text)}`] } }),
  },
  {
    id: 'assume-role-denied',
    gate: 'credentials',
    status: 'fail',
    message:
      /not authorized to perform:? ?sts:(?:AssumeRole|TagSession|SetSourceIdentity)\w{0,30}|Could not assume role|is not authorized to assume|No OpenIDConnect provider found|Incorrect token audience|InvalidIdentityToken|AssumeRole\w{0,30} operation: (?:User|Access denied|Not authorized)/i,
    seenUnder: ['AccessDenied', 'AccessDeniedException', 'InvalidIdentityToken'],
    summary:
      'The identity could not assume the role: the role\'s trust policy (or the caller\'s sts:AssumeRole permission) does not allow it.',
    fix: {
      text: 'An administrator checks the role\'s trust policy (principal, and for OIDC the aud/sub conditions, which are case-sensitive) and that the source identity may call sts:AssumeRole on it.',
      actor: 'administrator',
      commands: ['aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument'],
      docs: DOCS.assumeRole,
    },
  },
  {
    id: 'bearer-token-denied',
    gate: 'iam',
    status: 'fail',
    message: /bedrock:CallWithBearerToken|API keys? (?:are |is )?(?:disabled|not allowed|blocked|denied)/i,
    seenUnder: ['AccessDeniedException'],
    summary: 'A policy denies using Bedrock API keys (bedrock:CallWithBearerToken) for this identity.',
    fix: {
      text: 'Call Bedrock with SigV4 credentials instead of the API key (unset AWS_BEARER_TOKEN_BEDROCK), or have an administrator allow bedrock:CallWithBearerToken (SCPs often block API keys on purpose).',
      actor: 'administrator',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      policy: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'AllowBedrockApiKeys', Effect: 'Allow', Action: 'bedrock:CallWithBearerToken', Resource: '*' }],
      },
      docs: DOCS.apiKeyPerms,
    },
  },

  // ============================================================ iam: the standard denial, by policy type
  {
    id: 'scp-deny',
    gate: 'iam',
    status: 'fail',
    message: /explicit deny in an? (?:service control policy|SCP)|because no service control policy allows/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'A service control policy (SCP) of the AWS Organization denies this call.',
    fix: {
      text: 'An Organizations administrator must exempt this action and resource from the SCP (Region-deny SCPs also block the destination Regions of cross-Region profiles and global profiles, whose Region is "unspecified"), or call a model or profile the SCP allows (e.g. a geographic us./eu. profile or the in-Region model).',
      actor: 'administrator',
      docs: DOCS.scp,
    },
    render: iamRender('Denied by a service control policy', 'an explicit deny in an SCP', false),
  },
  {
    id: 'rcp-deny',
    gate: 'iam',
    status: 'fail',
    message: /explicit deny in an? resource control policy|because no resource control policy allows/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'A resource control policy (RCP) of the AWS Organization denies this call.',
    fix: {
      text: 'An Organizations administrator must change the RCP so it allows this principal, action and resource (RCPs are not visible to the IAM policy simulator).',
      actor: 'administrator',
      docs: DOCS.rcp,
    },
    render: iamRender('Denied by a resource control policy', 'an explicit deny in an RCP', false),
  },
  {
    id: 'vpce-policy-deny',
    gate: 'iam',
    status: 'fail',
    message: /no VPC endpoint policy allows|explicit deny in a VPC endpoint policy|aws:SourceVpce?\b/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'A VPC endpoint policy (or a policy conditioned on the VPC endpoint) does not allow this call.',
    fix: {
      text: 'An administrator adds this action and resource to the bedrock-runtime VPC endpoint policy, or routes the call through the VPC endpoint the identity policy requires (aws:SourceVpce).',
      actor: 'administrator',
      commands: ['aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.<region>.bedrock-runtime'],
      docs: DOCS.vpce,
    },
    render: iamRender('Denied by a VPC endpoint policy', 'no VPC endpoint policy allows it', false),
  },
  {
    id: 'permissions-boundary',
    gate: 'iam',
    status: 'fail',
    message: /no permissions boundary allows|explicit deny in a permissions boundary/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'The permissions boundary attached to this identity does not allow this call.',
    fix: {
      text: 'An administrator adds this action and resource to the permissions boundary (an identity policy alone cannot grant beyond the boundary).',
      actor: 'administrator',
      docs: DOCS.boundary,
    },
    render: iamRender('Blocked by the permissions boundary', 'no permissions boundary allows it', true),
  },
  {
    id: 'session-policy-deny',
    gate: 'iam',
    status: 'fail',
    message: /no session policy allows|explicit deny in a session policy/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'The session policy passed when the role was assumed (or the federation scope-down) does not allow this call.',
    fix: {
      text: 'Whoever issues the session (AssumeRole Policy/PolicyArns, Cognito identity pool, SSO tooling) must include this action and resource in the session policy; the role\'s own policies are not the problem.',
      actor: 'administrator',
      docs: DOCS.sessionPolicy,
    },
    render: iamRender('Blocked by the session policy', 'no session policy allows it', true),
  },
  {
    id: 'iam-explicit-deny',
    gate: 'iam',
    status: 'fail',
    message: /explicit deny in (?:an? )?(?:identity-based|resource-based) policy|explicit deny\b/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'An explicit Deny in an IAM policy blocks this call.',
    fix: {
      text: 'An administrator finds the Deny statement that matches (often a Region lock that also hits cross-Region or global profiles) and narrows it; an Allow cannot override a Deny.',
      actor: 'administrator',
      commands: ['aws iam simulate-principal-policy --policy-source-arn <role-or-user-arn> --action-names bedrock:InvokeModel --resource-arns <resource-arn>'],
      docs: DOCS.evaluation,
    },
    render: iamRender('Explicitly denied by an IAM policy', 'an explicit deny in an identity-based policy', false),
  },
  {
    id: 'iam-implicit-deny',
    gate: 'iam',
    status: 'fail',
    message: /no identity-based policy allows|no resource-based policy allows/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    summary: 'No IAM policy of this identity allows the call (implicit deny).',
    fix: {
      text: 'An administrator attaches an Allow for this action on the exact resource ARN in the message (for cross-Region profiles: the profile and the foundation model in every destination Region).',
      actor: 'administrator',
      docs: DOCS.crossRegion,
    },
    render: iamRender('Not allowed by any IAM policy', 'no identity-based policy allows it', true),
  },
  {
    id: 'iam-not-authorized',
    gate: 'iam',
    status: 'fail',
    message: /is not authorized to perform:? ?[A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,100}|not authorized to perform (?:this|the requested) (?:action|operation)/i,
    seenUnder: ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'],
    summary: 'IAM denied the call (the message does not say which policy type).',
    fix: {
      text: 'An administrator grants this action on the resource ARN in the message; run bedrock-doctor check to see whether an SCP, boundary or session policy is involved.',
      actor: 'administrator',
      commands: [CHECK],
      docs: DOCS.accessDenied,
    },
    render: (m) => {
      const d = parseIamDenial(m.text);
      return {
        summary: `IAM denied ${d.principal ? `${d.principal} ` : 'the caller '}${d.action ?? 'the action'}${d.resource ? ` on ${describeResource(d.resource)}` : ''} (the message does not say which policy type).`,
        fix: { policy: allowPolicy(d) },
      };
    },
  },

  // ============================================================ credentials
  {
    id: 'sso-misconfigured',
    gate: 'credentials',
    status: 'fail',
    message:
      /sso[ _-]session '[^']{0,80}' (?:could not be found|was not found|does not exist)|missing required (?:property|configuration)[^.]{0,40}sso|sso_session[^.]{0,40}(?:missing|not found|required)|InvalidSSOConfig|failed to (?:retrieve|read|find|load) sso_\w{2,30}|sso_(?:account_id|role_name|start_url|region)[^.]{0,40}(?:missing|not found|required)/i,
    seenUnder: ['CredentialsProviderError', 'InvalidConfigError'],
    summary: 'The profile\'s IAM Identity Center (SSO) configuration is incomplete: the sso-session section or a required setting is missing.',
    fix: {
      text: 'Run aws configure sso for the profile (or fix its sso_session / sso_start_url / sso_region settings), then log in.',
      actor: 'caller',
      commands: ['aws configure sso --profile <profile>', 'aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
    render: (m) => {
      const p = profileOf(m.text);
      return { fix: { commands: [`aws configure sso --profile ${p}`, `aws sso login --profile ${p}`] } };
    },
  },
  {
    id: 'sso-expired',
    gate: 'credentials',
    status: 'fail',
    message:
      /\bSSO\b[^.]{0,80}(?:expired|invalid|not found|refresh)|aws sso login|Token (?:is|has) expired|Session token not found or invalid|invalid_grant|Invalid refresh token|refresh token[^.]{0,40}(?:invalid|expired)|re-?authenticate using aws login|Failed to load a token for session|Error loading SSO Token|Token for [^.]{1,80} does not exist|token (?:refresh|retrieval) failed/i,
    names: ['TokenRetrievalError', 'SSOTokenProviderFailure', 'UnauthorizedSSOTokenError', 'InvalidGrantException'],
    seenUnder: ['UnauthorizedException', 'CredentialsProviderError', 'ExpiredTokenException', 'ExpiredToken'],
    summary: 'The IAM Identity Center (SSO) or `aws login` session has expired or is invalid, so no AWS credentials can be issued.',
    fix: {
      text: 'Log in again with the profile the tool uses (check AWS_PROFILE); tools that read the SSO token cache need a fresh login too.',
      actor: 'caller',
      commands: ['aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
    render: (m) => {
      const p = profileOf(m.text);
      const viaLogin = /aws login|login_session/i.test(m.text) && !/sso/i.test(m.text);
      return { fix: { commands: [viaLogin ? `aws login --profile ${p}` : `aws sso login --profile ${p}`] } };
    },
  },
  {
    id: 'expired-credentials',
    gate: 'credentials',
    status: 'fail',
    message:
      /security token included in the request is expired|provided token has expired|credentials? (?:have|has) expired|token included in the request has expired|session (?:credentials|token) (?:have |has )?expired/i,
    names: ['ExpiredToken', 'ExpiredTokenException'],
    seenUnder: ['CredentialsProviderError', 'AccessDeniedException'],
    summary: 'The temporary AWS credentials (session token) have expired.',
    fix: {
      text: 'Refresh the session: log in again (aws sso login), re-assume the role, or export fresh AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; long-running processes must use a refreshing credential provider.',
      actor: 'caller',
      commands: ['aws sso login --profile <profile>', 'aws sts get-caller-identity'],
      docs: DOCS.tempCredentials,
    },
  },
  {
    id: 'invalid-credentials',
    gate: 'credentials',
    status: 'fail',
    message:
      /security token included in the request is invalid|Access Key Id you provided does not exist|access key (?:id )?[^.]{0,30}(?:does not exist|is not valid|is invalid)|(?:InvalidClientTokenId|UnrecognizedClientException)\b/i,
    names: ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId', 'AuthFailure'],
    seenUnder: ['AccessDeniedException'],
    summary:
      'AWS does not recognise the credentials: the access key is wrong, deleted or rotated, or static keys were mixed with a stray session token, or another profile than intended was used.',
    fix: {
      text: 'Check which credentials the tool really uses: a stale AWS_SESSION_TOKEN left in the environment (e.g. in Lambda or after a role session) with different keys, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY that shadow (or are shadowed by) AWS_PROFILE, or a rotated key in ~/.aws/credentials.',
      actor: 'caller',
      commands: ['aws sts get-caller-identity', 'env | grep ^AWS_', 'aws configure list'],
      docs: DOCS.accessKeys,
    },
  },
  {
    id: 'clock-skew',
    gate: 'credentials',
    status: 'fail',
    message:
      /Signature expired|Signature not yet current|RequestTimeTooSkewed|clock skew|Request has expired|is now earlier than|is still later than|time between the request and the current time is too (?:large|skewed)|request time[^.]{0,40}too skewed/i,
    names: ['RequestExpired', 'RequestTimeTooSkewed'],
    seenUnder: ['InvalidSignatureException', 'SignatureDoesNotMatch', 'AccessDeniedException'],
    summary: 'The request signature is outside AWS\'s time window: this machine\'s clock is wrong (common after sleep in WSL2 or VMs).',
    fix: {
      text: 'Synchronise the system clock with NTP (WSL2: sudo hwclock -s), then retry.',
      actor: 'caller',
      commands: ['date -u', 'sudo hwclock -s', 'sudo timedatectl set-ntp true'],
      docs: DOCS.sigv4,
    },
  },
  {
    id: 'signature-mismatch',
    gate: 'credentials',
    status: 'fail',
    message:
      /signature we calculated does not match|Check your AWS Secret Access Key and signing method|signature (?:does not|doesn't) match/i,
    names: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
    seenUnder: ['AccessDeniedException'],
    summary: 'The request signature does not match: the secret access key does not belong to the access key id (or a proxy altered the request).',
    fix: {
      text: 'Re-enter the secret access key (watch for copied whitespace), make sure AWS_SECRET_ACCESS_KEY pairs with AWS_ACCESS_KEY_ID, and check that no proxy rewrites signed headers.',
      actor: 'caller',
      commands: ['aws configure', 'aws sts get-caller-identity'],
      docs: DOCS.sigv4,
    },
  },
  {
    id: 'imds-unavailable',
    gate: 'credentials',
    status: 'fail',
    message:
      /instance metadata service|\bIMDS\b|IMDS_|\bec2imds\b|EC2 (?:instance )?metadata|169\.254\.169\.254|169\.254\.170\.2|container (?:credentials|metadata)|EC2 IMDS role/i,
    seenUnder: ['CredentialsProviderError', 'TimeoutError', 'ProviderError'],
    summary:
      'No credentials were found in the environment or profile, so the SDK fell back to the EC2/ECS instance metadata service, which is unreachable or has no role.',
    fix: {
      text: 'Outside EC2/ECS configure a profile (or fix the named profile the tool should use) and set AWS_EC2_METADATA_DISABLED=true; on EC2 attach an instance role and allow IMDSv2 hop limit 2 for containers.',
      actor: 'caller',
      commands: ['export AWS_EC2_METADATA_DISABLED=true', 'export AWS_PROFILE=<profile>', 'aws sts get-caller-identity'],
      docs: DOCS.imds,
    },
  },
  {
    id: 'profile-not-found',
    gate: 'credentials',
    status: 'fail',
    message: /(?:config )?profile \(?['"[]?[\w.@+-]{1,64}['"\]]?\)? (?:could not be found|not found|does not exist)|ProfileNotFound/i,
    names: ['ProfileNotFound'],
    seenUnder: ['CredentialsProviderError'],
    summary: 'The named AWS profile does not exist in ~/.aws/config or ~/.aws/credentials.',
    fix: {
      text: 'Fix AWS_PROFILE (or --profile) to a profile that exists, or create it.',
      actor: 'caller',
      commands: ['aws configure list-profiles', 'aws configure --profile <profile>'],
      docs: DOCS.credentials,
    },
  },
  {
    id: 'no-credentials',
    gate: 'credentials',
    status: 'fail',
    message:
      /Could not load credentials|Unable to (?:locate|load|find|retrieve) (?:AWS |any )?credentials|Missing credentials in config|no valid (?:credential )?providers in chain|no providers in chain provided credentials|Could not resolve credentials using profile|credential provider was not enabled|failed ?to ?(?:create|refresh|retrieve|load|resolve|obtain|get)[\w ]{0,40}?credentials|No (?:AWS )?credentials (?:found|available|were found|provided)|credentials (?:are )?not (?:found|configured|set)|load credentials from any|Credential is missing|Error when retrieving credentials from|credential_process[^.]{0,40}(?:failed|error)|(?:requires|missing|need) (?:valid )?AWS credentials|AWS credentials (?:are )?(?:required|missing)/i,
    names: ['CredentialsProviderError', 'NoCredentialsError', 'PartialCredentialsError', 'CredentialsError', 'CredentialRetrievalError'],
    summary: 'No AWS credentials were found: no environment keys, no usable profile, no SSO session, no instance role.',
    fix: {
      text: 'Configure credentials the SDK can find: aws configure (access keys), aws configure sso + aws sso login (Identity Center), or export AWS_PROFILE for an existing profile. If you meant to use a Bedrock API key, set AWS_BEARER_TOKEN_BEDROCK and use a client that supports it.',
      actor: 'caller',
      commands: ['aws configure', 'aws sso login --profile <profile>', 'export AWS_PROFILE=<profile>', 'aws sts get-caller-identity'],
      docs: DOCS.credentials,
    },
  },

  // ============================================================ provider terms
  {
    id: 'anthropic-use-case-missing',
    gate: 'provider-terms',
    status: 'fail',
    message:
      /use case details have not been submitted|use case details|FTUFormNotFilled|use[- ]case (?:details )?form|Fill out the Anthropic use case|not filled out the (?:required )?(?:use[- ]case|request) form|first[- ]time[- ]use form/i,
    names: ['FTUFormNotFilled'],
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    summary: 'Anthropic\'s one-time use-case form has not been submitted for this account (or it was submitted less than ~15 minutes ago).',
    fix: {
      text: 'Submit the Anthropic use-case details once for the account (open any Anthropic model in the Bedrock console playground, or PutUseCaseForModelAccess from the Organization management account so member accounts inherit it); allow ~15 minutes. If it was already submitted, check that your credentials point at that account.',
      actor: 'administrator',
      commands: [
        'aws bedrock put-use-case-for-model-access --form-data "$(base64 < use-case.json)" --region us-east-1',
        'aws sts get-caller-identity',
      ],
      docs: DOCS.modelAccess,
    },
  },
  {
    id: 'use-case-form-invalid',
    gate: 'provider-terms',
    status: 'fail',
    message: /Invalid form data/i,
    seenUnder: ['ValidationException'],
    summary: 'The Anthropic use-case form submission was rejected: the formData is not valid (wrong encoding or missing fields).',
    fix: {
      text: 'Send formData as JSON with companyName, companyWebsite, intendedUsers, industryOption, otherIndustryOption and useCases: base64-encoded once for the AWS CLI, raw bytes for the SDKs.',
      actor: 'administrator',
      commands: ['aws bedrock put-use-case-for-model-access --form-data "$(base64 < use-case.json)" --region us-east-1'],
      docs: DOCS.modelAccess,
    },
  },

  // ============================================================ model access
  {
    id: 'legacy-model-inactive',
    gate: 'model-access',
    status: 'fail',
    message:
      /marked (?:by (?:the )?provider )?as Legacy|not been actively using the model|model (?:is|has been) (?:marked )?(?:as )?legacy|legacy model[^.]{0,60}(?:not available|no longer|access)/i,
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    summary: 'The model is Legacy and this account has not used it recently (or is new), so it lost access.',
    fix: {
      text: 'Switch to an ACTIVE model version (ListFoundationModels shows modelLifecycle.status); Legacy access cannot be re-enabled by IAM.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[?modelLifecycle.status==\'ACTIVE\'].modelId"'],
      docs: DOCS.lifecycle,
    },
  },
  {
    id: 'model-end-of-life',
    gate: 'model-access',
    status: 'fail',
    message: /reached (?:the |its )?end of (?:its )?life|end[- ]of[- ]life|model (?:version )?(?:has been|is) (?:retired|deprecated|discontinued)|no longer (?:available|supported) for (?:use|invocation)/i,
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    summary: 'This model version has reached end of life and can no longer be invoked by anyone.',
    fix: {
      text: 'Move to a current model version (see the model lifecycle page for the recommended replacement).',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region>'],
      docs: DOCS.lifecycle,
    },
  },
  {
    id: 'model-access-not-granted',
    gate: 'model-access',
    status: 'fail',
    message: /(?:don't|do not|does not|doesn't) have access to (?:the |this )?(?:requested )?model|access to (?:the |this )?model (?:is not|has not been) (?:granted|enabled)|model access (?:is )?(?:not enabled|required)/i,
    seenUnder: ['AccessDeniedException'],
    summary:
      'The account has no access to this model in this Region (the model-access grant of older accounts and GovCloud, or access enabled in a different Region).',
    fix: {
      text: 'An administrator enables the model for this account in this Region (in GovCloud: Bedrock console > Model access); check that the client calls the Region where access was granted.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.modelAccess,
    },
  },
  {
    id: 'account-being-verified',
    gate: 'model-access',
    status: 'pending',
    message: /account is (?:currently )?being verified|account verification (?:is )?(?:in progress|pending)/i,
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    summary: 'The AWS account is still being verified, and Bedrock refuses calls until verification completes.',
    fix: {
      text: 'Wait for account verification to finish (new accounts can take hours); if it does not, open an AWS Support case.',
      actor: 'administrator',
      docs: DOCS.support,
    },
  },
  {
    id: 'account-not-authorized',
    gate: 'model-access',
    status: 'fail',
    message:
      /account is not authorized to (?:invoke this API operation|access this model|use this model)|is not available for this account|not (?:available|allowed|enabled) (?:to|for) (?:this|your) account|BadCScore|contact AWS Sales|\bpermission_error\b/i,
    names: ['BadCScoreException'],
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    summary:
      'The account itself is not authorized for this model or operation (an account-level restriction, or access enabled only in another Region) — not an IAM problem.',
    fix: {
      text: 'Check that you call the Region where the account has access; otherwise an administrator contacts AWS Support (or AWS Sales, as the message says) to lift the account-level restriction. Changing IAM will not help.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'operation-not-allowed',
    gate: 'model-access',
    status: 'fail',
    message: /\bOperation not allowed\b/i,
    seenUnder: ['ValidationException', 'AccessDeniedException'],
    summary: 'Bedrock refuses every call for this account ("Operation not allowed"): an account-level block, often pending account verification or a Legacy model in extended access.',
    fix: {
      text: 'Try an Amazon model and another Region to confirm it is account-wide; then an administrator opens an AWS Support case (no IAM or code change fixes it).',
      actor: 'administrator',
      commands: [CHECK],
      docs: DOCS.support,
    },
  },

  // ============================================================ region
  {
    id: 'inference-profile-required',
    gate: 'region',
    status: 'fail',
    message:
      /on-demand throughput isn.t supported|on-demand throughput is not supported|(?:doesn.t|does not) support on-demand throughput|Retry your request with the ID or ARN of an inference profile/i,
    seenUnder: ['ValidationException'],
    summary: 'This model cannot be invoked by its base model id in this Region: it must be called through an inference profile.',
    fix: {
      text: 'Use an inference profile id that contains the model, e.g. us.<model-id>, eu.<model-id>, apac.<model-id> or global.<model-id> (list them with list-inference-profiles), and grant IAM on the profile and its destination models.',
      actor: 'caller',
      commands: ['aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[].inferenceProfileId"'],
      docs: DOCS.profiles,
    },
    render: (m) => {
      const id = modelIdOf(m.text);
      if (!id) return {};
      return {
        summary: `Model ${id} cannot be invoked on demand by its base id in this Region: call it through an inference profile.`,
        fix: {
          text: `Use an inference profile id instead of ${id}, e.g. us.${id}, eu.${id}, apac.${id} or global.${id}, whichever list-inference-profiles offers in your Region; IAM must allow the profile and the model in its destination Regions.`,
        },
      };
    },
  },
  {
    id: 'invalid-model-identifier',
    gate: 'region',
    status: 'fail',
    message:
      /model identifier (?:is )?invalid|invalid model identifier|model (?:id(?:entifier)?|ARN) (?:is )?(?:invalid|not valid)|invalid model (?:id|ARN)\b|model id(?:entifier)? ['"]?[\w.:\/-]{1,200}['"]? (?:is not (?:supported|valid|found)|does not exist)|at '?modelId'? failed to satisfy constraint|\bmodel_not_found\b|\bmodel\b[^.]{0,80}? does not exist/i,
    seenUnder: ['ValidationException', 'ResourceNotFoundException'],
    summary:
      'The model identifier is not valid here: a typo or a non-Bedrock name, a model not offered in this Region, or an inference-profile prefix that is not offered from this source Region.',
    fix: {
      text: 'Use an exact id from list-foundation-models or list-inference-profiles in the Region the client really calls (check AWS_REGION and the tool\'s region setting).',
      actor: 'caller',
      commands: [
        'aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"',
        'aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[].inferenceProfileId"',
      ],
      docs: DOCS.modelIds,
    },
  },
  {
    id: 'model-not-in-region',
    gate: 'region',
    status: 'fail',
    message:
      /Could not resolve the foundation model|model.{0,100}?(?:is )?not (?:supported|available|offered) in (?:this |the |your |the selected |the requested )?(?:AWS )?region\b|not available in (?:the )?(?:selected |requested )?region/i,
    seenUnder: ['ResourceNotFoundException', 'ValidationException'],
    summary: 'The model is not offered in this Region.',
    fix: {
      text: 'Call a Region that offers the model (or a cross-Region inference profile that includes it).',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"'],
      docs: DOCS.modelsRegions,
    },
  },
  {
    id: 'profile-id-unsupported-by-client',
    gate: 'region',
    status: 'fail',
    message:
      /(?:Unsupported|Unknown|Invalid|unrecognized) (?:model )?provider:? ['"]?(?:us|eu|apac|jp|au|ca|global|us-gov)\b|provider ['"]?(?:us|eu|apac|global)['"]? (?:is )?not supported|(?:Unsupported|Unknown|unrecognized) (?:model )?provider ?= ?\w/i,
    summary:
      'The client library parses the provider from the model id and does not understand inference-profile prefixes (us., eu., global.…).',
    fix: {
      text: 'Upgrade the client library to a version that supports inference profiles, or pass the profile ARN / configure the provider explicitly.',
      actor: 'caller',
      docs: DOCS.profiles,
    },
  },
  {
    id: 'bedrock-not-in-region',
    gate: 'region',
    status: 'fail',
    message: DNS_TEXT,
    codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'],
    names: ['EndpointConnectionError'],
    when: regionLacksBedrock,
    summary: 'The Bedrock endpoint for this Region does not exist: Bedrock is not offered in that Region.',
    fix: {
      text: `Choose a Region that hosts Bedrock: ${COMMERCIAL_BEDROCK_REGIONS.join(', ')}.`,
      actor: 'caller',
      commands: ['export AWS_REGION=us-east-1'],
      docs: DOCS.endpoints,
    },
    render: (m) => {
      const r = hostRegion(m) ?? '?';
      return {
        summary: isRegionShaped(r)
          ? `Bedrock is not offered in ${r}: ${m.facts.host} does not resolve.`
          : `"${r}" is not an AWS Region name, so ${m.facts.host} does not exist.`,
      };
    },
  },
  {
    id: 'region-not-set',
    gate: 'region',
    status: 'fail',
    message:
      /Region is missing|You must specify a region|Missing Region|Missing region in config|NoRegionError|could not find region|\bregion (?:setting |name |configuration )?(?:is |was )?(?:not set|not specified|not configured|not provided|missing|required|undefined)\b|Unable to (?:load|find|determine|resolve) (?:the |a |any )?(?:AWS )?region|No RegionEndpoint/i,
    names: ['NoRegionError'],
    seenUnder: ['ConfigError'],
    summary: 'No AWS Region is configured for the client.',
    fix: {
      text: 'Pass --region or set AWS_REGION (the JS SDK ignores AWS_DEFAULT_REGION), or add region to the profile.',
      actor: 'caller',
      commands: ['export AWS_REGION=us-east-1'],
      docs: DOCS.region,
    },
  },
  {
    id: 'invalid-region',
    gate: 'region',
    status: 'fail',
    message: /Region not accepted|is not a valid hostname component|Invalid region|Credential should be scoped to a valid region/i,
    summary: 'The Region string is not a valid AWS Region (or the request was signed for a different Region than the endpoint).',
    fix: {
      text: 'Use a Region code such as us-east-1, and check AWS_REGION, the profile region and any AWS_ENDPOINT_URL override agree.',
      actor: 'caller',
      commands: ['env | grep -E "^AWS_(REGION|DEFAULT_REGION|ENDPOINT_URL)"'],
      docs: DOCS.region,
    },
  },
  {
    id: 'region-not-enabled',
    gate: 'region',
    status: 'fail',
    message: /OptInRequired|Region[^.]{0,40}(?:is )?(?:not enabled|disabled|opt-in)|needs a subscription for the service/i,
    names: ['OptInRequired'],
    seenUnder: ['UnrecognizedClientException'],
    summary: 'The Region is an opt-in Region that is not enabled for this account.',
    fix: {
      text: 'An administrator enables the Region (Account > AWS Regions), or call a Region that is enabled.',
      actor: 'administrator',
      commands: ['aws account list-regions --region-opt-status-contains ENABLED ENABLED_BY_DEFAULT'],
      docs: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
    },
  },

  // ============================================================ invoke (the request and the service)
  {
    id: 'tokens-per-day-exhausted',
    gate: 'invoke',
    status: 'inconclusive',
    message: /tokens per day|daily token (?:quota|limit)|per-day (?:token )?quota/i,
    seenUnder: ['ThrottlingException', 'ServiceQuotaExceededException'],
    summary: 'The account\'s tokens-per-day quota for this model is used up (new accounts get very low daily quotas).',
    fix: {
      text: 'Request a quota increase for "Model invocation max tokens per day" (and tokens per minute) for this model in Service Quotas, or lower max_tokens; new accounts may need AWS Support.',
      actor: 'administrator',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region> --query "Quotas[?contains(QuotaName, \'tokens per day\')]"'],
      docs: DOCS.quotas,
    },
  },
  {
    id: 'malformed-request',
    gate: 'invoke',
    status: 'fail',
    message:
      /Malformed input request|Extra inputs are not permitted|extraneous key|tool_result|tool_use|invalid beta flag|input is too long|prompt is too long|Input validation error|maximum context length|too many (?:input )?tokens in the (?:request|prompt)|is not valid against schema|required key \[|messages\.\d{1,4}|unsupported (?:parameter|field)|unexpected field|Invalid (?:request )?body|reformat your input|field required|must not be valid against schema|Unsupported value|model returned the following errors|roles must alternate|max_tokens|tool_choice|maximum allowed number of (?:output|input) tokens|maximum tokens you requested|exceeds? the model(?:'s)? (?:token )?limit|\btool(?:Config|Use|Result|Choice)\b|budget_tokens|\bInput should be\b|(?:field|parameter|key) must be (?:defined|set|provided|specified)|context (?:window|length) (?:exceeded|is exceeded)/i,
    seenUnder: ['ValidationException', 'ModelErrorException', 'ModelStreamErrorException', 'BadRequestException'],
    summary: 'Bedrock reached the model and rejected the request body: the application sent a field, structure or size the model does not accept. Access is fine.',
    fix: {
      text: 'Fix the request the application sends (the message names the field); for Anthropic models on Bedrock check anthropic_version, beta flags, tool_use/tool_result ordering and unsupported fields. Upgrading the client library often fixes it.',
      actor: 'caller',
      docs: DOCS.converse,
    },
  },
  {
    id: 'service-quota-exceeded',
    gate: 'invoke',
    status: 'fail',
    message: /exceeds the service quota|service quota (?:exceeded|limit)|quota (?:has been )?exceeded for/i,
    names: ['ServiceQuotaExceededException'],
    summary: 'The request exceeds a service quota of the account.',
    fix: {
      text: 'Request a quota increase in Service Quotas for the quota named in the message.',
      actor: 'administrator',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region>'],
      docs: DOCS.quotas,
    },
  },
  {
    id: 'model-not-ready',
    gate: 'invoke',
    status: 'inconclusive',
    message: /model[^.]{0,60}not ready|not ready to serve/i,
    names: ['ModelNotReadyException'],
    summary: 'The model is not ready to serve requests yet; this says nothing about access.',
    fix: { text: 'Retry after a short wait (the SDK retries automatically).', actor: 'caller', commands: [CHECK], docs: DOCS.apiErrors },
  },
  {
    id: 'model-timeout',
    gate: 'invoke',
    status: 'inconclusive',
    message: /model (?:has )?timed out|Model timeout/i,
    names: ['ModelTimeoutException'],
    httpStatus: [408],
    summary: 'The model took too long to process the request; this says nothing about access.',
    fix: {
      text: 'Retry, reduce the input or max tokens, or use streaming for long generations.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'throttled',
    gate: 'invoke',
    status: 'inconclusive',
    message:
      /too many requests|too many tokens|rate (?:is )?too high|rate exceeded|Rate limit(?:ed| exceeded| reached)|request limit exceeded|slow down|(?:tokens|requests) per minute|\brate_limit|reduce the frequency of requests|\bThrottl(?:ed|ing)\b/i,
    httpStatus: [429],
    names: ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'],
    seenUnder: ['ServiceQuotaExceededException', 'ModelStreamErrorException', 'ServiceUnavailableException'],
    summary: 'Bedrock throttled the call (requests or tokens per minute); this proves nothing about access.',
    fix: {
      text: 'Retry with backoff; if it persists, request higher tokens/requests-per-minute quotas for the model in Service Quotas or use a cross-Region inference profile.',
      actor: 'caller',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region>'],
      docs: DOCS.quotas,
    },
  },
  {
    id: 'service-unavailable',
    gate: 'invoke',
    status: 'inconclusive',
    message:
      /Bedrock is unable to process your request|Service ?Unavailable|\boverloaded(?:_error)?\b|temporarily unavailable|Bad Gateway|Gateway Time-?out|insufficient capacity/i,
    names: ['ServiceUnavailableException', 'ServiceUnavailable'],
    httpStatus: [502, 503, 504, 529],
    summary: 'Bedrock is temporarily unable to serve the request (capacity or an outage); this proves nothing about access.',
    fix: {
      text: 'Retry with exponential backoff, or use a cross-Region inference profile to spread load.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'internal-error',
    gate: 'invoke',
    status: 'inconclusive',
    message: /encountered an unexpected error|Internal Server Error|internal (?:server )?(?:error|failure)|InternalFailure|server (?:had|encountered|experienced) an (?:internal )?error/i,
    httpStatus: [500],
    names: ['InternalServerException', 'InternalFailure', 'InternalServerError'],
    seenUnder: ['ModelStreamErrorException'],
    summary: 'Bedrock returned an internal error; this proves nothing about access (it can also hide an over-long input or a misrouted endpoint).',
    fix: {
      text: 'Retry; if it repeats for the same request, reduce the input size and check AWS_ENDPOINT_URL* overrides (control-plane calls sent to bedrock-runtime fail this way).',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'model-error',
    gate: 'invoke',
    status: 'inconclusive',
    message: /model returned an error|error (?:from|in) the model|ModelErrorException/i,
    names: ['ModelErrorException', 'ModelStreamErrorException'],
    httpStatus: [424],
    summary: 'The model itself failed while processing the request; access is fine.',
    fix: { text: 'Retry; if it repeats, simplify the request.', actor: 'caller', commands: [CHECK], docs: DOCS.apiErrors },
  },

  // ============================================================ network and endpoints
  {
    id: 'wrong-endpoint',
    gate: 'network',
    status: 'fail',
    message:
      /requested operation is not recognized by the service|\bOperation unknown\b|UnknownOperation|Unknown operation|Unable to determine service\/operation name to be authorized|Unknown service:? ['"]?bedrock|UnknownServiceError|action or operation requested is invalid/i,
    names: ['UnknownOperationException', 'InvalidAction'],
    seenUnder: ['ValidationException'],
    summary:
      'The call went to the wrong Bedrock endpoint: a runtime call to the control-plane host or vice versa (e.g. a single AWS_ENDPOINT_URL for both, or an old SDK without bedrock-runtime).',
    fix: {
      text: 'Use AWS_ENDPOINT_URL_BEDROCK for the control plane (bedrock.REGION) and AWS_ENDPOINT_URL_BEDROCK_RUNTIME for the runtime (bedrock-runtime.REGION) instead of one AWS_ENDPOINT_URL, and use the bedrock-runtime client for InvokeModel/Converse.',
      actor: 'caller',
      commands: ['env | grep AWS_ENDPOINT_URL', 'unset AWS_ENDPOINT_URL'],
      docs: DOCS.endpointConfig,
    },
  },
  {
    id: 'tls-interception',
    gate: 'network',
    status: 'fail',
    message:
      /unable to get local issuer certificate|self[- ]signed certificate|certificate verify failed|CERTIFICATE_VERIFY_FAILED|unable to verify the first certificate|certificate signed by unknown authority|PKIX path building failed|unable to find valid certification path|SSL ?Error|SSLError|ERR_CERT_[A-Z_]{2,40}|certificate has expired|Hostname\/IP does not match certificate|wrong version number|SSL routines|SSLHandshakeException|handshake (?:failure|failed)|\bx509: /i,
    codes: [
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
      'CERT_UNTRUSTED',
      'CERT_SIGNATURE_FAILURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'EPROTO',
    ],
    summary: 'TLS to the AWS endpoint failed certificate verification: a corporate proxy or security tool (Zscaler, Netskope…) re-signs TLS with a private CA.',
    fix: {
      text: 'Point Node at the corporate CA bundle with NODE_EXTRA_CA_CERTS (the AWS SDK ignores app-level CA settings); for the AWS CLI/boto3 use AWS_CA_BUNDLE.',
      actor: 'caller',
      commands: ['export NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem', 'export AWS_CA_BUNDLE=/path/to/corporate-ca.pem'],
      docs: DOCS.caBundle,
    },
  },
  {
    id: 'dns-failure',
    gate: 'network',
    status: 'fail',
    message: /getaddrinfo|\bENOTFOUND\b|\bEAI_AGAIN\b|no such host|Name or service not known|nodename nor servname|Temporary failure in name resolution|Could not resolve host|dns error|failed to lookup address|UnknownHostException|Unable to resolve host|server misbehaving/i,
    codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'],
    summary: 'The Bedrock endpoint hostname does not resolve from this machine (DNS, VPN, proxy or VPC private DNS).',
    fix: {
      text: 'Check DNS from this machine (nslookup the host); behind a proxy configure it for the SDK; in a VPC enable private DNS on the Bedrock interface endpoint or allow DNS egress.',
      actor: 'caller',
      commands: ['nslookup bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.endpoints,
    },
    render: (m) =>
      m.facts.host
        ? {
            summary: `${m.facts.host} does not resolve from this machine (DNS, VPN, proxy or VPC private DNS).`,
            fix: { commands: [`nslookup ${m.facts.host}`] },
          }
        : {},
  },
  {
    id: 'proxy-error',
    gate: 'network',
    status: 'fail',
    message: /ProxyConnectionError|Tunnel connection failed|Unable to connect to proxy|Proxy Authentication Required|proxy (?:error|refused)|ERR_PROXY_CONNECTION_FAILED|(?:Failed|Cannot|Could not|Unable) to connect to (?:the )?proxy/i,
    names: ['ProxyConnectionError'],
    httpStatus: [407],
    summary: 'The HTTP proxy refused or failed the connection to AWS.',
    fix: {
      text: 'Check the proxy URL and credentials (HTTPS_PROXY) and that it allows CONNECT to *.amazonaws.com:443.',
      actor: 'caller',
      commands: ['env | grep -i _proxy'],
      docs: DOCS.proxy,
    },
  },
  {
    id: 'endpoint-connection-failed',
    gate: 'network',
    status: 'inconclusive',
    message: /Could not connect to the endpoint URL|Unable to connect to|Failed to connect to|Cannot connect to host|Failed to establish a new connection|Connection (?:to [^ ]{1,200} )?failed|\bEHOSTUNREACH\b|\bENETUNREACH\b|Network is unreachable|No route to host|fetch failed/i,
    codes: ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'],
    names: ['EndpointConnectionError'],
    summary: 'Could not connect to the Bedrock endpoint (no egress, firewall, proxy, or a VPC without a route or endpoint).',
    fix: {
      text: 'Check outbound HTTPS (443) to the endpoint, the proxy settings (the SDK ignores HTTPS_PROXY unless an agent is configured), and in a VPC a NAT gateway or bedrock-runtime interface endpoint.',
      actor: 'caller',
      commands: ['curl -sI https://bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.vpce,
    },
  },
  {
    id: 'connection-refused',
    gate: 'network',
    status: 'inconclusive',
    message: /\bECONNREFUSED\b|Connection refused/i,
    codes: ['ECONNREFUSED'],
    summary: 'The connection was refused: usually a local proxy or AWS_ENDPOINT_URL pointing at something that is not listening.',
    fix: {
      text: 'Check AWS_ENDPOINT_URL* and proxy settings point at a live endpoint.',
      actor: 'caller',
      commands: ['env | grep -iE "AWS_ENDPOINT_URL|_proxy"'],
      docs: DOCS.endpointConfig,
    },
  },
  {
    id: 'connection-reset',
    gate: 'network',
    status: 'inconclusive',
    message: /\bECONNRESET\b|socket hang up|\bEPIPE\b|Connection reset|connection was closed before|ConnectionClosedError|Connection aborted|stream (?:was )?reset|RST_STREAM|premature close|socket disconnected|before secure TLS connection was established/i,
    codes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'],
    names: ['ConnectionClosedError'],
    summary: 'The connection was reset mid-request: a TLS-inspecting proxy, NAT or load-balancer idle timeout, or a network blip.',
    fix: {
      text: 'Retry; if it repeats, check TLS inspection (set NODE_EXTRA_CA_CERTS or bypass the proxy for *.amazonaws.com) and idle timeouts (350 s on NAT/VPC endpoints) for long streams.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'endpoint-timeout',
    gate: 'network',
    status: 'inconclusive',
    message:
      /Connect timeout on endpoint URL|Read timeout on endpoint URL|Socket timed out|Read timed out|Connection timed out|connect ETIMEDOUT|request timed out|timed out after|operation timed out|timeout (?:of \d{1,7}ms )?exceeded|deadline exceeded|The operation was aborted|Request aborted|\bETIMEDOUT\b|Timeout awaiting|\btimed out\b|\btimeout\b/i,
    codes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'],
    names: [
      'TimeoutError',
      'ConnectTimeoutError',
      'ReadTimeoutError',
      'RequestTimeout',
      'RequestTimeoutException',
      'AbortError',
      'ReadTimeout',
    ],
    summary: 'The call timed out before Bedrock answered (no egress, a proxy, or a long generation beyond the client read timeout); this proves nothing about access.',
    fix: {
      text: 'Check outbound connectivity and proxy settings; for long generations raise the client read timeout or use streaming.',
      actor: 'caller',
      commands: ['curl -sI https://bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.apiErrors,
    },
  },
  {
    id: 'proxy-not-used',
    gate: 'network',
    status: 'inconclusive',
    message: /pending stream has been canceled|\bAggregateError\b|ERR_HTTP2_[A-Z_]{2,40}|HTTP\/2 (?:stream|session)|NGHTTP2/i,
    codes: ['ERR_HTTP2_STREAM_CANCEL', 'ERR_HTTP2_STREAM_ERROR', 'ERR_HTTP2_SESSION_ERROR', 'ERR_HTTP2_GOAWAY_SESSION'],
    names: ['AggregateError'],
    summary:
      'The connection failed in a way typical of a network that only allows traffic through a proxy the SDK does not use (HTTPS_PROXY is ignored by the AWS SDK for JavaScript unless an agent is configured; HTTP/2 through proxies also fails).',
    fix: {
      text: 'If you are behind a proxy, configure it for the SDK (a proxy agent on the request handler) or in the tool\'s own proxy setting; otherwise check outbound HTTPS to bedrock-runtime.',
      actor: 'caller',
      commands: ['env | grep -i _proxy'],
      docs: DOCS.proxy,
    },
  },
  {
    id: 'garbage-response',
    gate: 'network',
    status: 'inconclusive',
    message:
      /Unexpected token .{0,10} in JSON|is not valid JSON|Unexpected end of JSON input|Deserialization error|Expected (?:',' or '}'|property name)|<!DOCTYPE html|<html[\s>]|JSONDecodeError|Failed to parse (?:the )?response|could not parse (?:the )?response|Unable to parse response/i,
    names: ['SyntaxError'],
    summary: 'The SDK could not parse the response body: something between you and AWS (proxy, captive portal, wrong endpoint) answered instead of Bedrock.',
    fix: {
      text: 'Check AWS_ENDPOINT_URL* overrides and proxies; open the endpoint URL with curl to see who answers.',
      actor: 'caller',
      commands: ['curl -sv https://bedrock-runtime.<region>.amazonaws.com 2>&1 | head -30'],
      docs: DOCS.endpointConfig,
    },
  },

  // ============================================================ name/status-only fallbacks (least specific)
  {
    id: 'access-denied-no-message',
    gate: 'credentials',
    status: 'inconclusive',
    names: ['AccessDeniedException', 'AccessDenied'],
    httpStatus: [],
    when: (m) => m.context.authMode !== 'sigv4' && isBare(m),
    summary:
      'AccessDeniedException with no message: Bedrock answers this way when the bearer token is not a Bedrock API key (a placeholder or another provider\'s key sent instead of SigV4 signing).',
    fix: {
      text: 'Check how the client authenticates: unset AWS_BEARER_TOKEN_BEDROCK (or the tool\'s API-key setting) to sign with your AWS profile, or set a valid Bedrock API key.',
      actor: 'caller',
      commands: ['env | grep -E "^AWS_(BEARER_TOKEN_BEDROCK|PROFILE)"', CHECK],
      docs: DOCS.apiKeys,
    },
  },
  {
    id: 'access-denied',
    gate: 'iam',
    status: 'fail',
    message:
      /\bAccess denied\b|\bForbidden\b[^.]{0,40}(?:permission|not allowed)|\bpermission denied\b|(?:do not|don't|does not|doesn't) have (?:the )?(?:required |necessary |sufficient )?permissions? to\b/i,
    names: ['AccessDeniedException', 'AccessDenied', 'ForbiddenException', 'NotAuthorized'],
    httpStatus: [403],
    summary: 'Access was denied, but the message does not say why (IAM, an account-level block, or the auth method).',
    fix: {
      text: 'Run bedrock-doctor check: it tests credentials, IAM, model access and provider terms separately and names the one at fault.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.accessDenied,
    },
  },
  {
    id: 'unauthenticated',
    gate: 'credentials',
    status: 'fail',
    names: ['UnauthorizedException', 'NotAuthorizedException'],
    httpStatus: [401],
    summary: 'The request was not authenticated (401): credentials are missing or invalid.',
    fix: {
      text: 'Check the credentials the client uses (profile, SSO login, API key).',
      actor: 'caller',
      commands: ['aws sts get-caller-identity', CHECK],
      docs: DOCS.credentials,
    },
  },
  {
    id: 'resource-not-found',
    gate: 'region',
    status: 'fail',
    names: ['ResourceNotFoundException'],
    httpStatus: [404],
    summary: 'Bedrock could not find the model or inference profile in this Region.',
    fix: {
      text: 'Check the model or profile id and the Region the client calls.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"'],
      docs: DOCS.modelsRegions,
    },
  },
  {
    id: 'request-invalid',
    gate: 'invoke',
    status: 'fail',
    names: ['ValidationException', 'BadRequestException'],
    httpStatus: [400, 413, 422],
    summary: 'Bedrock rejected the request as invalid; the message names the field.',
    fix: {
      text: 'Check the model id and the request body against the message; run bedrock-doctor check to rule out Region and access problems.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
];

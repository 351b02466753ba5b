/** IAM: identity policies, SCPs, boundaries and session policies allow the Bedrock actions on the exact ARNs. */

import { allow, arnKind, describeArn, GLOBAL_MODEL_CONDITION, invokeActions, modelsBehindProfile, policyDocument, type PolicyDocument, type Statement } from '../vocabulary/converse-access.js';
import { causes, type CauseParams } from './cause.js';
import { CHECK, DOCS } from './docs.js';

type Denial = NonNullable<CauseParams['denial']>;

const INVOKE_ACTIONS = invokeActions(true);

/** A least-privilege identity policy granting the denied action on the denied resource, as a Converse call touches it. */
function allowDenied(denial: Denial): PolicyDocument {
  const action = denial.action ?? 'bedrock:InvokeModel';
  const actions = INVOKE_ACTIONS.includes(action) ? INVOKE_ACTIONS : [action];
  const resource = denial.resource ?? '*';
  const kind = arnKind(denial.resource);
  const statements: Statement[] = [
    kind === 'global-model'
      ? allow(actions, resource, { sid: 'AllowGlobalFoundationModel', condition: GLOBAL_MODEL_CONDITION })
      : allow(actions, resource, { sid: 'AllowBedrockAccess' }),
  ];
  if (kind === 'inference-profile') {
    const behind = modelsBehindProfile(resource);
    statements.push(allow(actions, behind.models, { sid: 'AllowModelsBehindProfile', condition: behind.condition }));
  }
  return policyDocument(statements);
}

/**
 * A denial's summary from the message. An Allow is offered only where a missing Allow is the
 * cause (identity policy, boundary, session policy); no Allow overrides an explicit Deny, an
 * SCP, an RCP or a VPC endpoint policy. A truncated or bare denial keeps the generic text.
 */
function denial(prefix: string, reason: string, offerAllow: boolean) {
  return ({ denial: d }: CauseParams) => {
    if (!d?.action) return {};
    const who = d.principal ? `${d.principal} ` : '';
    return {
      summary: `${prefix}: ${who}may not call ${d.action} on ${describeArn(d.resource, 'advice')}: ${reason}.`,
      ...(offerAllow ? { fix: { policy: allowDenied(d) } } : {}),
    };
  };
}

export const IAM_CAUSES = causes({
  'bearer-token-denied': {
    gate: 'iam',
    status: 'fail',
    summary: 'A policy denies using Bedrock API keys (bedrock:CallWithBearerToken) for this identity.',
    fix: {
      text: 'Call Bedrock with SigV4 credentials instead of the API key (unset AWS_BEARER_TOKEN_BEDROCK), or have an administrator allow bedrock:CallWithBearerToken (SCPs often block API keys on purpose).',
      actor: 'administrator',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      policy: policyDocument([allow('bedrock:CallWithBearerToken', '*', { sid: 'AllowBedrockApiKeys' })]),
      docs: DOCS.apiKeyPerms,
    },
  },
  'scp-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'A service control policy (SCP) of the AWS Organization denies this call.',
    fix: {
      text: 'An Organizations administrator must exempt this action and resource from the SCP (Region-deny SCPs also block the destination Regions of cross-Region profiles and global profiles, whose Region is "unspecified"), or call a model or profile the SCP allows (e.g. a geographic us./eu. profile or the in-Region model).',
      actor: 'administrator',
      docs: DOCS.scpBedrockExamples,
    },
    specialise: denial('Denied by a service control policy', 'an explicit deny in an SCP', false),
  },
  'rcp-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'A resource control policy (RCP) of the AWS Organization denies this call.',
    fix: {
      text: 'An Organizations administrator must change the RCP so it allows this principal, action and resource (RCPs are not visible to the IAM policy simulator).',
      actor: 'administrator',
      docs: DOCS.rcp,
    },
    specialise: denial('Denied by a resource control policy', 'an explicit deny in an RCP', false),
  },
  'vpce-policy-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'A VPC endpoint policy (or a policy conditioned on the VPC endpoint) does not allow this call.',
    fix: {
      text: 'An administrator adds this action and resource to the bedrock-runtime VPC endpoint policy, or routes the call through the VPC endpoint the identity policy requires (aws:SourceVpce).',
      actor: 'administrator',
      commands: ['aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.<region>.bedrock-runtime'],
      docs: DOCS.vpce,
    },
    specialise: denial('Denied by a VPC endpoint policy', 'no VPC endpoint policy allows it', false),
  },
  'permissions-boundary': {
    gate: 'iam',
    status: 'fail',
    summary: 'The permissions boundary attached to this identity does not allow this call.',
    fix: {
      text: 'An administrator adds this action and resource to the permissions boundary (an identity policy alone cannot grant beyond the boundary).',
      actor: 'administrator',
      docs: DOCS.boundary,
    },
    specialise: denial('Blocked by the permissions boundary', 'no permissions boundary allows it', true),
  },
  'session-policy-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'The session policy passed when the role was assumed (or the federation scope-down) does not allow this call.',
    fix: {
      text: 'Whoever issues the session (AssumeRole Policy/PolicyArns, Cognito identity pool, SSO tooling) must include this action and resource in the session policy; the role\'s own policies are not the problem.',
      actor: 'administrator',
      docs: DOCS.sessionPolicy,
    },
    specialise: denial('Blocked by the session policy', 'no session policy allows it', true),
  },
  'iam-explicit-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'An explicit Deny in an IAM policy blocks this call.',
    fix: {
      text: 'An administrator finds the Deny statement that matches (often a Region lock that also hits cross-Region or global profiles) and narrows it; an Allow cannot override a Deny.',
      actor: 'administrator',
      commands: ['aws iam simulate-principal-policy --policy-source-arn <role-or-user-arn> --action-names bedrock:InvokeModel --resource-arns <resource-arn>'],
      docs: DOCS.evaluation,
    },
    specialise: denial('Explicitly denied by an IAM policy', 'an explicit deny in an identity-based policy', false),
  },
  'iam-implicit-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'No IAM policy of this identity allows the call (implicit deny).',
    fix: {
      text: 'An administrator attaches an Allow for this action on the exact resource ARN in the message (for cross-Region profiles: the profile and the foundation model in every destination Region).',
      actor: 'administrator',
      docs: DOCS.crossRegion,
    },
    specialise: denial('Not allowed by any IAM policy', 'no identity-based policy allows it', true),
  },
  'iam-not-authorized': {
    gate: 'iam',
    status: 'fail',
    summary: 'IAM denied the call (the message does not say which policy type).',
    fix: {
      text: 'An administrator grants this action on the resource ARN in the message; run bedrock-doctor check to see whether an SCP, boundary or session policy is involved.',
      actor: 'administrator',
      commands: [CHECK],
      docs: DOCS.accessDenied,
    },
    specialise: ({ denial: d = {} }) => ({
      summary: `IAM denied ${d.principal ? `${d.principal} ` : 'the caller '}${d.action ?? 'the action'}${d.resource ? ` on ${describeArn(d.resource, 'advice')}` : ''} (the message does not say which policy type).`,
      fix: { policy: allowDenied(d) },
    }),
  },
  'access-denied': {
    gate: 'iam',
    status: 'fail',
    summary: 'Access was denied, but the message does not say why (IAM, an account-level block, or the auth method).',
    fix: {
      text: 'Run bedrock-doctor check: it tests credentials, IAM, model access and provider terms separately and names the one at fault.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.accessDenied,
    },
  },

  // Found by the iam gate's simulation.
  'simulation-empty': {
    gate: 'iam',
    status: 'inconclusive',
    summary: 'The policy simulator returned no decision for the actions; the invoke call decides.',
    fix: null,
    noFix: 'Nothing to change: the simulator gave no answer, and the invoke call is the ground truth.',
  },
  'simulation-incomplete': {
    gate: 'iam',
    status: 'warn',
    summary: 'Allowed in simulation, but the policies use context keys the simulation could not supply.',
    fix: {
      text: 'The invoke call is authoritative; if it is denied, check the conditions on these keys.',
      actor: 'caller',
      docs: DOCS.crossRegion,
    },
  },
});

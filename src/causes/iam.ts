/** IAM: identity policies, SCPs, boundaries and session policies allow the Bedrock actions on the exact ARNs. */

import { allow, arnKind, describeArn, GLOBAL_MODEL_CONDITION, invokeActions, policyDocument, statementsForProfile, type PolicyDocument, type Statement } from '../vocabulary/converse-access.js';
import { realBedrockAction } from '../vocabulary/iam-actions.js';
import type { Fix } from '../types.js';
import { causes, type CauseParams } from './cause.js';
import { CHECK, DOCS } from './docs.js';

type Denial = NonNullable<CauseParams['denial']>;

const INVOKE_ACTIONS = invokeActions(true);

/** Bedrock actions that name no resource, so an Allow for them is on "*". */
const ACCOUNT_LEVEL = /^bedrock:(List\w+|CallWithBearerToken|GetUseCaseForModelAccess)$/;

/** The real IAM actions for a denied action, or null when it is not a Bedrock action. */
function actionsFor(action: string): { actions: string[]; note?: string } | null {
  const real = realBedrockAction(action);
  if (!real) return null;
  return { actions: INVOKE_ACTIONS.includes(real.action) ? INVOKE_ACTIONS : [real.action], note: real.note };
}

/**
 * A least-privilege identity policy granting the denied Bedrock action on the denied resource,
 * as a Converse call touches it; none when the text names no Bedrock action or no resource.
 */
function allowDenied(denial: Denial): PolicyDocument | undefined {
  const mapped = actionsFor(denial.action ?? '');
  // Account-level actions are granted on "*"; for any other, a policy needs the denied ARN.
  const resource = denial.resource ?? (mapped && ACCOUNT_LEVEL.test(mapped.actions[0]!) ? '*' : undefined);
  if (!mapped || !resource) return undefined;
  const { actions } = mapped;
  const kind = arnKind(resource);
  if (kind === 'inference-profile' || kind === 'application-profile') return policyDocument(statementsForProfile(resource, actions));
  const statements: Statement[] = [
    kind === 'global-model'
      ? allow(actions, resource, { sid: 'AllowGlobalFoundationModel', condition: GLOBAL_MODEL_CONDITION })
      : allow(actions, resource, { sid: 'AllowBedrockAccess' }),
  ];
  return policyDocument(statements);
}

/** "bedrock:Converse (… authorized as bedrock:InvokeModel)": the action as named, and what IAM checks. */
function actionWords(action: string): string {
  const note = actionsFor(action)?.note;
  return note ? `${action} (${note})` : action;
}

interface DenialWords {
  prefix: string;
  /** Why, when the message says no policy of this type allows it. */
  missing: string;
  /** Why, when the message says a policy of this type explicitly denies it. */
  explicit: string;
  /** Whether an Allow (in an identity policy, a boundary, a session policy) can lift a missing Allow here. */
  allowLifts: boolean;
  /** The fix when a Deny is at fault, where the catalog's fix speaks of a missing Allow. */
  explicitFix?: string;
}

/**
 * A denial's summary and fix from the message. An Allow is offered only where a missing Allow
 * is the cause; an explicit Deny anywhere, an SCP, an RCP or a VPC endpoint policy is answered
 * by changing the denying policy. A truncated or bare denial keeps the generic text.
 */
function denial(words: DenialWords) {
  return ({ denial: d }: CauseParams) => {
    if (!d?.action) return {};
    const lifts = words.allowLifts && !d.explicit;
    const who = d.principal ? `${d.principal} ` : '';
    const on = d.resource ? ` on ${describeArn(d.resource, lifts ? 'advice' : 'short', { viaProfile: d.viaProfile })}` : '';
    const policy = lifts ? allowDenied(d) : undefined;
    // The policy type an explicit deny names wins over the rule's general words.
    const why = d.explicit ? (d.denyIn ? `an explicit deny in ${d.denyIn}` : words.explicit) : words.missing;
    return {
      summary: `${words.prefix}: ${who}may not call ${actionWords(d.action)}${on}: ${why}.`,
      fix: {
        ...(policy ? { policy } : {}),
        ...(d.explicit && words.explicitFix ? { text: words.explicitFix } : {}),
        // The cross-Region page only where a profile is involved; a base model's Allow is an ordinary one.
        ...(lifts && (d.viaProfile || !['regional-model', 'none', 'other'].includes(arnKind(d.resource))) ? { docs: DOCS.crossRegion } : {}),
      },
    };
  };
}

/** API keys: an explicit Deny (often an SCP, on purpose) versus a missing Allow of CallWithBearerToken. */
function bearerTokenDenial({ denial: d }: CauseParams): { summary?: string; fix?: Partial<Fix> } {
  if (d?.explicit) {
    const where = d.denyIn ?? 'a policy';
    return {
      summary: `An explicit deny in ${where} blocks Bedrock API keys (bedrock:CallWithBearerToken)${d.principal ? ` for ${d.principal}` : ''}: no Allow can override it.`,
      fix: {
        text: /service control policy/i.test(where)
          ? 'Call Bedrock with SigV4 credentials instead of the API key (unset AWS_BEARER_TOKEN_BEDROCK); if API keys must work, an Organizations administrator changes the SCP (they are often blocked on purpose).'
          : `Call Bedrock with SigV4 credentials instead of the API key (unset AWS_BEARER_TOKEN_BEDROCK); if API keys must work, an administrator removes or narrows the Deny in ${where}.`,
        actor: 'caller',
        policy: undefined,
      },
    };
  }
  if (d?.missingAllow) {
    return {
      summary: `No policy allows bedrock:CallWithBearerToken${d.principal ? ` for ${d.principal}` : ''}: a missing Allow, not a policy that denies it.`,
      fix: {
        text: "An administrator allows bedrock:CallWithBearerToken for the API key's IAM user (or call Bedrock with SigV4 credentials: unset AWS_BEARER_TOKEN_BEDROCK).",
        actor: 'administrator',
        policy: policyDocument([allow('bedrock:CallWithBearerToken', '*', { sid: 'AllowBedrockApiKeys' })]),
      },
    };
  }
  return {};
}

export const IAM_CAUSES = causes({
  'bearer-token-denied': {
    gate: 'iam',
    status: 'fail',
    summary: 'Bedrock API keys (bedrock:CallWithBearerToken) are refused for this identity; the message does not say whether a policy denies them or none allows them.',
    fix: {
      text: 'Call Bedrock with SigV4 credentials instead of the API key (unset AWS_BEARER_TOKEN_BEDROCK). To keep using keys: an explicit Deny (often an SCP that blocks keys on purpose) must be changed by whoever owns it; a missing Allow needs bedrock:CallWithBearerToken for the key\'s IAM user.',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeyPerms,
    },
    specialise: bearerTokenDenial,
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
    specialise: denial({ prefix: 'Denied by a service control policy', missing: 'no SCP allows it', explicit: 'an explicit deny in an SCP', allowLifts: false }),
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
    specialise: denial({ prefix: 'Denied by a resource control policy', missing: 'no RCP allows it', explicit: 'an explicit deny in an RCP', allowLifts: false }),
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
    specialise: denial({
      prefix: 'Denied by a VPC endpoint policy',
      missing: 'no VPC endpoint policy allows it',
      explicit: 'an explicit deny in the VPC endpoint policy',
      allowLifts: false,
      explicitFix: 'An administrator removes or narrows the Deny statement in the bedrock-runtime VPC endpoint policy that matches this action and resource (or routes the call through an endpoint whose policy does not deny it); an Allow cannot override a Deny.',
    }),
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
    specialise: denial({
      prefix: 'Blocked by the permissions boundary',
      missing: 'no permissions boundary allows it',
      explicit: 'an explicit deny in the permissions boundary',
      allowLifts: true,
      explicitFix: 'An administrator removes or narrows the Deny statement in the permissions boundary that matches this action and resource; an Allow cannot override a Deny.',
    }),
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
    specialise: (params) => {
      const words = denial({
        prefix: 'Blocked by the session policy',
        missing: 'no session policy allows it',
        explicit: 'an explicit deny in the session policy',
        allowLifts: true,
        explicitFix: 'Whoever issues the session (AssumeRole Policy/PolicyArns, Cognito identity pool, SSO tooling) removes or narrows the Deny in the session policy; an Allow cannot override a Deny.',
      })(params);
      if (!params.cognitoGuest) return words;
      // Guests of a Cognito identity pool (enhanced flow) get a session policy AWS owns.
      return {
        summary: `${words.summary ?? 'Blocked by the session policy.'} These are Cognito identity-pool guest credentials, whose session policy (the managed AmazonCognitoUnAuthedIdentitiesSessionPolicy, which AWS owns) cannot be edited, and here it does not allow the call.`,
        fix: {
          text: "No role policy can lift it: call Bedrock with authenticated identities (their role's policies apply), or use the identity pool's basic (classic) flow with a role that allows the call; better, call Bedrock from a backend rather than with guest credentials.",
          policy: undefined,
          docs: DOCS.cognitoFlows,
        },
      };
    },
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
    specialise: (params) => {
      const words = denial({ prefix: 'Explicitly denied by a policy', missing: 'an explicit deny', explicit: 'an explicit deny', allowLifts: false })(params);
      // The simulator takes an IAM user or role (not an STS session) and the real action.
      const d = params.denial;
      const principal = d?.principal && /:iam::\d{12}:(user|role)\//.test(d.principal) ? d.principal : '<role-or-user-arn>';
      const action = (d?.action && realBedrockAction(d.action)?.action) ?? 'bedrock:InvokeModel';
      return {
        ...words,
        fix: { ...words.fix, commands: [`aws iam simulate-principal-policy --policy-source-arn ${principal} --action-names ${action} --resource-arns ${d?.resource ?? '<resource-arn>'}`] },
      };
    },
  },
  'iam-implicit-deny': {
    gate: 'iam',
    status: 'fail',
    summary: 'No IAM policy of this identity allows the call (implicit deny).',
    fix: {
      text: 'An administrator attaches an Allow for this action on the exact resource ARN in the message (for cross-Region profiles: the profile and the foundation model in every destination Region).',
      actor: 'administrator',
      docs: DOCS.identityPolicies,
    },
    specialise: denial({ prefix: 'Not allowed by any IAM policy', missing: 'no identity-based policy allows it', explicit: 'an explicit deny', allowLifts: true }),
  },
  'iam-not-authorized': {
    gate: 'iam',
    status: 'fail',
    summary: 'IAM denied the call (the message does not say which policy type).',
    fix: {
      text: 'An administrator grants this action on the resource ARN in the message, unless a Deny (an SCP, a boundary, an explicit Deny) is at fault: then no Allow helps.',
      checkHint: 'Run bedrock-doctor check to see which policy type is involved.',
      actor: 'administrator',
      commands: [CHECK],
      docs: DOCS.accessDenied,
    },
    specialise: ({ denial: d = {} }) => {
      const policy = d.explicit ? undefined : allowDenied(d);
      return {
        summary: `IAM denied ${d.principal ? `${d.principal} ` : 'the caller '}${d.action ? actionWords(d.action) : 'the action'}${d.resource ? ` on ${describeArn(d.resource, 'short')}` : ''} (the message does not say which policy type).`,
        fix: {
          ...(policy ? { policy } : {}),
        },
      };
    },
  },
  'access-denied': {
    gate: 'iam',
    status: 'fail',
    summary: 'Access was denied, but the message does not say why (IAM, an account-level block, or the auth method).',
    fix: {
      text: 'The message does not say which: IAM, an account-level block, or the way the client authenticates.',
      checkHint: 'Run bedrock-doctor check: it tests credentials, IAM, model access and provider terms separately and names the one at fault.',
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
    summary: 'Allowed in simulation with the context the call carries (Region, inference profile, principal and its tags, VPC endpoint when known), but the policies test context keys the simulation could not supply.',
    fix: {
      text: 'The invoke call is authoritative; if it is denied, check the conditions on the keys named (such as aws:SourceIp, or aws:SourceVpce behind private DNS).',
      actor: 'caller',
      docs: DOCS.crossRegion,
    },
  },
});

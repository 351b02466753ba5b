import { principalOf } from '../../vocabulary/principal.js';
import type { Gate } from '../../types.js';
import type { GateContext, GateOutcome } from './context.js';
import { fromFailure, outcome } from './finding.js';

const SIMULATOR_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html';

export type PolicySource = { ok: true; arn: string; callerArn: string; account: string } | { ok: false; result: GateOutcome };

/**
 * The IAM entity whose policies govern the caller, as the policy simulator wants it: a user
 * ARN as is; an assumed role (SSO included) resolved with iam:GetRole, because the STS ARN
 * lacks the role's path. Callers the simulator cannot represent get a warn, never a fail:
 * the invoke call still decides.
 */
export async function policySource(ctx: GateContext, gate: Gate): Promise<PolicySource> {
  if (ctx.auth.mode === 'api-key') {
    return {
      ok: false,
      result: outcome(gate, 'skip', 'api-key-mode',
        'Bedrock calls use an API key, whose IAM user cannot be simulated with SigV4 credentials; the invoke call decides.'),
    };
  }
  const identity = await ctx.lookups.identity();
  if (!identity.ok) return { ok: false, result: fromFailure(gate, identity, 'sts:GetCallerIdentity') };
  const { arn: callerArn, account } = identity.value;
  const principal = principalOf(callerArn);
  switch (principal.kind) {
    case 'user':
      return { ok: true, arn: principal.arn, callerArn, account };
    case 'assumed-role': {
      const role = await ctx.lookups.role(principal.roleName);
      if (role.ok && role.value.Arn) return { ok: true, arn: role.value.Arn, callerArn, account };
      if (!role.ok && role.diagnosis.gate === 'iam') {
        const roleArn = `arn:${principal.partition}:iam::${account}:role/*${principal.roleName}`;
        return {
          ok: false,
          result: outcome(gate, 'warn', 'cannot-resolve-role',
            `Cannot simulate IAM: the caller may not call iam:GetRole to find the path of role ${principal.roleName}; the invoke call decides.`,
            {
              text: 'To let the doctor check IAM predictively, allow iam:GetRole and iam:SimulatePrincipalPolicy on the caller\'s own role.',
              actor: 'administrator',
              policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'], Resource: roleArn }] },
              docs: SIMULATOR_DOCS,
            },
            role.evidence),
        };
      }
      return { ok: false, result: role.ok ? outcome(gate, 'inconclusive', 'role-not-found', `iam:GetRole returned no ARN for ${principal.roleName}.`) : fromFailure(gate, role, 'iam:GetRole') };
    }
    case 'root':
      return {
        ok: false,
        result: outcome(gate, 'warn', 'root-identity',
          'The caller is the account root user: identity policies do not apply (SCPs still do), so there is nothing to simulate.',
          { text: 'Do not use the root user for applications; create a role with least-privilege Bedrock permissions.', actor: 'administrator', docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html' }),
      };
    case 'federated-user':
    case 'other':
      return {
        ok: false,
        result: outcome(gate, 'warn', 'cannot-simulate-principal',
          `The policy simulator cannot represent ${callerArn} (only IAM users and roles); the invoke call decides.`,
          { text: 'Use an IAM role session to get a predictive IAM check.', actor: 'caller', docs: SIMULATOR_DOCS }),
      };
  }
}

/** A denial of the simulation itself: a warn naming the permission, never a failure. */
export function cannotSimulate(gate: Gate, sourceArn: string, evidence: GateOutcome['evidence']): GateOutcome {
  return outcome(gate, 'warn', 'cannot-simulate',
    'Cannot simulate IAM: the caller may not call iam:SimulatePrincipalPolicy; the invoke call decides.',
    {
      text: 'To check IAM predictively, allow iam:SimulatePrincipalPolicy (and iam:GetRole for roles) on the caller\'s own user or role.',
      actor: 'administrator',
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:SimulatePrincipalPolicy', 'iam:GetRole'], Resource: sourceArn }] },
      docs: SIMULATOR_DOCS,
    },
    evidence);
}

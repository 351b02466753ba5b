import { allow, policyDocument } from '../../vocabulary/converse-access.js';
import type { Evidence, Gate } from '../../types.js';
import type { GateContext, GateOutcome } from './context.js';
import { finding, fromFailure } from './finding.js';

type PolicySource = { ok: true; arn: string; callerArn: string; account: string } | { ok: false; result: GateOutcome };

/**
 * The IAM entity to simulate, from the look-ups' one mapping of the caller to its user or role.
 * Callers the simulator cannot represent get a warn, never a fail: the invoke call decides.
 */
export async function policySource(ctx: GateContext, gate: Gate): Promise<PolicySource> {
  if (ctx.auth.mode === 'api-key') return { ok: false, result: await finding(gate, 'api-key-mode') };
  const subject = await ctx.lookups.policySubject();
  switch (subject.kind) {
    case 'entity':
      return { ok: true, arn: subject.arn, callerArn: subject.callerArn, account: subject.account };
    case 'no-identity':
      return { ok: false, result: await fromFailure(gate, subject.failure) };
    case 'role-unresolved': {
      const failure = subject.failure;
      if (!failure) return { ok: false, result: await finding(gate, 'role-not-found', { summary: `iam:GetRole returned no ARN for ${subject.roleName}.` }) };
      if (failure.diagnosis.gate !== 'iam') return { ok: false, result: await fromFailure(gate, failure) };
      return {
        ok: false,
        result: await finding(gate, 'cannot-resolve-role', {
          summary: `Cannot simulate IAM: the caller may not call iam:GetRole to find the path of role ${subject.roleName}; the invoke call decides.`,
          fix: { policy: policyDocument([allow(['iam:GetRole', 'iam:SimulatePrincipalPolicy'], subject.roleArnPattern)]) },
          evidence: failure.evidence,
        }),
      };
    }
    case 'root':
      return { ok: false, result: await finding(gate, 'root-identity') };
    case 'not-simulable':
      return {
        ok: false,
        result: await finding(gate, 'cannot-simulate-principal', {
          summary: `The policy simulator cannot represent ${subject.callerArn} (only IAM users and roles); the invoke call decides.`,
        }),
      };
  }
}

/** A denial of the simulation itself: a warn naming the permission, never a failure. */
export function cannotSimulate(gate: Gate, sourceArn: string, evidence: Evidence): Promise<GateOutcome> {
  // A role's path is read with iam:GetRole; a user needs only the simulation.
  const role = /:role\//.test(sourceArn);
  return finding(gate, 'cannot-simulate', {
    fix: {
      text: `To check IAM predictively, allow ${role ? 'iam:SimulatePrincipalPolicy and iam:GetRole on the caller\'s own role' : 'iam:SimulatePrincipalPolicy on the caller\'s own user'} (${sourceArn}).`,
      policy: policyDocument([allow(role ? ['iam:SimulatePrincipalPolicy', 'iam:GetRole'] : ['iam:SimulatePrincipalPolicy'], sourceArn)]),
    },
    evidence,
  });
}

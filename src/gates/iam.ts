import type { EvaluationResult } from '@aws-sdk/client-iam';
import { accessStatements, describeArn, invokeActions, policyDocument, touchedResources, type Touched } from '../vocabulary/converse-access.js';
import { DOCS } from '../causes/docs.js';
import type { GateCheck, GateContext, PlannedTarget } from './shared/context.js';
import { findProfile } from './shared/model-catalog.js';
import { finding, fromFailure, pass } from './shared/finding.js';
import { cannotSimulate, policySource } from './shared/policy-source.js';
import { callContext, unsuppliedKeys, absentFromCall, type CallFacts } from '../vocabulary/request-context.js';
import { callFactsWithoutTags, knownCallFacts } from './shared/call-facts.js';

const NOT_SIMULATED = 'Session policies, resource control policies, VPC endpoint policies and resource policies are not simulated.';

/** The exact ARNs the call is authorized against, with the profile's destinations when it can be found. */
async function touchedBy(ctx: GateContext, target: PlannedTarget, account: string): Promise<Touched[]> {
  const ref = target.ref;
  if (ref.kind !== 'profile' && ref.kind !== 'profile-arn' && ref.kind !== 'application-profile-arn') return touchedResources(target.region, ref, account);
  const found = await findProfile(ctx, target.region, ref.kind === 'profile' ? ref.profileId : ref.input);
  const profile = found.found
    ? { arn: found.profile.inferenceProfileArn, destinations: (found.profile.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean) }
    : undefined;
  return touchedResources(target.region, ref, account, profile);
}

interface Denial {
  action: string;
  resource: string;
  decision: string;
  layer: 'scp' | 'boundary' | 'explicit' | 'implicit';
  statements: string[];
}

function denialsOf(results: EvaluationResult[]): { denials: Denial[]; missingContext: string[] } {
  const denials: Denial[] = [];
  const missingContext = new Set<string>();
  for (const result of results) {
    for (const key of result.MissingContextValues ?? []) missingContext.add(key);
    const perResource = result.ResourceSpecificResults?.length
      ? result.ResourceSpecificResults.map((r) => ({ resource: r.EvalResourceName ?? '', decision: r.EvalResourceDecision ?? '', statements: r.MatchedStatements ?? [] }))
      : [{ resource: result.EvalResourceName ?? '', decision: result.EvalDecision ?? '', statements: result.MatchedStatements ?? [] }];
    for (const { resource, decision, statements } of perResource) {
      if (decision === 'allowed') continue;
      const layer =
        result.OrganizationsDecisionDetail?.AllowedByOrganizations === false
          ? 'scp'
          : decision === 'explicitDeny'
            ? 'explicit'
            : result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
              ? 'boundary'
              : 'implicit';
      denials.push({
        action: result.EvalActionName ?? '',
        resource,
        decision,
        layer,
        statements: statements.map((s) => s.SourcePolicyId ?? '').filter(Boolean),
      });
    }
  }
  return { denials, missingContext: [...missingContext] };
}

/** Keys the policies test that the real call carries but the simulation was not given (absent ones are faithful). */
function notSupplied(tested: string[], facts: CallFacts): string[] {
  const known = [...callContext(facts), ...absentFromCall(facts).map((key) => ({ key, values: [], type: 'string' as const }))];
  return unsuppliedKeys(tested, known);
}

const LAYERS = {
  scp: { cause: 'scp-deny', who: 'a service control policy (AWS Organizations)' },
  boundary: { cause: 'permissions-boundary', who: 'the permissions boundary' },
  explicit: { cause: 'iam-explicit-deny', who: 'an explicit Deny in an identity policy' },
  implicit: { cause: 'iam-implicit-deny', who: 'no identity policy allowing it (implicit deny)' },
} as const;

/**
 * iam: the identity's policies, SCPs and permissions boundary allow the Bedrock actions on the
 * exact ARNs, per iam:SimulatePrincipalPolicy: one simulation per aws:RequestedRegion (and
 * profile) context, which the look-ups merge across targets.
 */
export const checkIam: GateCheck = async (ctx, target) => {
  const source = await policySource(ctx, 'iam');
  if (!source.ok) return source.result;
  const actions = invokeActions(target.stream ?? ctx.options.stream);
  const touched = await touchedBy(ctx, target, source.account);
  const groups = new Map<string, Touched[]>();
  for (const t of touched) groups.set(`${t.requestedRegion}|${t.viaProfile ?? ''}`, [...(groups.get(`${t.requestedRegion}|${t.viaProfile ?? ''}`) ?? []), t]);

  type Shared = Omit<CallFacts, 'requestedRegion' | 'viaProfile'>;
  const factsOf = (shared: Shared, group: Touched[]): CallFacts => ({ ...shared, requestedRegion: group[0]!.requestedRegion, viaProfile: group[0]!.viaProfile });
  const simulateWith = (shared: Shared) =>
    Promise.all(
      [...groups.values()].map((group) =>
        ctx.lookups.simulate({ policySourceArn: source.arn, actions, resources: group.map((t) => t.arn), context: callContext(factsOf(shared, group)) }),
      ),
    );
  // Listing the policies' condition keys runs beside the first simulation, off the critical path;
  // only when the policies test principal tags is it simulated again, with them.
  const knowing = knownCallFacts(ctx, source);
  let simulations = await simulateWith(callFactsWithoutTags(ctx, source));
  const known = await knowing;
  if (known.facts.principalTags) simulations = await simulateWith(known.facts);
  const results: EvaluationResult[] = [];
  for (const simulation of simulations) {
    if (!simulation.ok) {
      if (simulation.diagnosis.gate === 'iam') return cannotSimulate('iam', source.arn, simulation.evidence);
      return fromFailure('iam', simulation);
    }
    results.push(...simulation.value);
  }
  const evidence = {
    ...simulations[0]!.evidence,
    details: {
      policySourceArn: source.arn,
      callerArn: source.callerArn,
      actions,
      resources: touched.map((t) => t.arn),
      contextKeys: [...new Set([...groups.values()].flatMap((group) => callContext(factsOf(known.facts, group)).map((entry) => entry.key)))],
      note: [NOT_SIMULATED, ...known.notes].join(' '),
    },
  };
  const unanswered = actions.filter((action) => !results.some((r) => r.EvalActionName?.toLowerCase() === action.toLowerCase()));
  if (unanswered.length > 0) {
    return finding('iam', 'simulation-empty', {
      summary: `The policy simulator returned no decision for ${unanswered.join(', ')}; the invoke call decides.`,
      evidence,
    });
  }
  const { denials, missingContext } = denialsOf(results);
  const tested = [...(known.policyKeys ?? []), ...missingContext];
  const unsupplied = [...new Set([...groups.values()].flatMap((group) => notSupplied(tested, factsOf(known.facts, group))))];
  const unknownKeys = unsupplied.length > 0 ? ` The policies also test ${unsupplied.join(', ')}, which the simulation could not supply.` : '';
  if (denials.length > 0) {
    const first = denials.find((d) => d.layer === 'scp') ?? denials.find((d) => d.layer === 'explicit') ?? denials.find((d) => d.layer === 'boundary') ?? denials[0]!;
    const layer = LAYERS[first.layer];
    const missing = denials.filter((d) => d.layer === first.layer);
    const resources = [...new Set(missing.map((d) => d.resource))];
    const deniedActions = [...new Set(missing.map((d) => d.action))];
    const summary = `${source.arn} may not call ${deniedActions.join(', ')} on ${resources.map((r) => describeArn(r, 'short')).join('; ')}: denied by ${layer.who}${first.statements.length ? ` (${first.statements.join(', ')})` : ''}.${unknownKeys}`;
    const fixText =
      first.layer === 'implicit'
        ? `Attach an Allow for ${deniedActions.join(' and ')} on exactly these ARNs to ${source.arn}${touched.length > 1 ? ' (an inference profile needs the profile and the model in every destination Region)' : ''}.`
        : first.layer === 'scp'
          ? `An Organizations administrator must exempt this call from the SCP${resources.some((r) => /bedrock:::/.test(r)) ? ' (a Region-restricting SCP must allow aws:RequestedRegion "unspecified" for global inference profiles)' : ''}, or use a Region/profile the SCP allows.`
          : first.layer === 'boundary'
            ? `Widen the permissions boundary of ${source.arn} to allow ${deniedActions.join(', ')} on these ARNs.`
            : `Remove or narrow the Deny statement${first.statements.length ? ` in ${first.statements.join(', ')}` : ''} that matches these ARNs.`;
    const allowLifts = first.layer === 'implicit' || first.layer === 'boundary';
    return finding('iam', layer.cause, {
      summary,
      // An explicit Deny: the catalog's simulation command, with the caller and the first denied ARN.
      ...(first.layer === 'explicit' ? { params: { denial: { principal: source.arn, action: deniedActions[0], resource: resources[0], explicit: true } } } : {}),
      fix: {
        text: fixText,
        // The policy command's own statements for exactly the denied ARNs, with their conditions.
        ...(allowLifts ? { policy: policyDocument(accessStatements(touched.filter((t) => resources.includes(t.arn)), deniedActions)) } : {}),
        // The cross-Region page where a profile is involved; otherwise the catalog's.
        ...(first.layer === 'implicit' && touched.some((t) => t.viaProfile) ? { docs: DOCS.crossRegion } : {}),
      },
      evidence: { ...evidence, details: { ...evidence.details, denials, unsuppliedContextKeys: unsupplied } },
    });
  }
  if (unsupplied.length > 0) {
    return finding('iam', 'simulation-incomplete', {
      summary: `Allowed in simulation with the context the call carries, but the policies test context keys the simulation could not supply: ${unsupplied.join(', ')}. ${NOT_SIMULATED}`,
      evidence: { ...evidence, details: { ...evidence.details, unsuppliedContextKeys: unsupplied } },
    });
  }
  return pass('iam', `${source.arn} may call ${actions.join(', ')} on ${touched.length} ARN${touched.length === 1 ? '' : 's'} (simulated). ${NOT_SIMULATED}`, evidence);
};

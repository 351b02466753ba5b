import type { EvaluationResult } from '@aws-sdk/client-iam';
import { foundationModelArn, invokeActions } from '../vocabulary/model-id.js';
import { partitionOf, realRegion } from '../vocabulary/regions.js';
import type { GateCheck, GateContext, PlannedTarget } from './shared/context.js';
import { findProfile } from './shared/model-catalog.js';
import { fromFailure, outcome, pass } from './shared/finding.js';
import { cannotSimulate, policySource } from './shared/policy-source.js';

const IAM_DOCS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html';
const NOT_SIMULATED = 'Session policies, resource control policies, VPC endpoint policies and resource policies are not simulated.';

/** One resource the call touches, and the request context IAM sees for it. */
interface Touched {
  arn: string;
  /** aws:RequestedRegion: the destination Region, or "unspecified" for the global model ARN. */
  requestedRegion: string;
  viaProfile?: string;
}

/**
 * The exact ARNs a Converse call is authorized against: the model in the Region, or for an
 * inference profile the profile ARN plus the model in every destination Region (and the
 * Region-less global model ARN for global profiles).
 */
async function touchedResources(ctx: GateContext, target: PlannedTarget, account: string): Promise<Touched[]> {
  const partition = partitionOf(target.region);
  // A FIPS pseudo-Region (us-east-1-fips) is an endpoint choice; ARNs and IAM see the real Region.
  const region = realRegion(target.region);
  const ref = target.ref;
  switch (ref.kind) {
    case 'base':
    case 'foundation-model-arn':
      return [{ arn: foundationModelArn(partition, region, ref.baseId), requestedRegion: region }];
    case 'other-arn':
      return [{ arn: ref.input, requestedRegion: region }];
    case 'profile':
    case 'profile-arn':
    case 'application-profile-arn': {
      const found = await findProfile(ctx, target.region, ref.kind === 'profile' ? ref.profileId : ref.input);
      const profileArn =
        (found.found ? found.profile.inferenceProfileArn : undefined) ??
        (ref.kind === 'profile' ? `arn:${partition}:bedrock:${region}:${account}:inference-profile/${ref.profileId}` : ref.input);
      const destinations = found.found
        ? (found.profile.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean)
        : 'baseId' in ref
          ? [foundationModelArn(partition, region, ref.baseId)]
          : [];
      return [
        { arn: profileArn, requestedRegion: region },
        ...destinations.map((arn) => ({ arn, requestedRegion: arn.split(':')[3] || 'unspecified', viaProfile: profileArn })),
      ];
    }
  }
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

function describeResource(arn: string): string {
  if (/:inference-profile\/|:application-inference-profile\//.test(arn)) return `the inference profile ${arn}`;
  if (/^arn:[^:]+:bedrock:::foundation-model\//.test(arn)) return `the global model ARN ${arn} (aws:RequestedRegion "unspecified")`;
  return `the model ARN ${arn}`;
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
  const actions = invokeActions(ctx.options.stream);
  const touched = await touchedResources(ctx, target, source.account);
  const groups = new Map<string, Touched[]>();
  for (const t of touched) groups.set(`${t.requestedRegion}|${t.viaProfile ?? ''}`, [...(groups.get(`${t.requestedRegion}|${t.viaProfile ?? ''}`) ?? []), t]);

  const simulations = await Promise.all(
    [...groups.values()].map((group) =>
      ctx.lookups.simulate({
        policySourceArn: source.arn,
        actions,
        resources: group.map((t) => t.arn),
        context: [
          { key: 'aws:RequestedRegion', values: [group[0]!.requestedRegion] },
          ...(group[0]!.viaProfile ? [{ key: 'bedrock:InferenceProfileArn', values: [group[0]!.viaProfile] }] : []),
        ],
      }),
    ),
  );
  const results: EvaluationResult[] = [];
  for (const simulation of simulations) {
    if (!simulation.ok) {
      if (simulation.diagnosis.gate === 'iam') return cannotSimulate('iam', source.arn, simulation.evidence);
      return fromFailure('iam', simulation, 'iam:SimulatePrincipalPolicy');
    }
    results.push(...simulation.value);
  }
  const evidence = {
    ...simulations[0]!.evidence,
    details: { policySourceArn: source.arn, callerArn: source.callerArn, actions, resources: touched.map((t) => t.arn), note: NOT_SIMULATED },
  };
  const unanswered = actions.filter((action) => !results.some((r) => r.EvalActionName?.toLowerCase() === action.toLowerCase()));
  if (unanswered.length > 0) {
    return outcome('iam', 'inconclusive', 'simulation-empty',
      `The policy simulator returned no decision for ${unanswered.join(', ')}; the invoke call decides.`, null, evidence);
  }
  const { denials, missingContext } = denialsOf(results);
  if (denials.length > 0) {
    const first = denials.find((d) => d.layer === 'scp') ?? denials.find((d) => d.layer === 'explicit') ?? denials.find((d) => d.layer === 'boundary') ?? denials[0]!;
    const layer = LAYERS[first.layer];
    const missing = denials.filter((d) => d.layer === first.layer);
    const resources = [...new Set(missing.map((d) => d.resource))];
    const deniedActions = [...new Set(missing.map((d) => d.action))];
    const summary = `${source.arn} may not call ${deniedActions.join(', ')} on ${resources.map(describeResource).join('; ')}: denied by ${layer.who}${first.statements.length ? ` (${first.statements.join(', ')})` : ''}.`;
    const fixText =
      first.layer === 'implicit'
        ? `Attach an Allow for ${deniedActions.join(' and ')} on exactly these ARNs to ${source.arn}${touched.length > 1 ? ' (an inference profile needs the profile and the model in every destination Region)' : ''}.`
        : first.layer === 'scp'
          ? `An Organizations administrator must exempt this call from the SCP${resources.some((r) => /bedrock:::/.test(r)) ? ' (a Region-restricting SCP must allow aws:RequestedRegion "unspecified" for global inference profiles)' : ''}, or use a Region/profile the SCP allows.`
          : first.layer === 'boundary'
            ? `Widen the permissions boundary of ${source.arn} to allow ${deniedActions.join(', ')} on these ARNs.`
            : `Remove or narrow the Deny statement${first.statements.length ? ` in ${first.statements.join(', ')}` : ''} that matches these ARNs.`;
    return outcome('iam', 'fail', layer.cause, summary,
      {
        text: fixText,
        actor: 'administrator',
        ...(first.layer === 'implicit' || first.layer === 'boundary'
          ? { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: deniedActions, Resource: resources }] } }
          : {}),
        docs: first.layer === 'scp' ? 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_bedrock.html' : IAM_DOCS,
      },
      { ...evidence, details: { ...evidence.details, denials } });
  }
  if (missingContext.length > 0) {
    return outcome('iam', 'warn', 'simulation-incomplete',
      `Allowed in simulation, but the policies use context keys the simulation could not supply (${missingContext.join(', ')}). ${NOT_SIMULATED}`,
      { text: 'The invoke call is authoritative; if it is denied, check the conditions on these keys.', actor: 'caller', docs: IAM_DOCS },
      evidence);
  }
  return pass('iam', `${source.arn} may call ${actions.join(', ')} on ${touched.length} ARN${touched.length === 1 ? '' : 's'} (simulated). ${NOT_SIMULATED}`, evidence);
};

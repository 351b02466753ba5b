import type { PolicyProblem, PolicyTarget } from '../policy/least-privilege.js';
import type { ModelRef } from '../vocabulary/model-id.js';
import type { Lookups } from './lookups.js';

interface Target {
  region: string;
  ref: ModelRef;
}

export interface ResolvedTargets {
  targets: PolicyTarget[];
  /** The caller's account, from GetCallerIdentity. */
  account?: string;
  /** What could not be looked up, and what stands in for it. */
  notes: string[];
  problems: PolicyProblem[];
}

const NOT_OFFERED = new Set(['ResourceNotFoundException', 'ValidationException']);

/**
 * What AWS says of each target, read-only: the caller's account, each profile's destinations
 * (GetInferenceProfile), and whether a base model is offered on demand (GetFoundationModel),
 * with the profiles that contain it when it is not. A look-up that fails leaves the offline
 * answer in place and says so.
 */
export async function resolvePolicyTargets(lookups: Lookups, targets: Target[]): Promise<ResolvedTargets> {
  const notes: string[] = [];
  const problems: PolicyProblem[] = [];
  const identity = await lookups.identity();
  if (!identity.ok) notes.push(`Credentials could not be used (${identity.diagnosis.summary}); built from the ids alone.`);
  const resolved = await Promise.all(
    targets.map(async (target): Promise<PolicyTarget> => {
      const { ref, region } = target;
      if (!identity.ok) return target;
      if (ref.kind === 'profile' || ref.kind === 'profile-arn' || ref.kind === 'application-profile-arn') {
        const found = await lookups.inferenceProfile(region, ref.kind === 'profile' ? ref.profileId : ref.input);
        if (found.ok) {
          return { ...target, profile: { arn: found.value.inferenceProfileArn, destinations: (found.value.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean) } };
        }
        if (NOT_OFFERED.has(found.evidence.errorName ?? '')) {
          problems.push({ kind: 'input', message: `${ref.input} is not offered in ${region} (GetInferenceProfile: ${found.evidence.errorName})` });
        } else {
          notes.push(`GetInferenceProfile for ${ref.input} in ${region} failed (${found.diagnosis.summary}); the documented Regions stand in.`);
        }
        return target;
      }
      if (ref.kind === 'base' || ref.kind === 'foundation-model-arn') {
        const model = await lookups.foundationModel(region, ref.baseId);
        if (!model.ok) {
          if (NOT_OFFERED.has(model.evidence.errorName ?? '')) problems.push({ kind: 'input', message: `${ref.baseId} is not offered in ${region} (GetFoundationModel: ${model.evidence.errorName})` });
          else notes.push(`GetFoundationModel for ${ref.baseId} in ${region} failed (${model.diagnosis.summary}); whether it is offered on demand was not checked.`);
          return target;
        }
        if ((model.value?.inferenceTypesSupported ?? []).includes('ON_DEMAND')) return target;
        const profiles = await lookups.profiles(region);
        const containing = profiles.ok
          ? profiles.value.filter((p) => (p.models ?? []).some((m) => m.modelArn?.endsWith(`/${ref.baseId}`))).map((p) => p.inferenceProfileId ?? '').filter(Boolean)
          : [];
        return { ...target, profileOnly: containing };
      }
      return target;
    }),
  );
  return { targets: resolved, account: identity.ok ? identity.value.account : undefined, notes, problems };
}

import { realRegion } from '../vocabulary/regions.js';
import type { GateCheck, GateContext, GateOutcome, PlannedTarget } from './shared/context.js';
import { findModel, findProfile, profilesContaining, supportsOnDemand } from './shared/model-catalog.js';
import { finding, fromFailure, pass } from './shared/finding.js';

/** Up to five model ids in the Region that look like the one asked for (same provider, closest name). */
async function similarModels(ctx: GateContext, region: string, baseId: string): Promise<string[]> {
  const list = await ctx.lookups.models(region);
  if (!list.ok) return [];
  const provider = baseId.split('.')[0];
  const stem = baseId.split(':')[0]!.replace(/-v\d+$/, '');
  const score = (id: string) => {
    let common = 0;
    while (common < id.length && id[common] === stem[common]) common++;
    return common;
  };
  return list.value
    .map((m) => m.modelId ?? '')
    .filter((id) => id.split('.')[0] === provider)
    .sort((a, b) => score(b) - score(a))
    .slice(0, 5);
}

async function checkBaseModel(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<GateOutcome> {
  const found = await findModel(ctx, target.region, baseId);
  if (!found.found) {
    if (found.failure) return fromFailure('region', found.failure);
    const similar = await similarModels(ctx, target.region, baseId);
    return finding('region', 'model-not-in-region', {
      summary: `${baseId} is not offered in ${target.region}${similar.length ? `; similar ids here: ${similar.join(', ')}` : ''}.`,
      params: { region: target.region },
      evidence: { service: 'bedrock', operation: 'GetFoundationModel', details: { similar } },
    });
  }
  const model = found.model;
  if (!supportsOnDemand(model)) {
    const profiles = await profilesContaining(ctx, target, baseId);
    return finding('region', 'inference-profile-required', {
      summary:
        `${baseId} cannot be called by its model id in ${target.region} (no on-demand throughput): call it through an inference profile` +
        (profiles.length ? `, e.g. ${profiles[0]}.` : '.'),
      fix: {
        text: profiles.length
          ? `Use the inference profile id ${profiles[0]} as the modelId${profiles.length > 1 ? ` (others: ${profiles.slice(1).join(', ')})` : ''}, and allow bedrock:InvokeModel on the profile and on the model in every destination Region.`
          : `No inference profile listed in ${target.region} contains ${baseId}: call it from a Region whose profiles contain it (the command below lists this Region's), or check that the caller may list inference profiles.`,
        commands: [`aws bedrock list-inference-profiles --region ${target.region} --query "inferenceProfileSummaries[?contains(inferenceProfileId, '${baseId}')].inferenceProfileId"`],
      },
      evidence: { service: 'bedrock', operation: 'ListFoundationModels', details: { inferenceTypesSupported: model.inferenceTypesSupported, profiles } },
    });
  }
  return pass('region', `${baseId} is offered in ${target.region} (on-demand).`, {
    service: 'bedrock',
    operation: 'ListFoundationModels',
    details: { modelArn: model.modelArn, inferenceTypesSupported: model.inferenceTypesSupported, lifecycle: model.modelLifecycle?.status },
  });
}

async function checkProfile(ctx: GateContext, target: PlannedTarget, idOrArn: string): Promise<GateOutcome> {
  const found = await findProfile(ctx, target.region, idOrArn);
  if (!found.found) {
    if (found.failure) return fromFailure('region', found.failure);
    const baseId = 'baseId' in target.ref ? target.ref.baseId : null;
    const alternatives = baseId ? await profilesContaining(ctx, target, baseId) : [];
    return finding('region', 'profile-not-in-region', {
      summary: `The inference profile ${idOrArn} is not offered from ${target.region}` + (alternatives.length ? `; profiles here for this model: ${alternatives.join(', ')}.` : '.'),
      params: { region: target.region },
      evidence: { service: 'bedrock', operation: 'GetInferenceProfile', details: { alternatives } },
    });
  }
  const destinations = (found.profile.models ?? []).map((m) => m.modelArn).filter(Boolean);
  return pass('region', `Inference profile ${found.profile.inferenceProfileId ?? idOrArn} is offered from ${target.region} (routes to ${destinations.length} model ARN${destinations.length === 1 ? '' : 's'}).`, {
    service: 'bedrock',
    operation: 'ListInferenceProfiles',
    details: { profileArn: found.profile.inferenceProfileArn, destinations },
  });
}

/**
 * region: the Region hosts Bedrock; the model (or profile) exists there; a model without
 * on-demand throughput is called through an inference profile. Whether the Region hosts
 * Bedrock is decided by its endpoint, not by a list that new Regions outdate: a host that does
 * not resolve in a Region missing from the list is diagnosed as "Bedrock is not in the Region".
 */
export const checkRegion: GateCheck = async (ctx, target) => {
  const ref = target.ref;
  switch (ref.kind) {
    case 'base':
      return checkBaseModel(ctx, target, ref.baseId);
    case 'foundation-model-arn':
      if (ref.arnRegion && ref.arnRegion !== realRegion(target.region)) {
        return finding('region', 'arn-region-mismatch', {
          summary: `The model ARN names ${ref.arnRegion}, but the call goes to ${target.region}.`,
          fix: { text: `Use --region ${ref.arnRegion}, or the ARN of the model in ${target.region}.` },
        });
      }
      return checkBaseModel(ctx, target, ref.baseId);
    case 'profile':
      return checkProfile(ctx, target, ref.profileId);
    case 'profile-arn':
    case 'application-profile-arn':
      return checkProfile(ctx, target, ref.input);
    case 'other-arn':
      return finding('region', 'not-applicable', { summary: `A ${ref.resourceType} ARN: only the invoke call can check it.` });
  }
};

import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { Failed } from '../../aws/call.js';
import type { GateContext, PlannedTarget } from './context.js';

/** A model as the Region's catalog knows it: one list call per Region serves every target. */
type ModelLookup =
  | { found: true; model: FoundationModelSummary }
  | { found: false; failure?: Failed };

type ProfileLookup =
  | { found: true; profile: Pick<InferenceProfileSummary, 'inferenceProfileId' | 'inferenceProfileArn' | 'models' | 'type' | 'status'> }
  | { found: false; failure?: Failed };

/** AWS answers "no such model/profile" with 404 or 400 (which one is not documented). */
export function isNotFound(failed: Failed): boolean {
  const name = failed.evidence.errorName ?? '';
  return name === 'ResourceNotFoundException' || name === 'ValidationException';
}

/**
 * Finds a base model in the Region: the list first (shared), then GetFoundationModel to
 * confirm a miss, since the list omits some models the Region still serves. When the list
 * itself fails (denied, expired credentials), the single read would fail the same way.
 */
export async function findModel(ctx: GateContext, region: string, baseId: string): Promise<ModelLookup> {
  const list = await ctx.lookups.models(region);
  if (!list.ok) return { found: false, failure: list };
  const listed = list.value.find((m) => m.modelId === baseId);
  if (listed) return { found: true, model: listed };
  const single = await ctx.lookups.foundationModel(region, baseId);
  if (single.ok) return single.value ? { found: true, model: single.value } : { found: false };
  return isNotFound(single) ? { found: false } : { found: false, failure: single };
}

/** Finds an inference profile (id or ARN) in the Region: the shared list, then GetInferenceProfile. */
export async function findProfile(ctx: GateContext, region: string, idOrArn: string): Promise<ProfileLookup> {
  const list = await ctx.lookups.profiles(region);
  if (list.ok) {
    const profile = list.value.find((p) => p.inferenceProfileId === idOrArn || p.inferenceProfileArn === idOrArn);
    if (profile) return { found: true, profile };
  }
  const single = await ctx.lookups.inferenceProfile(region, idOrArn);
  if (single.ok) return { found: true, profile: single.value };
  if (isNotFound(single)) return { found: false };
  return { found: false, failure: single };
}

/** Profiles in the Region whose destinations include this base model, geography first, global last. */
export async function profilesContaining(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<string[]> {
  const list = await ctx.lookups.profiles(target.region);
  if (!list.ok) return [];
  return list.value
    .filter((p) => (p.models ?? []).some((m) => m.modelArn?.endsWith(`/${baseId}`)) || p.inferenceProfileId?.endsWith(`.${baseId}`))
    .map((p) => p.inferenceProfileId ?? '')
    .filter((id) => id !== '')
    .sort((a, b) => Number(a.startsWith('global.')) - Number(b.startsWith('global.')) || a.localeCompare(b));
}

/** Whether a model can be invoked by its base id (on-demand), per inferenceTypesSupported. */
export function supportsOnDemand(model: FoundationModelSummary): boolean {
  // The live API also returns "INFERENCE_PROFILE", which the SDK's enum lacks: compare strings.
  const types = (model.inferenceTypesSupported ?? []) as string[];
  return types.length === 0 || types.includes('ON_DEMAND');
}

/** The base model a target resolves to: its own id, or the first destination of its profile. */
export async function baseModelId(ctx: GateContext, target: PlannedTarget): Promise<string | null> {
  const ref = target.ref;
  if ('baseId' in ref) return ref.baseId;
  if (ref.kind !== 'application-profile-arn') return null;
  const found = await findProfile(ctx, target.region, ref.input);
  const arn = found.found ? found.profile.models?.[0]?.modelArn : undefined;
  return arn ? arn.slice(arn.indexOf('/') + 1) : null;
}

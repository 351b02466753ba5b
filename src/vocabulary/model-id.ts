import { parse as parseArn, validate as isArn } from '@aws-sdk/util-arn-parser';
import { UsageError } from '../errors.js';

/** What the user's --model names. A profile id is a guess until ListInferenceProfiles confirms it. */
export type ModelRef =
  | { kind: 'base'; input: string; baseId: string }
  | { kind: 'profile'; input: string; profileId: string; baseId: string; prefix: string }
  | { kind: 'foundation-model-arn'; input: string; baseId: string; arnRegion: string }
  | { kind: 'profile-arn'; input: string; profileId: string; baseId: string; prefix: string; arnRegion: string }
  | { kind: 'application-profile-arn'; input: string; arnRegion: string }
  | { kind: 'other-arn'; input: string; resourceType: string; arnRegion: string };

const MODEL_ID_CHARS = /^[A-Za-z0-9._:/\-]{1,2048}$/;
/**
 * The prefixes of system inference profiles (`us.anthropic.claude…`): geographies and `global`.
 * A model id such as `zai.glm-4.6` has dots of its own, so only these prefixes make a profile;
 * the region gate confirms it against ListInferenceProfiles.
 */
const PROFILE_PREFIXES = ['us', 'eu', 'apac', 'jp', 'au', 'ca', 'us-gov', 'global'] as const;
const PROFILE_ID = new RegExp(`^(${PROFILE_PREFIXES.join('|')})\\.([a-z0-9-]+\\.[A-Za-z0-9._:\\-]+)$`);

export function parseModelRef(input: string): ModelRef {
  const model = input.trim();
  if (model === '') throw new UsageError('--model must not be empty');
  if (!MODEL_ID_CHARS.test(model)) {
    throw new UsageError(`--model "${model.slice(0, 80)}" is not a model id, inference profile id or ARN`);
  }
  if (model.startsWith('arn:')) return parseModelArn(model);
  const profile = PROFILE_ID.exec(model);
  if (profile) return { kind: 'profile', input: model, prefix: profile[1]!, baseId: profile[2]!, profileId: model };
  if (!/^[a-z0-9-]+\.[A-Za-z0-9._:\-]+$/.test(model)) {
    throw new UsageError(`--model "${model}" is not a model id (expected provider.model, e.g. amazon.nova-lite-v1:0)`);
  }
  return { kind: 'base', input: model, baseId: model };
}

function parseModelArn(model: string): ModelRef {
  if (!isArn(model)) throw new UsageError(`--model "${model.slice(0, 80)}" is not a valid ARN`);
  const arn = parseArn(model);
  if (arn.service !== 'bedrock') throw new UsageError(`--model ARN must be a Bedrock ARN, not ${arn.service}`);
  const slash = arn.resource.indexOf('/');
  const resourceType = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const id = slash < 0 ? '' : arn.resource.slice(slash + 1);
  if (id === '') throw new UsageError(`--model ARN "${model}" names no resource`);
  switch (resourceType) {
    case 'foundation-model':
      return { kind: 'foundation-model-arn', input: model, baseId: id, arnRegion: arn.region };
    case 'inference-profile': {
      const profile = PROFILE_ID.exec(id);
      return {
        kind: 'profile-arn',
        input: model,
        profileId: id,
        prefix: profile?.[1] ?? '',
        baseId: profile?.[2] ?? id,
        arnRegion: arn.region,
      };
    }
    case 'application-inference-profile':
      return { kind: 'application-profile-arn', input: model, arnRegion: arn.region };
    default:
      return { kind: 'other-arn', input: model, resourceType, arnRegion: arn.region };
  }
}

/** The provider part of a base model id (`anthropic` in `anthropic.claude-…`). */
export function providerOf(baseId: string): string {
  return baseId.split('.')[0] ?? '';
}

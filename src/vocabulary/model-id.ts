import { parse as parseArn, validate as isArn } from '@aws-sdk/util-arn-parser';
import { UsageError } from '../errors.js';
import { isPartition, isRegionShaped } from './regions.js';

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
  // A known geography prefix on something that is not provider.model is a broken profile id.
  const prefix = new RegExp(`^(${PROFILE_PREFIXES.join('|')})\\.`).exec(model)?.[1];
  if (prefix && !/^[a-z0-9-]+\.[A-Za-z0-9._:\-]+$/.test(model.slice(prefix.length + 1))) {
    throw new UsageError(`--model "${model.slice(0, 80)}" is not an inference profile id (expected ${prefix}.provider.model, e.g. ${prefix}.anthropic.claude-sonnet-4-20250514-v1:0)`);
  }
  if (!/^[a-z0-9-]+\.[A-Za-z0-9._:\-]+$/.test(model)) {
    throw new UsageError(`--model "${model.slice(0, 80)}" is not a model id (expected provider.model, e.g. amazon.nova-lite-v1:0)`);
  }
  return { kind: 'base', input: model, baseId: model };
}

/** Bedrock resource types a model ARN may name, and whether the ARN carries an account. */
const RESOURCE_TYPES: Record<string, 'account' | 'no-account'> = {
  'foundation-model': 'no-account',
  'inference-profile': 'account',
  'application-inference-profile': 'account',
  'provisioned-model': 'account',
  'custom-model': 'account',
  'custom-model-deployment': 'account',
  'imported-model': 'account',
  'prompt': 'account',
};

/** Checked before any AWS call: partition, service, Region, account and resource type. */
function parseModelArn(model: string): ModelRef {
  const shown = model.slice(0, 100);
  if (!isArn(model)) throw new UsageError(`--model "${shown}" is not a valid ARN (arn:aws:bedrock:REGION:ACCOUNT:TYPE/ID)`);
  const arn = parseArn(model);
  if (!isPartition(arn.partition)) throw new UsageError(`--model ARN "${shown}" names no AWS partition ("${arn.partition}"; e.g. aws, aws-us-gov, aws-cn)`);
  if (arn.service !== 'bedrock') throw new UsageError(`--model ARN must be a Bedrock ARN (arn:aws:bedrock:…), not ${arn.service}`);
  const slash = arn.resource.indexOf('/');
  const resourceType = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const id = slash < 0 ? '' : arn.resource.slice(slash + 1);
  if (id === '') throw new UsageError(`--model ARN "${shown}" names no resource (…:${resourceType || 'TYPE'}/ID)`);
  const needs = RESOURCE_TYPES[resourceType];
  if (!needs) throw new UsageError(`--model ARN "${shown}": "${resourceType}" is not a Bedrock model resource (expected ${Object.keys(RESOURCE_TYPES).join(', ')})`);
  if (needs === 'account' && !/^\d{12}$/.test(arn.accountId)) {
    throw new UsageError(`--model ARN "${shown}": the account "${arn.accountId}" is not a 12-digit AWS account id`);
  }
  if (needs === 'no-account' && arn.accountId !== '') throw new UsageError(`--model ARN "${shown}": a foundation-model ARN has no account (arn:aws:bedrock:REGION::foundation-model/ID)`);
  if (arn.region !== '' && !isRegionShaped(arn.region)) throw new UsageError(`--model ARN "${shown}": "${arn.region}" is not an AWS Region name`);
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

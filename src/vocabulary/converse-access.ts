/**
 * What a Converse call touches, and how to allow it: the one place that knows the ARNs
 * (foundation model, inference profile, the global model ARN), the
 * `bedrock:InferenceProfileArn` condition, and how an Allow statement is written. The iam
 * gate, the policy generator and the fix for an IAM denial all build on it.
 */

import type { ModelRef } from './model-id.js';
import { geographyOf, modelRegionsFrom } from './geographies.js';
import { partitionOf, realRegion } from './regions.js';

/** The IAM actions a Converse call needs (ConverseStream adds the streaming one); there is no bedrock:Converse. */
export function invokeActions(stream: boolean): string[] {
  return stream ? ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'] : ['bedrock:InvokeModel'];
}

export function foundationModelArn(partition: string, region: string, baseId: string): string {
  return `arn:${partition}:bedrock:${region}::foundation-model/${baseId}`;
}

/** The Region-less model ARN a global inference profile's call is authorized against. */
export function globalModelArn(partition: string, baseId: string): string {
  return `arn:${partition}:bedrock:::foundation-model/${baseId}`;
}

/** A system profile of the `global.` geography (any commercial Region). */
export function isGlobalProfile(profileArn: string): boolean {
  return /:inference-profile\/global\./.test(profileArn);
}

export function inferenceProfileArn(partition: string, region: string, account: string, profileId: string): string {
  return `arn:${partition}:bedrock:${region}:${account}:inference-profile/${profileId}`;
}

type ArnKind = 'none' | 'inference-profile' | 'application-profile' | 'global-model' | 'regional-model' | 'other';

/** What kind of Bedrock resource an ARN names (`*` or nothing: no resource). */
export function arnKind(arn: string | undefined): ArnKind {
  if (!arn || arn === '*') return 'none';
  if (/:application-inference-profile\//.test(arn)) return 'application-profile';
  if (/:inference-profile\//.test(arn)) return 'inference-profile';
  if (/^arn:[\w-]{1,20}:bedrock:::foundation-model\//.test(arn)) return 'global-model';
  if (/^arn:[\w-]{1,20}:bedrock:[a-z0-9-]{1,30}::foundation-model\//.test(arn)) return 'regional-model';
  return 'other';
}

/**
 * An ARN in words. `short` names it (a simulation's result, an explicit deny); `advice` also
 * says what an Allow for it needs (a missing Allow pasted into `explain`), and speaks of
 * destination Regions only when a profile is involved.
 */
export function describeArn(arn: string | undefined, style: 'short' | 'advice', options: { viaProfile?: boolean } = {}): string {
  const kind = arnKind(arn);
  if (style === 'short') {
    if (kind === 'inference-profile' || kind === 'application-profile') return `the inference profile ${arn}`;
    if (kind === 'global-model') return `the global model ARN ${arn} (aws:RequestedRegion "unspecified")`;
    if (kind === 'regional-model') return `the model ARN ${arn}`;
    if (kind === 'none') return 'any resource ("*")';
    return `the resource ${arn}`;
  }
  switch (kind) {
    case 'none':
      return 'no specific resource (an account-level action, granted on "*")';
    case 'application-profile':
      return `the application inference profile ${arn} (the profile and every model it routes to need an Allow)`;
    case 'inference-profile':
      return `the cross-Region inference profile ${arn} (an Allow is needed on the profile AND on the foundation model in every destination Region)`;
    case 'global-model':
      return `the global foundation model ${arn} (no Region: the call came through a global. inference profile; the Allow needs "aws:RequestedRegion": "unspecified", and Region-lock policies or SCPs block it)`;
    case 'regional-model': {
      const region = /^arn:[\w-]{1,20}:bedrock:([a-z0-9-]{1,30})::/.exec(arn ?? '')?.[1] ?? '?';
      return `the foundation model in ${region} (${arn})${options.viaProfile ? '; through an inference profile this is a destination Region, which also needs an Allow' : ''}`;
    }
    default:
      return `the resource ${arn}`;
  }
}

/** One resource a call is authorized against, and the request context IAM sees for it. */
export interface Touched {
  arn: string;
  /** aws:RequestedRegion: the destination Region, or "unspecified" for the global model ARN. */
  requestedRegion: string;
  /** Set when the resource is reached through an inference profile (bedrock:InferenceProfileArn). */
  viaProfile?: string;
}

/** What ListInferenceProfiles/GetInferenceProfile said of a profile, when it was found. */
interface ResolvedProfile {
  arn?: string;
  destinations: string[];
}

/**
 * The exact ARNs a Converse call in `region` is authorized against: the model in the Region,
 * or for an inference profile the profile ARN plus the model in every destination Region (the
 * Region-less global model ARN among them for global profiles). Without the resolved profile,
 * its ARN is built from the id and the model in the calling Region stands for the rest.
 */
export function touchedResources(region: string, ref: ModelRef, account: string, profile?: ResolvedProfile): Touched[] {
  const partition = partitionOf(region);
  // A FIPS pseudo-Region (us-east-1-fips) is an endpoint choice; ARNs and IAM see the real Region.
  const real = realRegion(region);
  switch (ref.kind) {
    case 'base':
    case 'foundation-model-arn':
      return [{ arn: foundationModelArn(partition, real, ref.baseId), requestedRegion: real }];
    case 'other-arn':
      return [{ arn: ref.input, requestedRegion: real }];
    case 'profile':
    case 'profile-arn':
    case 'application-profile-arn': {
      const profileArn = profile?.arn ?? (ref.kind === 'profile' ? inferenceProfileArn(partition, real, account, ref.profileId) : ref.input);
      // A global profile is authorized as AWS documents it, whatever its models[] lists: the
      // model in the source Region and the Region-less model ARN.
      const destinations =
        'baseId' in ref && isGlobalProfile(profileArn)
          ? [foundationModelArn(partition, real, ref.baseId), globalModelArn(partition, ref.baseId)]
          : profile
            ? profile.destinations
            : 'baseId' in ref
              ? [foundationModelArn(partition, real, ref.baseId)]
              : [];
      return [
        { arn: profileArn, requestedRegion: real },
        ...destinations.map((arn) => ({ arn, requestedRegion: arn.split(':')[3] || 'unspecified', viaProfile: profileArn })),
      ];
    }
  }
}

export interface Statement {
  Sid?: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

/** The one builder for Allow statements (keys in the order IAM's own examples use). */
export function allow(action: string | string[], resource: string | string[], options: { sid?: string; condition?: Statement['Condition'] } = {}): Statement {
  return {
    ...(options.sid ? { Sid: options.sid } : {}),
    Effect: 'Allow',
    Action: action,
    Resource: resource,
    ...(options.condition ? { Condition: options.condition } : {}),
  };
}

export function policyDocument(statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** The global model ARN is called with no Region: aws:RequestedRegion is "unspecified". */
export const GLOBAL_MODEL_CONDITION: Statement['Condition'] = { StringEquals: { 'aws:RequestedRegion': 'unspecified' } };

/**
 * The Allow statements for a call through a profile known only by its ARN (a denial's text):
 * the profile and the model behind it in each documented Region of its geography, only
 * through it; a global profile as AWS documents it. An application profile's models, or a
 * geography with no documented list, are not in the ARN: any foundation model, through it.
 */
export function statementsForProfile(profileArn: string, actions: string[], baseId?: string): Statement[] {
  const [, partition = 'aws', region = ''] = /^arn:([\w-]{1,20}):bedrock:([a-z0-9-]*):/.exec(profileArn) ?? [];
  const profileId = /:inference-profile\/(.{1,200})$/.exec(profileArn)?.[1] ?? '';
  const prefix = /^([a-z-]{2,10})\./.exec(profileId)?.[1] ?? '';
  const modelId = baseId ?? profileId.slice(prefix.length + 1);
  const profile = { arn: profileArn, requestedRegion: region };
  const through = (arn: string, requestedRegion: string): Touched => ({ arn, requestedRegion, viaProfile: profileArn });
  if (profileId && isGlobalProfile(profileArn)) {
    return accessStatements([profile, through(foundationModelArn(partition, region, modelId), region), through(globalModelArn(partition, modelId), 'unspecified')], actions);
  }
  const geography = profileId ? geographyOf(prefix) : undefined;
  if (geography) return accessStatements([profile, ...modelRegionsFrom(geography, region).map((r) => through(foundationModelArn(partition, r, modelId), r))], actions);
  return [
    allow(actions, profileArn, { sid: 'InferenceProfiles' }),
    allow(actions, `arn:${partition}:bedrock:*::foundation-model/${profileId ? modelId : '*'}`, {
      sid: 'ModelsThroughProfile',
      condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    }),
  ];
}

/**
 * The Allow statements for exactly the touched resources, with the conditions AWS documents:
 * a model reached through a profile only through that profile (bedrock:InferenceProfileArn);
 * for a global profile, the profile and the source-Region model only in the source Region and
 * the Region-less model ARN only with aws:RequestedRegion "unspecified". Statements that share
 * their condition share one statement; Sids are unique, as IAM requires.
 */
export function accessStatements(touched: Touched[], actions: string[]): Statement[] {
  const groups = new Map<string, { sid: string; condition?: Statement['Condition']; resources: Set<string> }>();
  for (const t of touched) {
    const grant = grantFor(t);
    const key = `${grant.sid}|${JSON.stringify(grant.condition ?? {})}`;
    const group = groups.get(key) ?? { ...grant, resources: new Set<string>() };
    group.resources.add(t.arn);
    groups.set(key, group);
  }
  const seen = new Map<string, number>();
  return [...groups.values()].map((group) => {
    const n = (seen.get(group.sid) ?? 0) + 1;
    seen.set(group.sid, n);
    return allow(actions, [...group.resources].sort(), { sid: n === 1 ? group.sid : `${group.sid}${n}`, condition: group.condition });
  });
}

function grantFor(t: Touched): { sid: string; condition?: Statement['Condition'] } {
  const kind = arnKind(t.arn);
  if (!t.viaProfile) {
    if (kind === 'inference-profile' && isGlobalProfile(t.arn)) {
      return { sid: 'GlobalInferenceProfile', condition: { StringEquals: { 'aws:RequestedRegion': t.requestedRegion } } };
    }
    if (kind === 'inference-profile' || kind === 'application-profile') return { sid: 'InferenceProfiles' };
    return { sid: 'FoundationModels' };
  }
  if (isGlobalProfile(t.viaProfile)) {
    return {
      sid: kind === 'global-model' ? 'GlobalModelThroughGlobalProfile' : 'SourceRegionModelThroughGlobalProfile',
      condition: { StringEquals: { 'aws:RequestedRegion': t.requestedRegion, 'bedrock:InferenceProfileArn': t.viaProfile } },
    };
  }
  return { sid: 'ModelsThroughProfile', condition: { StringEquals: { 'bedrock:InferenceProfileArn': t.viaProfile } } };
}

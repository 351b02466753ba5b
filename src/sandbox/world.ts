/**
 * The emulated AWS account as data: who the caller is, which models and inference profiles
 * each Region offers, the account's model-access state, and what its IAM policies decide.
 * The default world is a healthy account; scenarios describe only what they change.
 */
import { BEDROCK_REGIONS, partitionOf } from '../vocabulary/regions.js';
import { profileGeographyFits } from '../vocabulary/profile-geography.js';

export interface Identity {
  account: string;
  /** GetCallerIdentity Arn: an IAM user, or an STS assumed-role session. */
  arn: string;
  userId: string;
}

interface UserDef {
  userName: string;
  path: string;
  userId: string;
  /** iam:ListUserTags; the aws:PrincipalTag/* context of the user's calls. */
  tags?: Record<string, string>;
}

interface RoleDef {
  roleName: string;
  path: string;
  roleId: string;
  createDate: string;
  description?: string;
  maxSessionDuration?: number;
  /** iam:ListRoleTags; the aws:PrincipalTag/* context of the role's sessions. */
  tags?: Record<string, string>;
}

type AgreementStatus = 'AVAILABLE' | 'PENDING' | 'NOT_AVAILABLE' | 'ERROR';

/** GetFoundationModelAvailability, as the wire has it. */
interface Availability {
  agreementAvailability: { status: AgreementStatus; errorMessage?: string };
  authorizationStatus: 'AUTHORIZED' | 'NOT_AUTHORIZED';
  entitlementAvailability: 'AVAILABLE' | 'NOT_AVAILABLE';
  regionAvailability: 'AVAILABLE' | 'NOT_AVAILABLE';
}

interface ModelLifecycle {
  status: 'ACTIVE' | 'LEGACY';
  startOfLifeTime?: string;
  endOfLifeTime?: string;
  legacyTime?: string;
  publicExtendedAccessTime?: string;
}

export interface ModelDef {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  customizationsSupported: string[];
  /** As the live API returns it: may hold the undocumented `INFERENCE_PROFILE`. */
  inferenceTypesSupported: string[];
  modelLifecycle: ModelLifecycle;
  /** Sold through AWS Marketplace (third-party): the agreement gate applies. */
  marketplace: boolean;
  availability: Availability;
  /** LEGACY models only: false when the account has not used it in the last 15 days. */
  recentlyUsed?: boolean;
}

export interface ProfileDef {
  inferenceProfileId: string;
  inferenceProfileName: string;
  description: string;
  /** The base model id the profile routes to. */
  modelId: string;
  /** Destination Regions; `models[]` lists the foundation model in each. */
  destinationRegions: string[];
  /** A `global.` profile also lists `arn:aws:bedrock:::foundation-model/ID`. */
  global?: boolean;
  /** An application inference profile: an opaque id, its ARN `application-inference-profile/ID`. */
  application?: boolean;
}

type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

/**
 * One policy outcome, matched on action and resource (globs with `*`); the first rule that
 * matches decides, and no match means allowed. `source` says which policy type decides:
 * `session` rules apply to live calls only (the simulator cannot see session policies).
 */
export interface PolicyRule {
  action: string;
  resource?: string;
  decision: Decision;
  source?: 'identity' | 'scp' | 'permissions-boundary' | 'session';
  /** Named in the live AccessDenied message (an SCP's ARN). */
  policyArn?: string;
  /**
   * The rule applies only when the request context's `key` matches one of `values` (globs),
   * as StringLike; with `negate`, only when it matches none, as StringNotLike. A key the
   * context lacks fails StringLike and satisfies StringNotLike, as in IAM, and the simulator
   * reports it missing.
   */
  condition?: { key: string; values: string[]; negate?: boolean };
}

/** A request's context: key (any case) -> values. */
export type RequestContext = Record<string, string[]>;

interface UseCaseForm {
  companyName: string;
  companyWebsite: string;
  intendedUsers: string;
  industryOption: string;
  useCases: string;
}

export interface World {
  identity: Identity;
  users: UserDef[];
  roles: RoleDef[];
  /** Regions that host Bedrock; every one offers the same catalogue. */
  regions: readonly string[];
  models: ModelDef[];
  profiles: ProfileDef[];
  /** The Anthropic first-time-use form; null when never submitted. */
  useCase: UseCaseForm | null;
  policies: PolicyRule[];
  /** The account is in an Organization (simulation results carry OrganizationsDecisionDetail). */
  inOrganization: boolean;
  /** The caller may perform aws-marketplace:Subscribe/ViewSubscriptions (first invoke auto-subscribes). */
  marketplacePermissions: boolean;
  /** How Bedrock answers bearer (API key) requests. */
  apiKeys: 'accept' | 'reject';
}

/** What a scenario changes. Model and availability patches are keyed by base model id. */
export interface WorldPatch {
  identity?: Partial<Identity>;
  users?: UserDef[];
  roles?: RoleDef[];
  /** A partial patches a known model (a full ModelDef adds one); null removes it. */
  models?: Record<string, Partial<ModelDef> | null>;
  /** Added profiles; ids listed in removeProfiles are dropped. */
  profiles?: ProfileDef[];
  removeProfiles?: string[];
  availability?: Record<string, Partial<Availability>>;
  useCase?: UseCaseForm | null;
  /** Put before the default rules (first match wins). */
  policies?: PolicyRule[];
  inOrganization?: boolean;
  marketplacePermissions?: boolean;
  apiKeys?: 'accept' | 'reject';
}

export const ACCOUNT_ID = '111122223333';
export const DEFAULT_REGION = 'us-east-1';

const DEFAULT_USE_CASE: UseCaseForm = {
  companyName: 'Example Corp',
  companyWebsite: 'https://example.com',
  intendedUsers: '0',
  industryOption: 'Technology',
  useCases: 'Internal assistant',
};

const AVAILABLE: Availability = {
  agreementAvailability: { status: 'AVAILABLE' },
  authorizationStatus: 'AUTHORIZED',
  entitlementAvailability: 'AVAILABLE',
  regionAvailability: 'AVAILABLE',
};

function model(
  modelId: string,
  modelName: string,
  providerName: string,
  inferenceTypesSupported: string[],
  extra: Partial<ModelDef> = {},
): ModelDef {
  return {
    modelId,
    modelName,
    providerName,
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    customizationsSupported: [],
    inferenceTypesSupported,
    modelLifecycle: { status: 'ACTIVE' },
    marketplace: providerName !== 'Amazon',
    availability: structuredClone(AVAILABLE),
    ...extra,
  };
}

const US_DESTINATIONS = ['us-east-1', 'us-east-2', 'us-west-2'];
const EU_DESTINATIONS = ['eu-central-1', 'eu-west-1', 'eu-west-3'];

export function defaultWorld(): World {
  return {
    identity: { account: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/dev`, userId: 'AIDAEXAMPLEUSERID0001' },
    users: [{ userName: 'dev', path: '/', userId: 'AIDAEXAMPLEUSERID0001' }],
    roles: [
      {
        roleName: 'AWSReservedSSO_BedrockDev_0123456789abcdef',
        path: '/aws-reserved/sso.amazonaws.com/',
        roleId: 'AROAEXAMPLEROLEID0001',
        createDate: '2025-03-01T09:00:00Z',
        description: 'Created by AWS IAM Identity Center for permission set BedrockDev',
        maxSessionDuration: 43200,
      },
      {
        roleName: 'BedrockInvoker',
        path: '/',
        roleId: 'AROAEXAMPLEROLEID0002',
        createDate: '2025-03-01T09:00:00Z',
        maxSessionDuration: 3600,
      },
    ],
    regions: BEDROCK_REGIONS,
    models: [
      model('amazon.nova-lite-v1:0', 'Nova Lite', 'Amazon', ['ON_DEMAND', 'INFERENCE_PROFILE'], {
        inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
        customizationsSupported: ['FINE_TUNING', 'DISTILLATION'],
      }),
      model('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'Anthropic', ['ON_DEMAND'], {
        inputModalities: ['TEXT', 'IMAGE'],
      }),
      model('anthropic.claude-sonnet-4-20250514-v1:0', 'Claude Sonnet 4', 'Anthropic', ['INFERENCE_PROFILE'], {
        inputModalities: ['TEXT', 'IMAGE'],
      }),
      model('meta.llama3-8b-instruct-v1:0', 'Llama 3 8B Instruct', 'Meta', ['ON_DEMAND']),
      model('anthropic.claude-v2:1', 'Claude', 'Anthropic', ['ON_DEMAND'], {
        modelLifecycle: {
          status: 'LEGACY',
          startOfLifeTime: '2023-11-21T00:00:00Z',
          legacyTime: '2025-01-21T00:00:00Z',
          publicExtendedAccessTime: '2025-07-21T00:00:00Z',
          endOfLifeTime: '2027-01-21T00:00:00Z',
        },
        recentlyUsed: true,
      }),
    ],
    profiles: [
      profile('us.anthropic.claude-sonnet-4-20250514-v1:0', 'US Anthropic Claude Sonnet 4', 'anthropic.claude-sonnet-4-20250514-v1:0'),
      profile('us.amazon.nova-lite-v1:0', 'US Nova Lite', 'amazon.nova-lite-v1:0'),
      profile('us.anthropic.claude-3-haiku-20240307-v1:0', 'US Anthropic Claude 3 Haiku', 'anthropic.claude-3-haiku-20240307-v1:0'),
      {
        ...profile('global.anthropic.claude-sonnet-4-20250514-v1:0', 'Global Claude Sonnet 4', 'anthropic.claude-sonnet-4-20250514-v1:0'),
        global: true,
      },
      profile('eu.anthropic.claude-sonnet-4-20250514-v1:0', 'EU Anthropic Claude Sonnet 4', 'anthropic.claude-sonnet-4-20250514-v1:0', EU_DESTINATIONS),
      profile('eu.anthropic.claude-3-haiku-20240307-v1:0', 'EU Anthropic Claude 3 Haiku', 'anthropic.claude-3-haiku-20240307-v1:0', EU_DESTINATIONS),
    ],
    useCase: { ...DEFAULT_USE_CASE },
    policies: [],
    inOrganization: true,
    marketplacePermissions: true,
    apiKeys: 'accept',
  };
}

function profile(inferenceProfileId: string, name: string, modelId: string, destinations: string[] = US_DESTINATIONS): ProfileDef {
  return {
    inferenceProfileId,
    inferenceProfileName: name,
    description: `Routes requests to ${name.replace(/^(US|EU|Global) /, '')} in ${inferenceProfileId.startsWith('global.') ? 'any commercial Region' : inferenceProfileId.startsWith('eu.') ? 'EU Regions' : 'US Regions'}.`,
    modelId,
    destinationRegions: [...destinations],
  };
}

export function applyPatch(base: World, patch: WorldPatch | undefined): World {
  const world = structuredClone(base);
  if (!patch) return world;
  if (patch.identity) world.identity = { ...world.identity, ...patch.identity };
  if (patch.users) world.users = mergeBy(world.users, patch.users, (u) => u.userName);
  if (patch.roles) world.roles = mergeBy(world.roles, patch.roles, (r) => r.roleName);
  for (const [id, change] of Object.entries(patch.models ?? {})) {
    const index = world.models.findIndex((m) => m.modelId === id);
    if (change === null) {
      if (index >= 0) world.models.splice(index, 1);
    } else if (index >= 0) {
      world.models[index] = { ...world.models[index]!, ...change };
    } else {
      world.models.push(change as ModelDef);
    }
  }
  if (patch.removeProfiles) world.profiles = world.profiles.filter((p) => !patch.removeProfiles!.includes(p.inferenceProfileId));
  if (patch.profiles) world.profiles = mergeBy(world.profiles, patch.profiles, (p) => p.inferenceProfileId);
  for (const [id, change] of Object.entries(patch.availability ?? {})) {
    const m = world.models.find((x) => x.modelId === id);
    if (m) m.availability = { ...m.availability, ...change };
  }
  if (patch.useCase !== undefined) world.useCase = patch.useCase;
  if (patch.policies) world.policies = [...patch.policies, ...world.policies];
  if (patch.inOrganization !== undefined) world.inOrganization = patch.inOrganization;
  if (patch.marketplacePermissions !== undefined) world.marketplacePermissions = patch.marketplacePermissions;
  if (patch.apiKeys !== undefined) world.apiKeys = patch.apiKeys;
  return world;
}

function mergeBy<T>(list: T[], additions: T[], key: (item: T) => string): T[] {
  const out = list.filter((item) => !additions.some((a) => key(a) === key(item)));
  return [...out, ...additions];
}

// ---------------------------------------------------------------- ARNs and look-ups

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:${partitionOf(region)}:bedrock:${region}::foundation-model/${modelId}`;
}

function globalFoundationModelArn(modelId: string): string {
  return `arn:aws:bedrock:::foundation-model/${modelId}`;
}

export function inferenceProfileArn(world: World, region: string, profileId: string): string {
  const type = world.profiles.find((p) => p.inferenceProfileId === profileId)?.application ? 'application-inference-profile' : 'inference-profile';
  return `arn:${partitionOf(region)}:bedrock:${region}:${world.identity.account}:${type}/${profileId}`;
}

/** The foundation-model ARNs a profile's `models[]` lists. */
export function profileModelArns(p: ProfileDef): string[] {
  const arns = p.destinationRegions.map((r) => foundationModelArn(r, p.modelId));
  return p.global ? [...arns, globalFoundationModelArn(p.modelId)] : arns;
}

export function hostsBedrockIn(world: World, region: string): boolean {
  return world.regions.includes(region);
}

export function findModel(world: World, region: string, idOrArn: string): ModelDef | undefined {
  if (!hostsBedrockIn(world, region)) return undefined;
  const match = /^arn:[\w-]+:bedrock:([\w-]*)::foundation-model\/(.+)$/.exec(idOrArn);
  if (match) {
    if (match[1] !== region) return undefined;
    return world.models.find((m) => m.modelId === match[2]);
  }
  return world.models.find((m) => m.modelId === idOrArn);
}

/** As AWS offers them: a geographic profile only from source Regions in its geography (us. not from eu-west-1). */
export function offeredFrom(p: ProfileDef, region: string): boolean {
  // An application profile lives in its own Region, whatever its (generated) id.
  if (p.application) return true;
  const prefix = p.inferenceProfileId.split('.')[0]!;
  return profileGeographyFits(prefix, region) !== 'mismatch';
}

export function findProfile(world: World, region: string, idOrArn: string): ProfileDef | undefined {
  if (!hostsBedrockIn(world, region)) return undefined;
  const found = findAnyProfile(world, region, idOrArn);
  return found && offeredFrom(found, region) ? found : undefined;
}

function findAnyProfile(world: World, region: string, idOrArn: string): ProfileDef | undefined {
  const match = /^arn:[\w-]+:bedrock:([\w-]+):(\d{12}):(application-)?inference-profile\/(.+)$/.exec(idOrArn);
  if (match) {
    if (match[1] !== region || match[2] !== world.identity.account) return undefined;
    return world.profiles.find((p) => p.inferenceProfileId === match[4] && Boolean(p.application) === Boolean(match[3]));
  }
  return world.profiles.find((p) => p.inferenceProfileId === idOrArn);
}

/** Glob match with `*` (any run of characters), as IAM action and resource patterns use. */
function globMatch(pattern: string, value: string): boolean {
  const regex = new RegExp('^' + pattern.split('*').map(escapeRegex).join('.*') + '$', 'i');
  return regex.test(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first policy rule that decides action on resource, or allowed. `live` includes session
 * rules. Condition keys the context lacks are added to `missing`.
 */
export function decide(world: World, action: string, resource: string, live: boolean, context: RequestContext = {}, missing?: Set<string>): PolicyRule {
  for (const rule of world.policies) {
    if (!live && rule.source === 'session') continue;
    if (!globMatch(rule.action, action)) continue;
    if (rule.resource !== undefined && !globMatch(rule.resource, resource)) continue;
    if (rule.condition && !conditionHolds(rule.condition, context, missing)) continue;
    return rule;
  }
  return { action, resource, decision: 'allowed', source: 'identity' };
}

function conditionHolds(condition: NonNullable<PolicyRule['condition']>, context: RequestContext, missing?: Set<string>): boolean {
  const key = Object.keys(context).find((k) => k.toLowerCase() === condition.key.toLowerCase());
  if (key === undefined) {
    missing?.add(condition.key);
    return Boolean(condition.negate);
  }
  const matches = context[key]!.some((value) => condition.values.some((pattern) => globMatch(pattern, value)));
  return condition.negate ? !matches : matches;
}

/** The condition keys the caller's own policies test (SCP and session policies are not listed). */
export function contextKeysOf(world: World): string[] {
  const keys = world.policies
    .filter((rule) => rule.condition && (rule.source ?? 'identity') !== 'scp' && rule.source !== 'session')
    .map((rule) => rule.condition!.key);
  return [...new Set(keys)];
}

/** The IAM entity behind the caller (a role session's role), with its ARN as aws:PrincipalArn has it. */
export function callerEntity(world: World): { arn: string; tags: Record<string, string> } {
  const { arn, account } = world.identity;
  const role = /:assumed-role\/([^/]+)\//.exec(arn)?.[1];
  if (role) {
    const def = world.roles.find((r) => r.roleName === role);
    return { arn: `arn:aws:iam::${account}:role${def?.path ?? '/'}${role}`, tags: def?.tags ?? {} };
  }
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  return { arn, tags: world.users.find((u) => u.userName === user)?.tags ?? {} };
}

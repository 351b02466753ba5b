import { missingProfile, sharedProfiles } from '../aws/profiles.js';
import { parseModelRef, type ModelRef } from '../vocabulary/model-id.js';
import { isFipsRegion, regionProblem } from '../vocabulary/regions.js';
import { nearestName } from '../vocabulary/nearest-name.js';
import { UsageError } from '../errors.js';
import type { ClientReport } from './result.js';
import type { CheckOptions, PlannedTarget } from '../gates/shared/context.js';
import { withDependencies } from '../gates/about.js';
import { GATES, type Gate } from '../types.js';
import type { RegionSource } from './result.js';

export interface CheckInput {
  regions: string[];
  models: string[];
  profile?: string;
  noInvoke: boolean;
  allowSubscribe: boolean;
  expectAccount?: string;
  stream: boolean;
  /** The whole run's time limit, in seconds. */
  timeoutSeconds: number;
  /**
   * `CLIENT[:PATH]`: check what this client's configuration will call (its models, Regions,
   * profile and streaming); --model and --region then add targets.
   */
  from?: string;
  /** Run only these gates (and those they depend on); default: every gate. */
  only?: readonly string[];
}

export type { RegionSource } from './result.js';

export interface Plan {
  targets: PlannedTarget[];
  options: CheckOptions;
  profile?: string;
  regionSource: RegionSource;
  timeoutMs: number;
  /** Set by --from: what the client's configuration showed, for the report. */
  client?: ClientReport;
  /** The gates to run: every gate, or the selection with the gates it depends on. */
  gates: Gate[];
  /** The selection as asked (--only), or null for every gate. */
  only: Gate[] | null;
}

/**
 * The Region, as the AWS CLI would choose it: flag, AWS_REGION, AWS_DEFAULT_REGION (which the
 * JS SDK ignores, so it is read here), then the profile's `region`.
 */
export async function resolveRegions(input: { regions: string[]; profile?: string }, env: NodeJS.ProcessEnv): Promise<{ regions: string[]; source: RegionSource }> {
  if (input.regions.length > 0) return { regions: validRegions(input.regions, env), source: 'flag' };
  if (env.AWS_REGION) return { regions: validRegions([env.AWS_REGION], env), source: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION) return { regions: validRegions([env.AWS_DEFAULT_REGION], env), source: 'AWS_DEFAULT_REGION' };
  const profileName = input.profile ?? env.AWS_PROFILE ?? 'default';
  try {
    // Loaded only when no flag or variable names the Region: the ini loader is part of the SDK.
    const { configFile, credentialsFile } = await sharedProfiles(env);
    const region = configFile[profileName]?.region ?? credentialsFile[profileName]?.region;
    if (region) return { regions: validRegions([region], env), source: 'profile' };
  } catch {
    // unreadable config files: fall through to the usage error below
  }
  throw new UsageError('No Region: pass --region, or set AWS_REGION (the JS SDK ignores AWS_DEFAULT_REGION unless a tool reads it)');
}

function validRegions(regions: string[], env: NodeJS.ProcessEnv): string[] {
  for (const region of regions) {
    const problem = regionProblem(region);
    if (problem) throw new UsageError(`--region ${problem}`);
    if (isFipsRegion(region) && Object.keys(env).some((k) => k.startsWith('AWS_ENDPOINT_URL') && env[k])) {
      throw new UsageError(`--region ${region} asks for a FIPS endpoint, but AWS_ENDPOINT_URL* sets a custom one; the SDK supports only one of the two`);
    }
  }
  return regions;
}

export function parseModels(models: string[]): ModelRef[] {
  if (models.length === 0) throw new UsageError('--model is required (a model id, inference profile id or ARN)');
  return models.map((m) => parseModelRef(m));
}

export function validAccount(id: string | undefined, flag: string): string | undefined {
  if (id !== undefined && !/^\d{12}$/.test(id)) throw new UsageError(`${flag} "${id.slice(0, 40)}" is not a 12-digit AWS account id`);
  return id;
}

/** Every Region x model cell, once each. */
export function matrix(regions: string[], refs: ModelRef[]): PlannedTarget[] {
  const cells = new Map<string, PlannedTarget>();
  for (const region of regions) {
    for (const ref of refs) cells.set(`${region}|${ref.input}`, { region, model: ref.input, ref });
  }
  return [...cells.values()];
}

/** --only's gate ids, checked; a near miss ("iam-policy", "credentails") is named with the id meant. */
export function parseGates(ids: readonly string[]): Gate[] {
  const chosen: Gate[] = [];
  for (const raw of ids) {
    const id = raw.trim().toLowerCase();
    if (!(GATES as readonly string[]).includes(id)) {
      const near = GATES.find((g) => id.length > 1 && (g.startsWith(id) || id.startsWith(g))) ?? nearestName(id, GATES);
      throw new UsageError(`--only "${raw.slice(0, 40)}" is not a gate${near ? ` (did you mean ${near}?)` : ''}; gates: ${GATES.join(', ')}`);
    }
    if (!chosen.includes(id as Gate)) chosen.push(id as Gate);
  }
  if (chosen.length === 0) throw new UsageError(`--only needs at least one gate: ${GATES.join(', ')}`);
  return chosen;
}

export async function planCheck(input: CheckInput, env: NodeJS.ProcessEnv): Promise<Plan> {
  const only = input.only ? parseGates(input.only) : null;
  if (!Number.isFinite(input.timeoutSeconds) || input.timeoutSeconds < 1 || input.timeoutSeconds > 3600) {
    throw new UsageError('--timeout must be a number of seconds between 1 and 3600');
  }
  validAccount(input.expectAccount, '--expect-account');
  // A profile in neither shared file fails every call: said once, before any, as the AWS CLI says it.
  const profile = input.profile ?? env.AWS_PROFILE;
  const missing = profile ? await missingProfile(profile, env) : null;
  if (missing) throw new UsageError(missing);
  const options = { noInvoke: input.noInvoke, allowSubscribe: input.allowSubscribe, expectAccount: input.expectAccount, stream: input.stream };
  const timeoutMs = Math.round(input.timeoutSeconds * 1000);
  const gates = { gates: only ? withDependencies(only) : [...GATES], only };
  if (input.from !== undefined) {
    input.models.forEach((m) => parseModelRef(m));
    // The client readers (and their YAML parser) load only for --from.
    const { planClient } = await import('./client-plan.js');
    const client = await planClient(input.from, input, env);
    return { targets: client.targets, profile: client.profile, regionSource: 'client', timeoutMs, options, client: client.report, ...gates };
  }
  const refs = parseModels(input.models);
  const { regions, source } = await resolveRegions(input, env);
  const targets = matrix(regions, refs);
  return { targets, profile: input.profile, regionSource: source, timeoutMs, options, ...gates };
}

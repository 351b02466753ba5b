/** How clients pick a Region: a chain of settings and variables, first set wins, then a default. */

import type { ClientFinding, Provenance } from './types.js';

/** The Region variables clients read; each reads only some of them. */
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_REGION_NAME', 'BEDROCK_AWS_DEFAULT_REGION'] as const;

export interface RegionStep {
  from: Provenance;
  value?: string | undefined;
}

export interface ResolvedRegion {
  region: string | null;
  from: Provenance;
}

/** The first step with a value; else the default (null region: the client has none and fails). */
export function firstRegion(steps: RegionStep[], fallback: ResolvedRegion): ResolvedRegion {
  for (const step of steps) {
    const value = step.value?.trim();
    if (value) return { region: value, from: step.from };
  }
  return fallback;
}

/** A step for an environment variable as the client sees it (settings `env` blocks included). */
export function variable(env: NodeJS.ProcessEnv, name: string, file?: string): RegionStep {
  return { from: { setting: name, ...(file ? { file } : {}) }, value: env[name] };
}

/**
 * When the client ended on its default (or on nothing) while a Region variable it does not read
 * is set to another Region: the user set one, the client reads another.
 */
export function unreadRegionFinding(
  client: string,
  resolved: ResolvedRegion,
  env: NodeJS.ProcessEnv,
  reads: readonly string[],
  setting: Provenance,
): ClientFinding | null {
  if (!resolved.from.isDefault && resolved.region !== null) return null;
  const ignored = REGION_VARIABLES.filter((name) => !reads.includes(name) && env[name]?.trim() && env[name]!.trim() !== resolved.region);
  if (ignored.length === 0) return null;
  const set = ignored.map((name) => `${name}=${env[name]!.trim()}`).join(', ');
  const falls = resolved.region === null ? 'has no Region and fails' : `falls back to ${resolved.region}`;
  return {
    cause: 'client-region-variable-unset',
    setting,
    value: env[ignored[0]!]!.trim(),
    ignored: ignored[0]!,
    detail: `${client} reads its Region ${reads.length === 1 ? `only from ${reads[0]}, which is unset` : `from ${reads.join(', then ')}, none of which is set`}, so it ${falls}; ${set} ${ignored.length === 1 ? 'is' : 'are'} not read by it.`,
    ...(resolved.region === null ? { fails: true } : {}),
  };
}

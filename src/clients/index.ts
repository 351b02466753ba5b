/** The clients `check --from` reads, by name, and what every reading shares: the geography check. */

import { parseModelRef } from '../vocabulary/model-id.js';
import { profileForRegion, profileGeographyFits } from '../vocabulary/profile-geography.js';
import { CLAUDE_CODE } from './claude-code.js';
import { CONTINUE } from './continue.js';
import { GOOSE } from './goose.js';
import { LITELLM } from './litellm.js';
import { OPENCODE } from './opencode.js';
import { SDK_PRESETS } from './sdk-presets.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget } from './types.js';
import { ZED } from './zed.js';

export type { ClientFinding, ClientReading, ClientSpec, ClientTarget, Provenance, FileRead } from './types.js';

export const CLIENTS: readonly ClientSpec[] = [CLAUDE_CODE, LITELLM, OPENCODE, CONTINUE, ZED, GOOSE, ...SDK_PRESETS];

export function findClient(name: string): ClientSpec | undefined {
  return CLIENTS.find((c) => c.name === name.toLowerCase());
}

/** A profile id the client sends from a Region outside the profile's geography (`us.` from eu-west-1). */
function geographyFinding(target: ClientTarget): ClientFinding | null {
  if (!target.region) return null;
  let ref;
  try {
    ref = parseModelRef(target.model);
  } catch {
    return null;
  }
  if (ref.kind !== 'profile' || profileGeographyFits(ref.prefix, target.region) !== 'mismatch') return null;
  const suggestion = profileForRegion(ref.baseId, target.region);
  return {
    cause: 'client-profile-geography-mismatch',
    role: target.role,
    setting: target.modelFrom,
    ...(suggestion ? { value: suggestion } : {}),
    detail: `The ${target.role} ${target.model} (${target.modelFrom.setting}${target.modelFrom.file ? ` in ${target.modelFrom.file}` : ''}) is a ${ref.prefix}. profile, but the client calls ${target.region} (${target.regionFrom.setting}${target.regionFrom.file ? ` in ${target.regionFrom.file}` : ''}): ${ref.prefix}. profiles are not offered from there.`,
  };
}

/** Reads one client's configuration, and adds the findings every client shares. */
export function readClient(spec: ClientSpec, input: ClientInput): ClientReading {
  const reading = spec.read(input);
  const geography = reading.targets.map(geographyFinding).filter((f): f is ClientFinding => f !== null);
  return { ...reading, findings: [...geography, ...reading.findings] };
}

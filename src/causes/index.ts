/**
 * The catalog of causes: every cause id the doctor can report, with its gate, default status,
 * summary and fix. Gates and classifier rules refer to causes by id; the catalog holds what to
 * do, and a finding adds what it saw (its summary with the target's own ids, an exact policy).
 */

import type { Fix } from '../types.js';
import { CHECK } from './docs.js';
import { CLIENT_CAUSES } from './client.js';
import { ANY_GATE_CAUSES } from './any-gate.js';
import type { CauseParams, CauseSpec } from './cause.js';
import { CREDENTIAL_CAUSES } from './credentials.js';
import { IAM_CAUSES } from './iam.js';
import { INVOKE_CAUSES } from './invoke.js';
import { MODEL_ACCESS_CAUSES } from './model-access.js';
import { NETWORK_CAUSES } from './network.js';
import { PROVIDER_TERMS_CAUSES } from './provider-terms.js';
import { REGION_CAUSES } from './region.js';

export type { CauseHome, CauseParams, CauseSpec, ClientParams } from './cause.js';

/** Sections in gate order; a test checks that no id is in two of them. */
export const CATALOG_SECTIONS = [
  CREDENTIAL_CAUSES,
  NETWORK_CAUSES,
  REGION_CAUSES,
  MODEL_ACCESS_CAUSES,
  IAM_CAUSES,
  PROVIDER_TERMS_CAUSES,
  INVOKE_CAUSES,
  CLIENT_CAUSES,
  ANY_GATE_CAUSES,
] as const;

const ALL = {
  ...CREDENTIAL_CAUSES,
  ...NETWORK_CAUSES,
  ...REGION_CAUSES,
  ...MODEL_ACCESS_CAUSES,
  ...IAM_CAUSES,
  ...PROVIDER_TERMS_CAUSES,
  ...INVOKE_CAUSES,
  ...CLIENT_CAUSES,
  ...ANY_GATE_CAUSES,
};

/** A stable kebab-case id a ticket system can match on. */
export type CauseId = keyof typeof ALL;

export const CAUSES: Readonly<Record<CauseId, CauseSpec>> = ALL;

export const CAUSE_IDS = Object.keys(CAUSES) as CauseId[];

export function causeSpec(id: CauseId): CauseSpec {
  return CAUSES[id];
}

const PLACEHOLDERS: [string, keyof CauseParams][] = [
  ['<region>', 'region'],
  ['<model-id>', 'modelId'],
  ['<profile>', 'profile'],
];

/**
 * Fills `<region>`, `<model-id>` and `<profile>` with what is known, and the default runtime
 * host with the endpoint an override sets; unknown ones stay.
 */
function fill(text: string, params: CauseParams): string {
  let out = text;
  if (params.runtimeEndpoint) {
    const endpoint = new URL(params.runtimeEndpoint);
    out = out.split('https://bedrock-runtime.<region>.amazonaws.com').join(endpoint.origin).split('bedrock-runtime.<region>.amazonaws.com').join(endpoint.hostname);
  }
  for (const [placeholder, key] of PLACEHOLDERS) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') out = out.split(placeholder).join(value);
  }
  return out;
}

/** A fix with the placeholders filled that `params` knows (check fills the target's Region, model and profile). */
export function fillFix(fix: Fix, params: CauseParams): Fix {
  return { ...fix, text: fill(fix.text, params), ...(fix.commands ? { commands: fix.commands.map((c) => fill(c, params)) } : {}) };
}

/**
 * A cause's summary and fix for what is known: the catalog's texts, specialised by the cause's
 * own rule (a denial's resource, a host's Region), placeholders filled. Never throws: a
 * specialisation that fails leaves the catalog's text.
 */
export function describeCause(id: CauseId, params: CauseParams = {}): { summary: string; fix: Fix | null } {
  const spec = CAUSES[id];
  let summary = spec.summary;
  let fix: Fix | null = null;
  if (spec.fix) {
    const { checkHint, ...rest } = spec.fix;
    const text = checkHint && !params.inCheck ? `${rest.text} ${checkHint}` : rest.text;
    fix = { ...rest, text, commands: rest.commands ? [...rest.commands] : undefined };
  }
  if (spec.specialise) {
    try {
      const special = spec.specialise(params);
      if (special.summary) summary = special.summary;
      if (fix && special.fix) fix = { ...fix, ...special.fix };
    } catch {
      // A specialisation problem never loses the diagnosis: keep the catalog's text.
    }
  }
  if (fix) {
    fix = { ...fix, text: fill(fix.text, params) };
    // Inside a check report, "run bedrock-doctor check" is no advice.
    const commands = fix.commands?.filter((c) => !(params.inCheck && c === CHECK)).map((c) => fill(c, params));
    if (commands?.length) fix.commands = commands;
    else delete fix.commands;
  }
  return { summary, fix };
}

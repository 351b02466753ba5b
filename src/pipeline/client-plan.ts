/**
 * `check --from CLIENT[:PATH]`: the targets a client's configuration will call, each with its
 * origin and findings, plus the extra targets --model and --region add. The client's reading
 * also goes to the report (files read, assumptions, findings).
 */

import { CLIENTS, findClient, type ClientFinding, type ClientReading, type ClientTarget } from '../clients/index.js';
import { loadClient } from '../clients/load.js';
import { causeSpec, describeCause } from '../causes/index.js';
import { UsageError } from '../errors.js';
import { clientParamsOf } from './client-findings.js';
import type { PlannedTarget } from '../gates/shared/context.js';
import type { SettingOrigin } from '../types.js';
import type { ClientReport } from './result.js';
import { parseModelRef } from '../vocabulary/model-id.js';
import { regionProblem } from '../vocabulary/regions.js';

/** What the report says about the client: never a secret, only names of files, settings and variables. */
export type { ClientReport } from './result.js';

export interface ClientPlan {
  targets: PlannedTarget[];
  profile?: string;
  report: ClientReport;
}

/** `claude-code` or `litellm:/etc/litellm/config.yaml`. */
function parseFrom(from: string): { name: string; path?: string } {
  const colon = from.indexOf(':');
  const name = (colon < 0 ? from : from.slice(0, colon)).trim();
  const path = colon < 0 ? undefined : from.slice(colon + 1).trim();
  if (!findClient(name)) throw new UsageError(`--from "${name.slice(0, 40)}" is not a supported client; supported: ${CLIENTS.map((c) => c.name).join(', ')}`);
  if (path === '') throw new UsageError(`--from ${name}: the path after ":" is empty`);
  return { name, ...(path ? { path } : {}) };
}

function reportOf(reading: ClientReading): ClientReport {
  return {
    name: reading.client,
    assumptions: reading.assumptions,
    files: reading.files,
    profile: reading.profile ?? null,
    findings: reading.findings.map((f) => {
      const described = describeCause(f.cause, { client: clientParamsOf(reading.client, f), inCheck: true });
      return { cause: f.cause, status: f.fails ? 'fail' : causeSpec(f.cause).status, role: f.role ?? null, summary: described.summary, fix: described.fix?.text ?? null };
    }),
  };
}

function validRegion(region: string, what: string): string {
  const problem = regionProblem(region);
  if (problem) throw new UsageError(`${what}: ${problem}`);
  return region;
}

/** A finding belongs to the target it names, or to every target when it names none (a hidden model it cannot name stays with the client). */
function findingsFor(reading: ClientReading, role: string): ClientFinding[] {
  return reading.findings.filter((f) => (f.role ? f.role === role : f.cause !== 'client-hidden-model'));
}

/** The Region a client would fail without: checked where the user meant it (the variable the client ignores, or --region), or not at all. */
function regionOf(target: { region: string | null; regionFrom: SettingOrigin }, reading: ClientReading, flagRegions: string[]): { region: string; from: SettingOrigin } {
  const what = `${reading.client}'s Region`;
  if (target.region) return { region: validRegion(target.region, what), from: target.regionFrom };
  const unread = reading.findings.find((f) => f.cause === 'client-region-variable-unset' && f.value && f.ignored);
  if (unread) return { region: validRegion(unread.value!, what), from: { setting: `${unread.ignored} (which ${reading.client} does not read)` } };
  if (flagRegions[0]) return { region: validRegion(flagRegions[0], '--region'), from: { setting: '--region' } };
  const setting = reading.region?.from.setting ?? 'AWS_REGION';
  throw new UsageError(`${reading.client} has no Region: ${setting} is unset; set it, or pass --region`);
}

export async function planClient(from: string, input: { regions: string[]; models: string[]; stream: boolean; profile?: string }, env: NodeJS.ProcessEnv): Promise<ClientPlan> {
  const { name, path } = parseFrom(from);
  const reading = await loadClient(findClient(name)!, env, path ? { path } : {});
  if (!reading.configured) throw new UsageError(`${reading.notConfigured ?? `${name} is not configured for Bedrock`} (cause client-not-configured)`);

  const cells = new Map<string, PlannedTarget>();
  const add = (t: ClientTarget, { region, from: regionFrom }: { region: string; from: SettingOrigin }, findings: ClientFinding[]) => {
    const key = `${region}|${t.model}`;
    const known = cells.get(key);
    const stream = t.stream || input.stream;
    if (known?.origin) {
      // One cell per Region x model: a model the client uses twice is one target with both roles.
      known.origin.roles = [...new Set([...known.origin.roles, t.role])];
      known.origin.stream ||= stream;
      known.stream ||= stream;
      known.clientFindings = [...(known.clientFindings ?? []), ...findings];
      return;
    }
    let ref;
    try {
      ref = parseModelRef(t.model);
    } catch (error) {
      throw new UsageError(`${name}: the ${t.role} "${t.model.slice(0, 80)}" (${t.modelFrom.setting}${t.modelFrom.file ? ` in ${t.modelFrom.file}` : ''}) is not a model id, inference profile id or ARN`);
    }
    cells.set(key, {
      region,
      model: t.model,
      ref,
      stream,
      clientFindings: findings,
      origin: { client: name, roles: [t.role], model: t.modelFrom, region: regionFrom, api: t.api, stream },
    });
  };

  for (const t of reading.targets) add(t, regionOf(t, reading, input.regions), findingsFor(reading, t.role));
  // --region: the client's models in those Regions too.
  const flagged = input.regions.map((r) => ({ region: validRegion(r, '--region'), from: { setting: '--region' } }));
  for (const cell of flagged) {
    for (const t of reading.targets) add({ ...t, role: `${t.role} (--region)` }, cell, []);
  }
  // --model: extra models, in the --region Regions, else where the client calls its own.
  const home = reading.region ?? (reading.targets[0] ? { region: reading.targets[0].region, from: reading.targets[0].regionFrom } : { region: null, from: { setting: 'AWS_REGION' } });
  const extraRegions = flagged.length > 0 ? flagged : [regionOf({ region: home.region, regionFrom: home.from }, reading, [])];
  for (const model of input.models) {
    for (const cell of extraRegions) {
      const api = reading.targets[0]?.api ?? 'converse';
      const stream = reading.targets[0]?.stream ?? input.stream;
      add({ role: '--model', model, modelFrom: { setting: '--model' }, region: cell.region, regionFrom: cell.from, api, stream }, cell, reading.findings.filter((f) => !f.role && f.cause !== 'client-hidden-model'));
    }
  }
  if (cells.size === 0) throw new UsageError(`${name} names no model the doctor can check: pass the models it will use with --model`);
  const profile = input.profile ?? reading.profile?.name;
  // A credentials fix names the client's profile setting, unless --profile replaced it.
  if (!input.profile && reading.profile) for (const cell of cells.values()) cell.clientProfile = reading.profile;
  return { targets: [...cells.values()], ...(profile ? { profile } : {}), report: reportOf(reading) };
}

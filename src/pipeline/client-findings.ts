/**
 * What a client's configuration adds to a target's reconciled results (`check --from`): a
 * client finding that explains a failure takes over its gate when that gate failed (the fix then
 * names the client's setting), fails it when the client cannot even make the call, and turns a pass
 * into a warning when the configuration works only by luck. A prediction the checks contradict
 * (a profile AWS does offer after all) leaves the gate as AWS answered.
 */

import { causeSpec, describeCause, type CauseId } from '../causes/index.js';
import { whereSet } from '../causes/client.js';
import type { GateResult, PlannedTarget } from '../gates/shared/context.js';
import type { Gate } from '../types.js';
import type { ClientFinding } from '../clients/index.js';

/** Region findings about the model id itself: the client's model setting is what to change. */
const MODEL_ID_CAUSES = new Set<CauseId>(['inference-profile-required', 'profile-not-in-region', 'model-not-in-region', 'invalid-model-identifier', 'arn-region-mismatch', 'resource-not-found']);

export function applyClientFindings(results: Map<Gate, GateResult>, target: PlannedTarget): Map<Gate, GateResult> {
  const origin = target.origin;
  if (!origin) return results;
  const out = new Map(results);
  for (const f of target.clientFindings ?? []) {
    const home = causeSpec(f.cause).gate;
    if (home === 'any' || home === 'unknown') continue;
    const current = out.get(home);
    if (!current) continue;
    const alternatives = current.evidence.details?.alternatives;
    const valueListed = Array.isArray(alternatives) && f.value !== undefined && alternatives.includes(f.value);
    const { summary, fix } = describeCause(f.cause, { client: { ...clientParamsOf(origin.client, f), valueListed }, region: target.region, inCheck: true });
    const explainsFailure = f.fails || causeSpec(f.cause).status === 'fail';
    if (current.status === 'fail' && explainsFailure) {
      out.set(home, { ...current, cause: f.cause, summary: `${summary} (${current.summary})`, fix });
    } else if (f.fails) {
      out.set(home, { ...current, status: 'fail', cause: f.cause, summary, fix });
    } else if (causeSpec(f.cause).status === 'warn' && current.status === 'pass') {
      out.set(home, { ...current, status: 'warn', cause: f.cause, summary: `${summary} (${current.summary})`, fix });
    }
  }
  const credentials = out.get('credentials');
  if (credentials?.status === 'fail' && credentials.fix && target.clientProfile) {
    const { name, from } = target.clientProfile;
    const where = whereSet({ name: origin.client, setting: from.setting, ...(from.file ? { file: from.file } : {}) });
    out.set('credentials', { ...credentials, fix: { ...credentials.fix, text: `${credentials.fix.text} ${origin.client} uses the profile "${name}"${from.isDefault ? ' by default' : ''} (${where}).` } });
  }
  const region = out.get('region');
  if (region?.status === 'fail' && region.cause && MODEL_ID_CAUSES.has(region.cause) && region.fix) {
    const where = origin.model.setting.startsWith('--') ? null : whereSet({ name: origin.client, setting: origin.model.setting, ...(origin.model.file ? { file: origin.model.file } : {}) });
    if (where) out.set('region', { ...region, fix: { ...region.fix, text: `${region.fix.text} ${origin.client} takes this model from ${where}: change it there.` } });
  }
  return out;
}

/** The client fields of a cause's text: which client, which setting, where it is set. */
export function clientParamsOf(name: string, f: ClientFinding) {
  return { name, setting: f.setting.setting, ...(f.setting.file ? { file: f.setting.file } : {}), ...(f.value ? { value: f.value } : {}), detail: f.detail };
}

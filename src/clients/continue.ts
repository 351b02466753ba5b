/**
 * Continue: models with `provider: bedrock` in ~/.continue/config.yaml (config.json is the
 * deprecated form). Its credentials come from the shared AWS files only, with the profile
 * `bedrock` unless one is named. Sources: continue docs model-providers/bedrock and
 * core/llm/llms/Bedrock.ts (@0108be5e, @6a64f702).
 */

import { isObject, parseJsonc, parseYaml, readAll, str } from './json-file.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget, FileRead, Provenance } from './types.js';

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_PROFILE = 'bedrock';
/** Roles Continue serves with ConverseStream; embed and rerank use InvokeModel without streaming. */
const INVOKE_ROLES = new Set(['embed', 'rerank']);

function files(_env: NodeJS.ProcessEnv, path?: string): string[] {
  return path ? [path] : ['~/.continue/config.yaml', '~/.continue/config.json'];
}

interface ModelEntry {
  name: string;
  model: string;
  region?: string;
  profile?: string;
  keys: boolean;
  roles: string[];
  file: string;
  /** Where region and profile are written: `env.` in YAML, top level in JSON. */
  prefix: string;
}

function entries(path: string, config: Record<string, unknown>): ModelEntry[] {
  const list = Array.isArray(config.models) ? config.models.filter(isObject) : [];
  const yaml = !path.endsWith('.json');
  return list
    .filter((m) => str(m.provider) === 'bedrock')
    .map((m) => {
      const env = yaml && isObject(m.env) ? m.env : m;
      return {
        name: str(m.name) ?? str(m.title) ?? str(m.model) ?? 'bedrock',
        model: str(m.model) ?? 'anthropic.claude-3-sonnet-20240229-v1:0',
        region: str(env.region),
        profile: str(env.profile),
        keys: Boolean(str(env.accessKeyId) || str(env.secretAccessKey)),
        roles: Array.isArray(m.roles) ? m.roles.filter((r): r is string => typeof r === 'string') : ['chat'],
        file: path,
        prefix: yaml ? 'env.' : '',
      };
    });
}

export function readContinue(input: ClientInput): ClientReading {
  const order = files(input.env, input.path);
  const reads: FileRead[] = [];
  const parsed = new Map<string, Record<string, unknown>>();
  for (const path of order) {
    const result = readAll([path], input.files, path.endsWith('.json') ? parseJsonc : parseYaml);
    reads.push(...result.reads);
    for (const [k, v] of result.parsed) parsed.set(k, v);
  }
  const assumptions = [
    `Continue as of Bedrock.ts: the Region is env.region or ${DEFAULT_REGION}; credentials come from ~/.aws only (fromIni: no AWS_ACCESS_KEY_ID, no instance role), with the profile "${DEFAULT_PROFILE}" unless env.profile names one, falling back to the default profile.`,
    'Chat models use ConverseStream (bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream); embed and rerank models use InvokeModel.',
  ];
  const base = { client: 'continue', assumptions, files: reads, targets: [], findings: [] };
  // config.yaml wins when both exist: Continue reads config.json only without it.
  const source = order.find((p) => parsed.has(p));
  const models = source ? entries(source, parsed.get(source)!) : [];
  if (models.length === 0) {
    return { ...base, configured: false, notConfigured: `continue is not configured for Bedrock: no model with provider: bedrock in ${source ?? order.join(' or ')}${source ? '' : ' (not found)'}` };
  }
  const targets: ClientTarget[] = [];
  const findings: ClientFinding[] = [];
  let profile: { name: string; from: Provenance } | undefined;
  for (const m of models) {
    const role = `models: ${m.name}`;
    const regionFrom: Provenance = m.region ? { setting: `${m.prefix}region of "${m.name}"`, file: m.file } : { setting: `${m.prefix}region of "${m.name}"`, file: m.file, isDefault: true };
    targets.push({
      role,
      model: m.model,
      modelFrom: { setting: `model of "${m.name}"`, file: m.file },
      region: m.region ?? DEFAULT_REGION,
      regionFrom,
      api: m.roles.some((r) => INVOKE_ROLES.has(r)) ? 'invoke' : 'converse',
      stream: !m.roles.every((r) => INVOKE_ROLES.has(r)),
    });
    const setting: Provenance = { setting: `${m.prefix}profile of "${m.name}"`, file: m.file };
    let name = m.profile ?? DEFAULT_PROFILE;
    if (!m.profile && !(DEFAULT_PROFILE in input.awsProfiles)) {
      // Continue warns and falls back to the default profile (AWS_PROFILE, else `default`).
      const fallback = input.env.AWS_PROFILE?.trim() || 'default';
      const exists = fallback in input.awsProfiles;
      findings.push({
        cause: 'client-default-profile-name',
        role,
        setting,
        value: exists ? fallback : undefined,
        detail: `"${m.name}" names no profile, so Continue looks for the profile "${DEFAULT_PROFILE}", which ~/.aws does not define; it falls back to ${exists ? `"${fallback}"` : `"${fallback}", which is not defined either`}.`,
      });
      name = fallback;
    }
    if (m.keys) findings.push({ cause: 'client-credentials-not-applied', role, setting: { setting: `${m.prefix}accessKeyId of "${m.name}"`, file: m.file }, detail: `"${m.name}" holds access keys in ${m.file}; the check ran with the profile "${name}" instead.` });
    profile ??= { name, from: m.profile ? setting : { ...setting, isDefault: true } };
  }
  return { ...base, configured: true, targets, findings, ...(profile ? { profile } : {}) };
}

export const CONTINUE: ClientSpec = {
  name: 'continue',
  title: 'Continue (~/.continue/config.yaml)',
  kind: 'app',
  files,
  read: readContinue,
};

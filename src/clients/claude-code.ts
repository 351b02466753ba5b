/**
 * Claude Code: the `env` blocks of its settings files over the shell, CLAUDE_CODE_USE_BEDROCK,
 * the main model and the small/fast model, its Region rules, and the Invoke API with streaming.
 * Sources: code.claude.com/docs/en/amazon-bedrock and /settings; docs/clients.md has the rest.
 */

import { isObject, parseJsonc, readAll, str } from './json-file.js';
import { firstRegion, variable } from './region.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget, Provenance } from './types.js';

/** The primary model of the current documentation ("Pin model versions"); older versions differ. */
const DEFAULT_MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const DEFAULT_REGION = 'us-east-1';
const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

const MANAGED: Record<string, string> = {
  linux: '/etc/claude-code/managed-settings.json',
  darwin: '/Library/Application Support/ClaudeCode/managed-settings.json',
  win32: 'C:\\Program Files\\ClaudeCode\\managed-settings.json',
};

function userSettings(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR ? `${env.CLAUDE_CONFIG_DIR.replace(/\/$/, '')}/settings.json` : '~/.claude/settings.json';
}

/** Lowest precedence first: user, project, local, --settings (PATH), managed. */
function settingsFiles(env: NodeJS.ProcessEnv, path?: string): string[] {
  const managed = MANAGED[process.platform];
  return [userSettings(env), '.claude/settings.json', '.claude/settings.local.json', ...(path ? [path] : []), ...(managed ? [managed] : [])];
}

/** Each variable with the file whose `env` block set it last; the shell is underneath. */
function mergedEnv(order: string[], parsed: Map<string, Record<string, unknown>>, shell: NodeJS.ProcessEnv) {
  const env: NodeJS.ProcessEnv = { ...shell };
  const origin = new Map<string, string>();
  for (const path of order) {
    const block = parsed.get(path)?.env;
    if (!isObject(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      env[key] = String(value);
      origin.set(key, path);
    }
  }
  const from = (setting: string): Provenance => ({ setting, ...(origin.has(setting) ? { file: origin.get(setting)! } : {}) });
  return { env, from, origin };
}

/** `sonnet[1m]` and `opus` are aliases the pins resolve; the `[1m]` suffix is not part of the id. */
function resolveAlias(value: string, env: NodeJS.ProcessEnv): { model: string | null; via?: string } {
  const bare = value.replace(/\[1m\]$/i, '');
  const alias = bare.toLowerCase();
  if (alias === 'sonnet' || alias === 'default') return { model: env.ANTHROPIC_DEFAULT_SONNET_MODEL ?? DEFAULT_MODEL, via: 'ANTHROPIC_DEFAULT_SONNET_MODEL' };
  if (alias === 'opus' || alias === 'opusplan') return { model: env.ANTHROPIC_DEFAULT_OPUS_MODEL ?? null, via: 'ANTHROPIC_DEFAULT_OPUS_MODEL' };
  if (alias === 'haiku') return { model: env.ANTHROPIC_DEFAULT_HAIKU_MODEL ?? null, via: 'ANTHROPIC_DEFAULT_HAIKU_MODEL' };
  return { model: bare };
}

export function readClaudeCode(input: ClientInput): ClientReading {
  const order = settingsFiles(input.env, input.path);
  const { reads, parsed } = readAll(order, input.files, parseJsonc);
  const { env, from } = mergedEnv(order, parsed, input.env);
  const assumptions = [
    'Claude Code as of v2.1.172+: a settings file\'s `env` block wins over the shell (observed, not documented); the Region comes from AWS_REGION, else the profile in ~/.aws (v2.1.172+; older versions never read ~/.aws), else AWS_DEFAULT_REGION and us-east-1 (unverified fallbacks).',
    `Unpinned, the main model is ${DEFAULT_MODEL} and the small/fast model is the main model (current documentation; older versions used us.anthropic.claude-3-5-haiku-20241022-v1:0 for it).`,
    'Claude Code calls the Invoke API with streaming (bedrock:InvokeModelWithResponseStream, falling back to bedrock:InvokeModel); the doctor proves the call with Converse, which needs the same bedrock:InvokeModel.',
  ];
  const base = { client: 'claude-code', assumptions, files: reads, targets: [], findings: [] };
  const useBedrock = env.CLAUDE_CODE_USE_BEDROCK?.trim().toLowerCase();
  if (!useBedrock || !TRUTHY.has(useBedrock)) {
    const where = from('CLAUDE_CODE_USE_BEDROCK').file;
    const mantle = TRUTHY.has(env.CLAUDE_CODE_USE_MANTLE?.trim().toLowerCase() ?? '') ? ' (CLAUDE_CODE_USE_MANTLE routes it to the Bedrock Mantle endpoint, which this check does not cover)' : '';
    return {
      ...base,
      configured: false,
      notConfigured: useBedrock
        ? `claude-code is not configured for Bedrock: CLAUDE_CODE_USE_BEDROCK is "${env.CLAUDE_CODE_USE_BEDROCK}"${where ? ` in ${where}` : ' in the shell'}${mantle}`
        : `claude-code is not configured for Bedrock: CLAUDE_CODE_USE_BEDROCK is not set in the shell or in the env block of any settings file (${order.filter((p) => parsed.has(p)).join(', ') || 'none found'})${mantle}`,
    };
  }

  const findings: ClientFinding[] = [];
  const settingsFile = userSettings(input.env);
  const profileName = env.AWS_PROFILE?.trim();
  const profileRegion = input.awsProfiles[profileName ?? 'default']?.region;
  const region = firstRegion(
    [variable(env, 'AWS_REGION', from('AWS_REGION').file), { from: { setting: `region of profile ${profileName ?? 'default'}`, file: '~/.aws/config' }, value: profileRegion }, variable(env, 'AWS_DEFAULT_REGION', from('AWS_DEFAULT_REGION').file)],
    { region: DEFAULT_REGION, from: { setting: 'AWS_REGION', isDefault: true } },
  );
  if (!env.AWS_REGION?.trim()) {
    findings.push({
      cause: 'client-region-variable-unset',
      setting: { setting: 'AWS_REGION', file: settingsFile },
      value: region.region ?? undefined,
      detail: `Claude Code documents AWS_REGION as required, and it is unset: the Region is ${region.region} from ${region.from.isDefault ? 'an unverified default' : `${region.from.setting}${region.from.file ? ` in ${region.from.file}` : ''}`}, which only some versions read.`,
    });
  }

  // The main model: ANTHROPIC_MODEL, then the `model` setting of the highest scope, then the default.
  const modelSetting = [...order].reverse().map((path) => ({ path, value: str(parsed.get(path)?.model) })).find((m) => m.value);
  const mainFrom: Provenance = env.ANTHROPIC_MODEL?.trim()
    ? from('ANTHROPIC_MODEL')
    : modelSetting
      ? { setting: 'model', file: modelSetting.path }
      : { setting: 'ANTHROPIC_MODEL', file: settingsFile, isDefault: true };
  const mainValue = env.ANTHROPIC_MODEL?.trim() || modelSetting?.value || DEFAULT_MODEL;
  const main = resolveAlias(mainValue, env);
  const targets: ClientTarget[] = [];
  const common = { region: region.region, regionFrom: region.from, api: 'invoke' as const, stream: true };
  if (main.model) {
    targets.push({ role: 'main model', model: main.model, modelFrom: main.via && main.model !== mainValue ? { ...from(main.via), setting: main.via } : mainFrom, ...common });
  } else {
    assumptions.push(`The main model is the alias "${mainValue}" with no ${main.via} pin: its Bedrock id depends on the version, so it is not checked (pass it with --model).`);
  }

  // The small/fast model: the Haiku pin, the deprecated variable, else the main model.
  const pin = env.ANTHROPIC_DEFAULT_HAIKU_MODEL?.trim() ? 'ANTHROPIC_DEFAULT_HAIKU_MODEL' : env.ANTHROPIC_SMALL_FAST_MODEL?.trim() ? 'ANTHROPIC_SMALL_FAST_MODEL' : null;
  if (pin) {
    const small = env[pin]!.trim().replace(/\[1m\]$/i, '');
    const smallRegion = env.ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION?.trim();
    targets.push({
      role: 'small/fast model',
      model: small,
      modelFrom: from(pin),
      ...common,
      ...(smallRegion ? { region: smallRegion, regionFrom: from('ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION') } : {}),
      hidden: true,
    });
    if (small !== main.model) {
      findings.push({
        cause: 'client-hidden-model',
        role: 'small/fast model',
        setting: from(pin),
        value: small,
        detail: `Claude Code also calls ${small} (${pin}) as its small/fast model for background tasks, besides the main model ${main.model ?? mainValue}.`,
      });
    }
  }
  const subagent = env.CLAUDE_CODE_SUBAGENT_MODEL?.trim();
  if (subagent) {
    const resolved = resolveAlias(subagent, env).model;
    if (resolved) targets.push({ role: 'subagent model', model: resolved, modelFrom: from('CLAUDE_CODE_SUBAGENT_MODEL'), ...common });
  }

  for (const secret of ['AWS_ACCESS_KEY_ID', 'AWS_BEARER_TOKEN_BEDROCK']) {
    const file = from(secret).file;
    if (file && env[secret] !== input.env[secret]) {
      findings.push({
        cause: 'client-credentials-not-applied',
        setting: { setting: secret, file },
        detail: `${file} sets ${secret} in its env block for Claude Code; the check ran with the credentials of the environment instead.`,
      });
    }
  }
  if (env.CLAUDE_CODE_SKIP_BEDROCK_AUTH || env.ANTHROPIC_BEDROCK_BASE_URL) {
    assumptions.push('CLAUDE_CODE_SKIP_BEDROCK_AUTH or ANTHROPIC_BEDROCK_BASE_URL is set: Claude Code goes through a gateway whose identity the doctor cannot see; it checks Bedrock directly.');
  }
  return {
    ...base,
    configured: true,
    targets,
    findings,
    region: { region: region.region, from: region.from },
    ...(profileName ? { profile: { name: profileName, from: from('AWS_PROFILE') } } : {}),
  };
}

export const CLAUDE_CODE: ClientSpec = {
  name: 'claude-code',
  title: 'Claude Code (settings files and the shell)',
  kind: 'app',
  files: settingsFiles,
  read: readClaudeCode,
};

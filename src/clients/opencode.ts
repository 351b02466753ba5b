/**
 * opencode: `provider["amazon-bedrock"]` in opencode.json (project over global), the model as
 * `amazon-bedrock/<id>`, and the prefix opencode adds for the Region. Sources: opencode's
 * providers documentation and packages/opencode/src/provider/provider.ts (@f03db5b5).
 */

import { isObject, parseJsonc, readAll, str } from './json-file.js';
import { firstRegion, unreadRegionFinding, variable } from './region.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget, Provenance } from './types.js';

const PROVIDER = 'amazon-bedrock';
const DEFAULT_REGION = 'us-east-1';
const AUTH_FILE = '~/.local/share/opencode/auth.json';

function globalConfig(env: NodeJS.ProcessEnv, ext = 'json'): string {
  return `${env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME.replace(/\/$/, '') : '~/.config'}/opencode/opencode.${ext}`;
}

/** Lowest precedence first: global (.jsonc, .json), OPENCODE_CONFIG or PATH, project; then the stored auth. */
function files(env: NodeJS.ProcessEnv, path?: string): string[] {
  const custom = path ?? env.OPENCODE_CONFIG;
  return [globalConfig(env, 'jsonc'), globalConfig(env), ...(custom ? [custom] : []), 'opencode.jsonc', 'opencode.json', AUTH_FILE];
}

/** The id opencode sends: ids already prefixed go as they are; others get the Region's prefix for the families it knows. */
function opencodeModelId(id: string, region: string): string {
  if (/^(global|us|eu|jp|apac|au)\./.test(id) || id.startsWith('arn:')) return id;
  if (/^us-(east|west)-/.test(region) && /^(anthropic\.claude|amazon\.nova|deepseek\.)/.test(id)) return `us.${id}`;
  if (/^eu-/.test(region) && /^(anthropic\.claude|amazon\.nova-(lite|micro)|meta\.llama3|mistral\.pixtral)/.test(id)) return `eu.${id}`;
  if (/^ap-southeast-(2|4)$/.test(region) && /^anthropic\.claude-(sonnet-4-5|haiku)/.test(id)) return `au.${id}`;
  if (region === 'ap-northeast-1' && /^anthropic\.claude/.test(id)) return `jp.${id}`;
  if (/^ap-/.test(region) && /^(anthropic\.claude|amazon\.nova)/.test(id)) return `apac.${id}`;
  return id;
}

export function readOpencode(input: ClientInput): ClientReading {
  const order = files(input.env, input.path);
  const configs = order.filter((p) => p !== AUTH_FILE);
  const { reads, parsed } = readAll(order, input.files, parseJsonc);
  const assumptions = [
    `opencode as of provider.ts @f03db5b5: the Region is options.region, then AWS_REGION, then ${DEFAULT_REGION} (AWS_DEFAULT_REGION and the profile's Region are not read); an API key (AWS_BEARER_TOKEN_BEDROCK or /connect) wins over every AWS credential.`,
    'opencode calls ConverseStream through the AI SDK: bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream.',
  ];
  const base = { client: 'opencode', assumptions, files: reads, targets: [], findings: [] };
  // Later files win, key by key.
  let options: Record<string, unknown> = {};
  const optionFrom = new Map<string, string>();
  let model: { value: string; file: string; key: string } | undefined;
  let small: { value: string; file: string } | undefined;
  let hasProvider = false;
  for (const path of configs) {
    const config = parsed.get(path);
    if (!config) continue;
    const provider = isObject(config.provider) ? config.provider[PROVIDER] : undefined;
    if (isObject(provider)) {
      hasProvider = true;
      if (isObject(provider.options)) {
        options = { ...options, ...provider.options };
        for (const key of Object.keys(provider.options)) optionFrom.set(key, path);
      }
    }
    const m = str(config.model);
    if (m?.startsWith(`${PROVIDER}/`)) model = { value: m.slice(PROVIDER.length + 1), file: path, key: 'model' };
    const s = str(config.small_model);
    if (s?.startsWith(`${PROVIDER}/`)) small = { value: s.slice(PROVIDER.length + 1), file: path };
  }
  const auth = parsed.get(AUTH_FILE);
  const storedKey = isObject(auth?.[PROVIDER]);
  const env = input.env;
  const profile = str(options.profile) ?? env.AWS_PROFILE?.trim();
  // opencode loads the provider only when it is declared or the environment offers credentials.
  const autoload = hasProvider || Boolean(profile || env.AWS_ACCESS_KEY_ID || env.AWS_BEARER_TOKEN_BEDROCK || storedKey || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  if (!autoload || (!model && !hasProvider)) {
    return {
      ...base,
      configured: false,
      notConfigured: `opencode is not configured for Bedrock: no provider["${PROVIDER}"] block and no "${PROVIDER}/…" model in ${configs.join(', ')}${autoload ? '' : ', and no AWS credentials in the environment for it to load the provider'}`,
    };
  }

  const regionFile = optionFrom.get('region');
  const region = firstRegion(
    [{ from: { setting: `provider["${PROVIDER}"].options.region`, file: regionFile ?? 'opencode.json' }, value: str(options.region) }, variable(env, 'AWS_REGION')],
    { region: DEFAULT_REGION, from: { setting: `provider["${PROVIDER}"].options.region`, file: regionFile ?? globalConfig(input.env), isDefault: true } },
  );
  const findings: ClientFinding[] = [];
  const unread = unreadRegionFinding('opencode', region, env, [`options.region`, 'AWS_REGION'], { setting: `provider["${PROVIDER}"].options.region`, file: regionFile ?? globalConfig(input.env) });
  if (unread) findings.push(unread);

  const targets: ClientTarget[] = [];
  const common = { region: region.region, regionFrom: region.from, api: 'converse' as const, stream: true };
  if (model && region.region) targets.push({ role: 'model', model: opencodeModelId(model.value, region.region), modelFrom: { setting: 'model', file: model.file }, ...common });
  if (small && region.region) {
    targets.push({ role: 'small model', model: opencodeModelId(small.value, region.region), modelFrom: { setting: 'small_model', file: small.file }, ...common, hidden: true });
    findings.push({ cause: 'client-hidden-model', role: 'small model', setting: { setting: 'small_model', file: small.file }, value: small.value, detail: `opencode also calls ${small.value} (small_model) for titles and summaries, besides its main model.` });
  } else if (model) {
    findings.push({
      cause: 'client-hidden-model',
      setting: { setting: 'small_model', file: model.file },
      detail: 'opencode picks a small model of the same provider by itself for titles and summaries (small_model is not set); which one depends on its version, so it is not checked.',
    });
  }
  if (!model) assumptions.push('No "model": "amazon-bedrock/…" is set: pass the models opencode will use with --model.');
  if (storedKey) assumptions.push(`${AUTH_FILE} holds a Bedrock API key for opencode (never printed): opencode uses it instead of AWS credentials.`);
  if (storedKey && !env.AWS_BEARER_TOKEN_BEDROCK) {
    findings.push({ cause: 'client-credentials-not-applied', setting: { setting: PROVIDER, file: AUTH_FILE }, detail: `${AUTH_FILE} holds the API key opencode authenticates with; the check ran with the credentials of the environment instead.` });
  }
  const profileFrom: Provenance = str(options.profile) ? { setting: `provider["${PROVIDER}"].options.profile`, file: optionFrom.get('profile')! } : { setting: 'AWS_PROFILE' };
  return { ...base, configured: true, targets, findings, region: { region: region.region, from: region.from }, ...(profile ? { profile: { name: profile, from: profileFrom } } : {}) };
}

export const OPENCODE: ClientSpec = {
  name: 'opencode',
  title: 'opencode (opencode.json and its stored auth)',
  kind: 'app',
  files,
  read: readOpencode,
};

/**
 * Zed: `language_models.bedrock` and `agent.default_model` in its settings.json (JSON with
 * comments). Zed sets the Region on its SDK client itself, so the AWS Region variables are not
 * read. Sources: zed crates/settings_content/src/language_model.rs (@78ac19f4),
 * crates/language_models/src/provider/bedrock.rs, docs/src/ai/llm-providers.md.
 */

import { profileForRegion } from '../vocabulary/profile-geography.js';
import { isObject, parseJsonc, readAll, str } from './json-file.js';
import { firstRegion, unreadRegionFinding } from './region.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget, Provenance } from './types.js';

const DEFAULT_REGION = 'us-east-1';
const PROVIDER = 'amazon-bedrock';

function files(env: NodeJS.ProcessEnv, path?: string): string[] {
  return [path ?? `${env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME.replace(/\/$/, '') : '~/.config'}/zed/settings.json`];
}

/** Zed adds the cross-Region prefix of the Region's geography (global. when allowed) to the base ids it knows. */
function zedModelId(id: string, region: string, allowGlobal: boolean): string {
  if (/^(global|us|eu|apac|jp|au|us-gov)\./.test(id) || id.startsWith('arn:') || !/^anthropic\.claude/.test(id)) return id;
  if (allowGlobal) return `global.${id}`;
  return profileForRegion(id, region) ?? id;
}

export function readZed(input: ClientInput): ClientReading {
  const path = files(input.env, input.path)[0]!;
  const { reads, parsed } = readAll([path], input.files, parseJsonc);
  const assumptions = [
    `Zed as of bedrock.rs: the Region is the Region stored with keychain credentials (not readable here), then language_models.bedrock.region, then ${DEFAULT_REGION}; AWS_REGION and the profile's Region are not read.`,
    'Zed calls ConverseStream (bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream) and adds the cross-Region prefix of the Region to the Claude ids it knows (approximated here by geography).',
  ];
  const base = { client: 'zed', assumptions, files: reads, targets: [], findings: [] };
  const settings = parsed.get(path);
  const bedrock = isObject(settings?.language_models) && isObject(settings.language_models.bedrock) ? settings.language_models.bedrock : undefined;
  const agent = isObject(settings?.agent) && isObject(settings.agent.default_model) ? settings.agent.default_model : undefined;
  const usesBedrock = str(agent?.provider) === PROVIDER;
  if (!bedrock && !usesBedrock) {
    const why = !reads[0]!.found ? `${path} was not found` : reads[0]!.problem ? `${path} is ${reads[0]!.problem}` : `${path} has no language_models.bedrock and agent.default_model.provider is not "${PROVIDER}"`;
    return { ...base, configured: false, notConfigured: `zed is not configured for Bedrock: ${why}` };
  }
  const settingsOf = bedrock ?? {};
  const regionSetting: Provenance = { setting: 'language_models.bedrock.region', file: path };
  const region = firstRegion([{ from: regionSetting, value: str(settingsOf.region) }], { region: DEFAULT_REGION, from: { ...regionSetting, isDefault: true } });
  const findings: ClientFinding[] = [];
  const unread = unreadRegionFinding('Zed', region, input.env, ['language_models.bedrock.region'], regionSetting);
  if (unread) findings.push(unread);

  const allowGlobal = settingsOf.allow_global === true;
  const targets: ClientTarget[] = [];
  const common = { region: region.region, regionFrom: region.from, api: 'converse' as const, stream: true };
  const defaultModel = usesBedrock ? str(agent?.model) : undefined;
  if (defaultModel) {
    if (/^[a-z0-9-]+\.[\w.:-]+$/.test(defaultModel) || defaultModel.startsWith('arn:')) {
      targets.push({ role: 'agent default model', model: zedModelId(defaultModel, region.region!, allowGlobal), modelFrom: { setting: 'agent.default_model.model', file: path }, ...common });
    } else {
      assumptions.push(`agent.default_model.model is Zed's own name "${defaultModel}": its Bedrock id comes from Zed's built-in table, so it is not checked (pass it with --model).`);
    }
  }
  const available = Array.isArray(settingsOf.available_models) ? settingsOf.available_models.filter(isObject) : [];
  for (const m of available) {
    const name = str(m.name);
    if (name && name !== defaultModel) targets.push({ role: `available_models: ${str(m.display_name) ?? name}`, model: zedModelId(name, region.region!, allowGlobal), modelFrom: { setting: 'language_models.bedrock.available_models[].name', file: path }, ...common });
  }
  const method = str(settingsOf.authentication_method) ?? 'default';
  const profileSetting: Provenance = { setting: 'language_models.bedrock.profile', file: path };
  if (method === 'api_key') {
    findings.push({ cause: 'client-credentials-not-applied', setting: { setting: 'language_models.bedrock.authentication_method', file: path }, detail: 'Zed authenticates with an API key kept in the OS keychain (not readable here); the check ran with the credentials of the environment instead.' });
  }
  const named = method === 'named_profile' || method === 'sso';
  const profileName = str(settingsOf.profile) ?? 'default';
  if (named && !str(settingsOf.profile) && input.env.AWS_PROFILE?.trim() && input.env.AWS_PROFILE.trim() !== 'default') {
    findings.push({ cause: 'client-default-profile-name', setting: profileSetting, value: input.env.AWS_PROFILE.trim(), detail: `Zed uses the profile "default" (language_models.bedrock.profile is not set), not AWS_PROFILE=${input.env.AWS_PROFILE.trim()}.` });
  }
  return {
    ...base,
    configured: true,
    targets,
    findings,
    region: { region: region.region, from: region.from },
    ...(named ? { profile: { name: profileName, from: str(settingsOf.profile) ? profileSetting : { ...profileSetting, isDefault: true } } } : {}),
  };
}

export const ZED: ClientSpec = {
  name: 'zed',
  title: 'Zed (language_models.bedrock in settings.json)',
  kind: 'app',
  files,
  read: readZed,
};

/**
 * LiteLLM proxy: `model_list[].litellm_params` in its config.yaml. Region and credentials are
 * resolved per model, as LiteLLM's base_aws_llm.py does; the route prefix picks the API.
 * Sources: docs.litellm.ai providers/bedrock, BerriAI/litellm litellm/llms/bedrock/*.py.
 */

import { isObject, parseYaml, readAll, str } from './json-file.js';
import { firstRegion, unreadRegionFinding, variable } from './region.js';
import type { ClientApi, ClientFinding, ClientInput, ClientReading, ClientSpec, ClientTarget, Provenance } from './types.js';

const DEFAULT_REGION = 'us-west-2';
/** Routes that do not call bedrock-runtime's Converse or Invoke with a model id. */
const OTHER_ROUTES = ['converse_like/', 'agent/', 'agentcore/', 'async_invoke/', 'openai/', 'mantle/'];
/** Base models LiteLLM sends to Converse without an explicit route (its bedrock_converse_models, by family). */
const CONVERSE_FAMILIES = /^(anthropic\.claude-(3|sonnet|opus|haiku)|amazon\.nova|meta\.llama3|mistral\.|cohere\.command-r|ai21\.jamba|deepseek\.|openai\.|qwen\.)/;

function files(_env: NodeJS.ProcessEnv, path?: string): string[] {
  return [path ?? 'config.yaml'];
}

/** `os.environ/NAME` is resolved when LiteLLM loads the config. */
function expand(value: unknown, env: NodeJS.ProcessEnv): { value?: string; fromEnv?: string } {
  const text = str(value);
  if (!text) return {};
  const ref = /^os\.environ\/(\w+)$/.exec(text);
  return ref ? { value: env[ref[1]!]?.trim() || undefined, fromEnv: ref[1]! } : { value: text };
}

function route(model: string): { api: ClientApi | null; id: string } {
  const rest = model.slice('bedrock/'.length);
  if (rest.startsWith('converse/')) return { api: 'converse', id: rest.slice('converse/'.length) };
  if (rest.startsWith('invoke/')) return { api: 'invoke', id: rest.slice('invoke/'.length) };
  if (rest.startsWith('nova/') || rest.startsWith('nova-2/')) return { api: 'converse', id: rest.slice(rest.indexOf('/') + 1) };
  if (OTHER_ROUTES.some((r) => rest.startsWith(r))) return { api: null, id: rest };
  const base = rest.replace(/^(global|us|eu|apac|jp|au|us-gov)\./, '');
  return { api: CONVERSE_FAMILIES.test(base) ? 'converse' : 'invoke', id: rest };
}

export function readLitellm(input: ClientInput): ClientReading {
  const path = files(input.env, input.path)[0]!;
  const { reads, parsed } = readAll([path], input.files, parseYaml);
  const assumptions = [
    `LiteLLM as of base_aws_llm.py @02467691: per model, the Region is aws_region_name, the Region of an ARN model, AWS_REGION_NAME, AWS_REGION, boto3's (AWS_DEFAULT_REGION, the profile), then ${DEFAULT_REGION}; AWS_BEARER_TOKEN_BEDROCK, when set, replaces SigV4 for every model.`,
    'Callers of the proxy choose whether to stream (stream=true): both bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream are checked.',
  ];
  const base = { client: 'litellm', assumptions, files: reads, targets: [], findings: [] };
  const config = parsed.get(path);
  const entries = Array.isArray(config?.model_list) ? config.model_list.filter(isObject) : [];
  const bedrock = entries.filter((e) => isObject(e.litellm_params) && str(e.litellm_params.model)?.startsWith('bedrock/'));
  if (bedrock.length === 0) {
    const why = !reads[0]!.found ? `${path} was not found (pass its path: --from litellm:PATH)` : reads[0]!.problem ? `${path} is ${reads[0]!.problem}` : `no model_list entry in ${path} has a litellm_params.model starting with bedrock/`;
    return { ...base, configured: false, notConfigured: `litellm is not configured for Bedrock: ${why}` };
  }

  const targets: ClientTarget[] = [];
  const findings: ClientFinding[] = [];
  const profiles = new Map<string, Provenance>();
  for (const entry of bedrock) {
    const params = entry.litellm_params as Record<string, unknown>;
    const name = str(entry.model_name) ?? str(params.model)!;
    const role = `model_list: ${name}`;
    const { api, id } = route(str(params.model)!);
    if (!api) {
      assumptions.push(`${role} uses the bedrock/${id.split('/')[0]}/ route, which does not call a model by id through Converse or Invoke: not checked.`);
      continue;
    }
    const modelId = expand(params.model_id, input.env).value;
    const model = modelId ?? id;
    const modelFrom: Provenance = { setting: `litellm_params.${modelId ? 'model_id' : 'model'} of "${name}"`, file: path };
    const arnRegion = /^arn:[\w-]+:bedrock:([\w-]+):/.exec(model)?.[1];
    const regionParam = expand(params.aws_region_name, input.env);
    const profileInConfig = expand(params.aws_profile_name, input.env).value;
    const profileParam = profileInConfig ?? (input.env.AWS_PROFILE_NAME?.trim() || undefined);
    const profileName = profileParam ?? input.env.AWS_PROFILE?.trim() ?? 'default';
    const region = firstRegion(
      [
        { from: { setting: `litellm_params.aws_region_name of "${name}"${regionParam.fromEnv ? ` (os.environ/${regionParam.fromEnv})` : ''}`, file: path }, value: regionParam.value },
        { from: { setting: `the Region in litellm_params.model${modelId ? '_id' : ''} of "${name}"`, file: path }, value: arnRegion },
        variable(input.env, 'AWS_REGION_NAME'),
        variable(input.env, 'AWS_REGION'),
        variable(input.env, 'AWS_DEFAULT_REGION'),
        { from: { setting: `region of profile ${profileName}`, file: '~/.aws/config' }, value: input.awsProfiles[profileName]?.region },
      ],
      { region: DEFAULT_REGION, from: { setting: 'aws_region_name', file: path, isDefault: true } },
    );
    const unread = unreadRegionFinding('LiteLLM', region, input.env, ['aws_region_name', 'AWS_REGION_NAME', 'AWS_REGION', 'AWS_DEFAULT_REGION'], { setting: `litellm_params.aws_region_name of "${name}"`, file: path });
    if (unread) findings.push({ ...unread, role });
    targets.push({ role, model, modelFrom, region: region.region, regionFrom: region.from, api, stream: true });
    if (profileParam) profiles.set(profileParam, profileInConfig ? { setting: `litellm_params.aws_profile_name of "${name}"`, file: path } : { setting: 'AWS_PROFILE_NAME' });

    for (const key of ['aws_access_key_id', 'aws_role_name', 'aws_web_identity_token', 'api_key']) {
      const value = expand(params[key], input.env);
      if (!value.value) continue;
      findings.push({
        cause: 'client-credentials-not-applied',
        role,
        setting: { setting: `litellm_params.${key} of "${name}"`, file: path },
        detail: `"${name}" sets ${key}${value.fromEnv ? ` (os.environ/${value.fromEnv})` : ''}: LiteLLM authenticates that model with it; the check ran with the credentials of the environment instead.`,
      });
    }
  }
  const [first] = profiles.entries();
  if (profiles.size > 1) assumptions.push(`Models name different profiles (${[...profiles.keys()].join(', ')}): one run checks one identity, ${first![0]}.`);
  return { ...base, configured: true, targets, findings, ...(first ? { profile: { name: first[0], from: first[1] } } : {}) };
}

export const LITELLM: ClientSpec = {
  name: 'litellm',
  title: 'LiteLLM proxy (config.yaml model_list; --from litellm:PATH)',
  kind: 'app',
  files,
  read: readLitellm,
};

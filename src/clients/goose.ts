/**
 * Goose: GOOSE_PROVIDER, GOOSE_MODEL, AWS_REGION and AWS_PROFILE in its config.yaml, each
 * overridden by the environment variable of the same name. Sources: block.github.io/goose
 * config-file guide; aaif-goose/goose PRs #1271, #1886, #5699 and issue #10676.
 */

import { parseYaml, readAll, str } from './json-file.js';
import { firstRegion, unreadRegionFinding } from './region.js';
import type { ClientFinding, ClientInput, ClientReading, ClientSpec, Provenance } from './types.js';

const PROVIDER = 'aws_bedrock';
/** BEDROCK_DEFAULT_MODEL in bedrock.rs. */
const DEFAULT_MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

function files(env: NodeJS.ProcessEnv, path?: string): string[] {
  return [path ?? `${env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME.replace(/\/$/, '') : '~/.config'}/goose/config.yaml`];
}

export function readGoose(input: ClientInput): ClientReading {
  const path = files(input.env, input.path)[0]!;
  const { reads, parsed } = readAll([path], input.files, parseYaml);
  const config = parsed.get(path) ?? {};
  const assumptions = [
    'Goose as of crates/goose/src/providers/bedrock.rs @00c2141d: each key is read from the environment first, then config.yaml (secrets may sit in the keyring, not readable here); the Region falls back to the AWS SDK\'s own chain (AWS_DEFAULT_REGION, the profile); AWS_BEARER_TOKEN_BEDROCK, when set, is used instead of the profile.',
    `Goose calls Converse without streaming (bedrock:InvokeModel only); unset, GOOSE_MODEL is ${DEFAULT_MODEL}.`,
  ];
  const base = { client: 'goose', assumptions, files: reads, targets: [], findings: [] };
  /** A key from the environment, else config.yaml, with its origin. */
  const key = (name: string): { value?: string; from: Provenance } => {
    const fromEnv = input.env[name]?.trim();
    if (fromEnv) return { value: fromEnv, from: { setting: name } };
    return { value: str(config[name]), from: { setting: name, file: path } };
  };
  const provider = key('GOOSE_PROVIDER');
  if (provider.value !== PROVIDER) {
    const why = provider.value ? `GOOSE_PROVIDER is "${provider.value}"${provider.from.file ? ` in ${path}` : ' in the environment'}` : !reads[0]!.found ? `${path} was not found and GOOSE_PROVIDER is not set` : `GOOSE_PROVIDER is not set in ${path} or the environment`;
    return { ...base, configured: false, notConfigured: `goose is not configured for Bedrock (GOOSE_PROVIDER: ${PROVIDER}): ${why}` };
  }
  const profile = key('AWS_PROFILE');
  const profileName = profile.value ?? 'default';
  const regionKey = key('AWS_REGION');
  const region = firstRegion(
    [regionKey, { from: { setting: 'AWS_DEFAULT_REGION' }, value: input.env.AWS_DEFAULT_REGION }, { from: { setting: `region of profile ${profileName}`, file: '~/.aws/config' }, value: input.awsProfiles[profileName]?.region }],
    { region: null, from: { setting: 'AWS_REGION', file: path, isDefault: true } },
  );
  const findings: ClientFinding[] = [];
  const unread = unreadRegionFinding('Goose', region, input.env, ['AWS_REGION', 'AWS_DEFAULT_REGION'], { setting: 'AWS_REGION', file: path });
  if (unread) findings.push(unread);
  // The desktop app fills AWS_PROFILE with "default" (goose#10676); an API key, when set, is used instead.
  const names = Object.keys(input.awsProfiles);
  if (profileName === 'default' && input.env.AWS_BEARER_TOKEN_BEDROCK === undefined && !('default' in input.awsProfiles) && names.length > 0) {
    findings.push({
      cause: 'client-default-profile-name',
      setting: { setting: 'AWS_PROFILE', file: profile.from.file ?? path },
      value: names[0],
      detail: `Goose uses the profile "default"${profile.value ? ` (AWS_PROFILE${profile.from.file ? ` in ${path}` : ''})` : ''}, which ~/.aws does not define (it defines ${names.join(', ')}).`,
    });
  }
  const model = key('GOOSE_MODEL');
  const modelFrom: Provenance = model.value ? model.from : { setting: 'GOOSE_MODEL', file: path, isDefault: true };
  return {
    ...base,
    configured: true,
    targets: [{ role: 'model', model: model.value ?? DEFAULT_MODEL, modelFrom, region: region.region, regionFrom: region.from, api: 'converse', stream: false }],
    findings,
    region: { region: region.region, from: region.from },
    // Only a named profile changes the chain; "default" is what the SDK's chain reads anyway.
    ...(profile.value ? { profile: { name: profile.value, from: profile.from } } : {}),
  };
}

export const GOOSE: ClientSpec = {
  name: 'goose',
  title: 'Goose (~/.config/goose/config.yaml)',
  kind: 'app',
  files,
  read: readGoose,
};

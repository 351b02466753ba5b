/**
 * The environment a doctor run gets against the emulator: a clean env (never the user's AWS
 * settings), fake credentials whose secret parts are canaries that must never appear in any
 * output, and the four AWS_ENDPOINT_URL_<SERVICE> variables pointing at the emulator.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from './server.js';
import { DEFAULT_SCENARIO_REGION, SHORT_TERM_API_KEY, type Scenario } from './scenarios.js';
import type { ReachableService } from './types.js';

export const FAKE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY_CANARY = 'canarySECRETwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN_CANARY = 'canaryTOKENIQoJb3JpZ2luX2VjEXAMPLEsessionTOKENdoNotPrint0123456789';
/** The X-Amz-Signature of every short-term API key the emulator environment hands out (64 hex). */
const API_KEY_SIGNATURE_CANARY = '5ec2e7ca4a2f00d5'.repeat(4);

/** Secrets that must never appear in the doctor's output, logs or reports. */
export const SECRET_CANARIES: readonly string[] = [SECRET_ACCESS_KEY_CANARY, SESSION_TOKEN_CANARY, API_KEY_SIGNATURE_CANARY];

const ENDPOINT_VARIABLES: Record<ReachableService, string> = {
  sts: 'AWS_ENDPOINT_URL_STS',
  iam: 'AWS_ENDPOINT_URL_IAM',
  bedrock: 'AWS_ENDPOINT_URL_BEDROCK',
  'bedrock-runtime': 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
};

/** `yyyymmddThhmmssZ`, as SigV4 writes X-Amz-Date. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A well-formed short-term Bedrock API key, as aws-bedrock-token-generator makes them:
 * `bedrock-api-key-` + base64 of a presigned `CallWithBearerToken` URL (12 h validity,
 * signed `now`). Its signature is API_KEY_SIGNATURE_CANARY.
 */
export function shortTermApiKey(region: string, now: Date = new Date()): string {
  const date = amzDate(now);
  const url =
    'bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    `&X-Amz-Credential=${FAKE_ACCESS_KEY_ID}%2F${date.slice(0, 8)}%2F${region}%2Fbedrock%2Faws4_request` +
    `&X-Amz-Date=${date}&X-Amz-Expires=43200&X-Amz-SignedHeaders=host` +
    `&X-Amz-Signature=${API_KEY_SIGNATURE_CANARY}&Version=1`;
  return `bedrock-api-key-${Buffer.from(url, 'utf8').toString('base64')}`;
}

/** An http URL on 127.0.0.1 where nothing listens (a port bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * The full environment for a doctor run against the emulator. Nothing is copied from the
 * caller's environment (`inherit`) except PATH (and SystemRoot on Windows). `home` is a directory the caller made
 * (a temporary one is made if not given); empty `.aws/config` and `.aws/credentials` are
 * created in it. No AWS_REGION is set: the check arguments carry the Region.
 */
export async function scenarioEnvironment(
  scenario: Scenario,
  emulator: Pick<Emulator, 'url'>,
  opts: { home?: string; inherit: NodeJS.ProcessEnv },
): Promise<Record<string, string>> {
  const home = opts.home ?? (await mkdtemp(join(tmpdir(), 'bedrock-doctor-home-')));
  const awsDir = join(home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const configFile = join(awsDir, 'config');
  const credentialsFile = join(awsDir, 'credentials');
  await writeFile(configFile, '');
  await writeFile(credentialsFile, '');

  const env: Record<string, string> = {};
  if (opts.inherit.PATH !== undefined) env.PATH = opts.inherit.PATH;
  if (process.platform === 'win32' && opts.inherit.SystemRoot !== undefined) env.SystemRoot = opts.inherit.SystemRoot;
  Object.assign(env, {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY_CANARY,
    AWS_SESSION_TOKEN: SESSION_TOKEN_CANARY,
    NO_COLOR: '1',
  });

  const down = new Set(scenario.down ?? []);
  for (const [service, variable] of Object.entries(ENDPOINT_VARIABLES) as Array<[ReachableService, string]>) {
    env[variable] = down.has(service) ? await closedPortUrl() : emulator.url;
  }

  const region = scenario.region ?? DEFAULT_SCENARIO_REGION;
  for (const [key, value] of Object.entries(scenario.env ?? {})) {
    env[key] = value === SHORT_TERM_API_KEY ? shortTermApiKey(region) : value;
  }
  return env;
}

/**
 * Every secret in an environment that must not leak: SECRET_CANARIES, plus the bearer token
 * (and its base64 body) when AWS_BEARER_TOKEN_BEDROCK is set.
 */
export function secretCanaries(env: Record<string, string | undefined>): string[] {
  const out = [...SECRET_CANARIES];
  const token = env.AWS_BEARER_TOKEN_BEDROCK;
  if (token) {
    out.push(token);
    if (token.startsWith('bedrock-api-key-')) out.push(token.slice('bedrock-api-key-'.length));
  }
  return out;
}

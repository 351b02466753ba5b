/**
 * Two sweeps over every emulator scenario, run by the built CLI in every report format with
 * --verbose:
 * - secrets: the credentials come only from files (a credential_process in ~/.aws/config, an
 *   unused profile in ~/.aws/credentials, an SSO token cache) plus the API key where the
 *   scenario uses one, and the emulator echoes every one of them in every error message it
 *   sends. None may appear in any output.
 * - read-only: the emulator records every operation; none may be mutating (see isMutating:
 *   anything but Get/List/Describe/Simulate and the model calls).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioArgs, scenarioEnvironment, secretCanaries, startEmulator, type Emulator, type Scenario } from '../../src/sandbox/index.js';
import { runCli, STACK_TRACE } from './cli.js';

/** One secret of each kind, each found only in a file or a credential_process's output. */
const FILE_SECRETS = {
  processSecretKey: 'processSECRETwJalrXUtnFEMI0K7MDENGbPxRfiCYzzKEY',
  processSessionToken: 'processTOKENIQoJb3JpZ2luX2VjEXAMPLEdoNotPrint9876543210',
  fileSecretKey: 'fileSECRETwJalrXUtnFEMI1K7MDENGbPxRfiCYyyKEY',
  fileSessionToken: 'fileTOKENIQoJb3JpZ2luX2VjEXAMPLEdoNotPrint0123456789',
  ssoAccessToken: 'ssoACCESSaoaAAAAAGdoNotPrintThisSsoAccessToken0123456789',
  ssoRefreshToken: 'ssoREFRESHaorAAAAAGdoNotPrintThisSsoRefreshToken0123456',
};
const FORMATS = ['json', 'human', 'markdown'] as const;
const START_URL = 'https://example.awsapps.com/start';

/** ~/.aws as a user has it: the secrets live in files only, never in the environment. */
async function credentialFiles(home: string, env: Record<string, string>): Promise<void> {
  // The process's output is a file it prints (cat: no Node start-up per run); the SDK runs it through a shell.
  const output = join(home, 'credential-process.json');
  await writeFile(
    output,
    JSON.stringify({ Version: 1, AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', SecretAccessKey: FILE_SECRETS.processSecretKey, SessionToken: FILE_SECRETS.processSessionToken }),
  );
  await writeFile(
    env.AWS_CONFIG_FILE!,
    `[default]\ncredential_process = cat "${output}"\n\n` +
      `[profile sso-dev]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = BedrockDev\n`,
  );
  await writeFile(
    env.AWS_SHARED_CREDENTIALS_FILE!,
    `[archive]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${FILE_SECRETS.fileSecretKey}\naws_session_token = ${FILE_SECRETS.fileSessionToken}\n`,
  );
  const cache = join(home, '.aws', 'sso', 'cache');
  await mkdir(cache, { recursive: true });
  await writeFile(
    join(cache, `${createHash('sha1').update(START_URL).digest('hex')}.json`),
    JSON.stringify({ startUrl: START_URL, region: 'us-east-1', accessToken: FILE_SECRETS.ssoAccessToken, refreshToken: FILE_SECRETS.ssoRefreshToken, expiresAt: '2099-01-01T00:00:00Z' }),
  );
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[name];
}

let scrubbedRuns = 0;
let runs = 0;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function sweep(scenario: Scenario) {
  const echo: string[] = [];
  const emulator: Emulator = await startEmulator(scenario, { echo });
  const home = await mkdtemp(join(tmpdir(), 'bd-sweep-'));
  cleanups.push(async () => {
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  });
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  await credentialFiles(home, env);
  // The API key (and its parts) where the scenario uses one, and every file secret.
  const secrets = [...Object.values(FILE_SECRETS), ...secretCanaries(env).filter((s) => s.includes(env.AWS_BEARER_TOKEN_BEDROCK?.slice(16, 40) ?? '\0') || s === env.AWS_BEARER_TOKEN_BEDROCK)];
  echo.push(...secrets);
  const outputs = await Promise.all(FORMATS.map((format) => runCli(['check', ...scenarioArgs(scenario), '--format', format, '--verbose'], env)));
  return { emulator, env, secrets, outputs };
}

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('sweep: %s', (_, scenario) => {
  it('no secret in any format, and no mutating operation', async () => {
    const { emulator, secrets, outputs } = await sweep(scenario);
    outputs.forEach((run, i) => {
      const output = run.stdout + run.stderr;
      expect(run.code, `${FORMATS[i]}: ${run.stderr}`).toBe(scenario.exitCode);
      for (const secret of secrets) expect(output, FORMATS[i]).not.toContain(secret);
      expect(output).not.toMatch(STACK_TRACE);
      runs++;
      if (output.includes('[secret]')) scrubbedRuns++;
    });
    expect(JSON.parse(outputs[0]!.stdout).exitCode).toBe(scenario.exitCode);
    expect(emulator.requests.filter((r) => r.mutating).map((r) => `${r.service}:${r.operation}`)).toEqual([]);
  });
});

describe('the sweeps prove something', () => {
  it('echoed secrets reached the reports and were scrubbed in many runs', () => {
    expect(runs).toBe(SCENARIOS.length * FORMATS.length);
    // Every scenario whose AWS answers hold an error message shows it with --verbose.
    expect(scrubbedRuns).toBeGreaterThanOrEqual(30);
  });
});

describe('the offline commands send nothing, even with endpoints configured', () => {
  it.each([
    [['explain', 'AccessDeniedException: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:InvokeModel']],
    // policy looks profiles up when credentials are at hand; --offline is its no-AWS mode.
    [['policy', '--model', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '--region', 'us-east-1', '--doctor', '--account', '111122223333', '--offline']],
    [['demo', '--list']],
    [['demo', 'healthy', '--format', 'json']],
  ])('%j', async (args) => {
    const scenario = SCENARIOS.find((s) => s.name === 'healthy')!;
    const { emulator, env } = await (async () => {
      const emulator = await startEmulator(scenario);
      const home = await mkdtemp(join(tmpdir(), 'bd-sweep-'));
      cleanups.push(async () => {
        await emulator.close();
        await rm(home, { recursive: true, force: true });
      });
      return { emulator, env: await scenarioEnvironment(scenario, emulator, { home, inherit: process.env }) };
    })();
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(0);
    // demo runs check against its own emulator (the same scenarios the sweeps cover), never the configured endpoints.
    expect(emulator.requests).toEqual([]);
  });
});

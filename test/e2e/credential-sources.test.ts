import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_CANARIES, findScenario, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { runCli, STACK_TRACE } from './cli.js';
import { reportOf } from '../schemas.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
let emulator: Emulator;
let home: string;
let env: Record<string, string>;

/** The healthy emulator, with the credentials coming from the shared config instead of env keys. */
beforeEach(async () => {
  emulator = await startEmulator('healthy');
  home = await mkdtemp(join(tmpdir(), 'bd-creds-'));
  env = await scenarioEnvironment(findScenario('healthy')!, emulator, { home, inherit: process.env });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  delete env.AWS_SESSION_TOKEN;
  // Any client the chain might build (SSO, STS) stays on 127.0.0.1.
  env.AWS_ENDPOINT_URL = emulator.url;
});
afterEach(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

describe('credential sources in the SDK chain', () => {
  it('reports credential_process as the source, and reads the Region from the profile', async () => {
    const script = join(home, 'creds.cjs');
    await writeFile(script, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: ${JSON.stringify(SECRET_CANARIES[0])} }))`);
    await writeFile(env.AWS_CONFIG_FILE!, `[profile tools]\nregion = us-east-1\ncredential_process = "${process.execPath}" "${script}"\n`);
    const run = await runCli(['check', '--profile', 'tools', '--model', MODEL, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.identity.credentialSource).toBe('credential_process');
    expect(report.regionSource).toBe('profile');
    expect(run.stdout + run.stderr).not.toContain(SECRET_CANARIES[0]);
  });

  it('names an expired SSO session and its fix, before any AWS call', async () => {
    const startUrl = 'https://example.awsapps.com/start';
    await writeFile(env.AWS_CONFIG_FILE!, `[profile dev]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = BedrockDev\nregion = us-east-1\n`);
    const cache = join(home, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(
      join(cache, `${createHash('sha1').update(startUrl).digest('hex')}.json`),
      JSON.stringify({ startUrl, region: 'us-east-1', accessToken: SECRET_CANARIES[1], expiresAt: '2020-01-01T00:00:00Z' }),
    );
    const run = await runCli(['check', '--model', MODEL, '--format', 'json'], { ...env, AWS_PROFILE: 'dev' });
    expect(run.code).toBe(1);
    const credentials = reportOf(run.stdout).checks.find((c: { gate: string }) => c.gate === 'credentials');
    expect(credentials).toMatchObject({ status: 'fail', cause: 'sso-expired' });
    expect(credentials.remediation.commands.join('\n')).toContain('aws sso login');
    expect(emulator.requests.filter((r) => r.service === 'sts')).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(SECRET_CANARIES[1]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('honours AWS_DEFAULT_REGION, which the JS SDK itself ignores', async () => {
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET_CANARIES[0]}\n`);
    const run = await runCli(['check', '--model', MODEL, '--json'], { ...env, AWS_DEFAULT_REGION: 'us-west-2' });
    expect(run.code, run.stderr).toBe(0);
    const report = reportOf(run.stdout);
    expect(report).toMatchObject({ regionSource: 'AWS_DEFAULT_REGION', targets: [{ region: 'us-west-2' }] });
    expect(report.identity.credentialSource).toBe('shared-file');
    expect(emulator.requests.find((r) => r.service === 'bedrock-runtime')?.region).toBe('us-west-2');
  });

  it.each([
    ['AWS_PROFILE', [] as string[], { AWS_PROFILE: 'dev' }, /but the AWS CLI and boto3 use the keys when the profile is set only by AWS_PROFILE/],
    ['--profile', ['--profile', 'dev'], {}, /as the AWS CLI and boto3 do with --profile/],
  ])('a profile (%s) beside environment keys: the credentials gate warns, naming both and the winner; the SDK prints nothing', async (_case, args, extra, winner) => {
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, `[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET_CANARIES[0]}\n`);
    const run = await runCli(['check', '--region', 'us-east-1', '--model', MODEL, ...args, '--json'], {
      ...env,
      ...extra,
      AWS_ACCESS_KEY_ID: 'AKIAI44QH8DHBEXAMPLE',
      AWS_SECRET_ACCESS_KEY: SECRET_CANARIES[1]!,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/Multiple credential sources|WARNING/);
    const credentials = JSON.parse(run.stdout).checks.find((c: { gate: string }) => c.gate === 'credentials');
    expect(credentials).toMatchObject({ status: 'warn', cause: 'multiple-credential-sources' });
    expect(credentials.summary).toContain('two credential sources are set, the profile dev');
    expect(credentials.summary).toContain('AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
    expect(credentials.summary).toMatch(/The profile wins here and in the JS SDK/);
    expect(credentials.summary).toMatch(winner);
    expect(run.stdout + run.stderr).not.toContain(SECRET_CANARIES[0]);
    expect(run.stdout + run.stderr).not.toContain(SECRET_CANARIES[1]);
  });
});

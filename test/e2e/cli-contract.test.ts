import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioArgs, scenarioEnvironment, startEmulator } from '../../src/sandbox/index.js';
import { runCli, STACK_TRACE } from './cli.js';
import { diagnosisOf, reportOf } from '../schemas.js';

let home: string;
let env: Record<string, string>;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'bd-contract-'));
  // Nothing here may reach AWS: every case below fails before any network call, or runs the demo.
  env = { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  it.each([
    [['check', '--region', 'us-east-1', '--model', '']],
    [['check', '--region', 'not a region!', '--model', 'amazon.nova-lite-v1:0']],
    [['check', '--region', 'mars-north-9', '--model', 'amazon.nova-lite-v1:0']],
    [['check', '--region', 'us-east-1', '--model', 'amazon.nova-lite-v1:0', '--output', '/no/such/dir/report.json']],
    [['check', '--region', 'us-east-1']],
    [['check', '--model', 'amazon.nova-lite-v1:0']],
    [['check', '--region', 'us-east-1', '--model', 'amazon.nova-lite-v1:0', '--timeout', 'soon']],
    [['check', '--region', 'us-east-1', '--model', 'amazon.nova-lite-v1:0', '--expect-account', '12']],
    [['check', '--region', 'us-east-1', '--model', 'arn:aws:s3:::bucket']],
    [['check', '--format', 'yaml']],
    [['check', '--bogus']],
    [['nonsense']],
    [['demo', 'no-such-scenario']],
    [['policy', '--region', 'us-east-1']],
    [['policy', '--region', 'us-east-1', '--model', 'amazon.nova-lite-v1:0', '--account', 'abc']],
  ])('%j', async (args) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^bedrock-doctor: /);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

it.each([
  [['check', '--json', '--region', 'us-east-1', '--model', '']],
  [['check', '--format', 'json', '--bogus']],
])('bad input with JSON requested still leaves one JSON document on stdout: %j', async (args) => {
  const run = await runCli(args, env);
  expect(run.code).toBe(2);
  expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, ready: false, error: { kind: 'usage' } });
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
});

describe('policy', () => {
  it('prints a valid IAM policy document offline', async () => {
    const run = await runCli(['policy', '--region', 'us-east-1', '--model', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '--account', '111122223333'], env);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(policy.Version).toBe('2012-10-17');
    expect(JSON.stringify(policy)).toContain('arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0');
  });
});

describe('explain', () => {
  it('reads an argument and prints the JSON diagnosis', async () => {
    const run = await runCli(['explain', '--format', 'json', "An error occurred (AccessDeniedException) when calling the Converse operation: You don't have access to the model with the specified model ID."], env);
    expect(run.code).toBe(0);
    expect(diagnosisOf(run.stdout)).toMatchObject({ gate: 'model-access', cause: 'model-access-not-granted', confidence: expect.any(Number), fix: expect.any(String), summary: expect.any(String) });
  });

  it('reads stdin with "-" and with no argument', async () => {
    const text = 'ValidationException: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn’t supported.';
    for (const args of [['explain', '-', '--json'], ['explain', '--json']]) {
      const run = await runCli(args, env, text);
      expect(diagnosisOf(run.stdout)).toMatchObject({ gate: 'region', cause: 'inference-profile-required' });
    }
  });

  it('answers unknown for text it does not recognise, and never throws on binary or megabytes', async () => {
    const unknown = await runCli(['explain', '--json', 'the printer is on fire'], env);
    expect(diagnosisOf(unknown.stdout)).toMatchObject({ gate: 'unknown' });
    const binary = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const huge = await runCli(['explain', '--json', '-'], env, binary);
    expect(huge.code).toBe(0);
    expect(diagnosisOf(huge.stdout).gate).toBeDefined();
    expect(huge.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('demo', () => {
  it('--list --format json lists at least 15 scenarios with name, title, gate and exit code', async () => {
    const run = await runCli(['demo', '--list', '--format', 'json'], env);
    const list = JSON.parse(run.stdout) as { name: string; title: string; gate: string | null; exitCode: number }[];
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(list.find((s) => s.name === 'healthy')).toMatchObject({ gate: null, exitCode: 0 });
    for (const s of list) expect(Object.keys(s).sort()).toEqual(['exitCode', 'gate', 'name', 'title']);
    const gates = new Set(list.map((s) => s.gate));
    for (const gate of ['credentials', 'network', 'region', 'model-access', 'iam', 'provider-terms', 'invoke']) expect(gates).toContain(gate);
  });

  it.each(SCENARIOS.filter((s) => s.name !== 'hanging-endpoint').map((s) => [s.name, s] as const))(
    'demo %s --format json prints the check report with the declared gate and exit code',
    async (name, scenario) => {
      const run = await runCli(['demo', name, '--format', 'json'], { ...env, AWS_PROFILE: 'must-be-ignored', AWS_REGION: 'eu-west-3' });
      expect(run.code).toBe(scenario.exitCode);
      const report = reportOf(run.stdout);
      expect(report.exitCode).toBe(scenario.exitCode);
      if (scenario.gate) expect(report.checks.find((c: { gate: string }) => c.gate === scenario.gate).status).toBe(scenario.status ?? 'fail');
    },
  );
});

describe('the JSON report', () => {
  it.concurrent.each(SCENARIOS.filter((s) => s.name !== 'hanging-endpoint').map((s) => s.name))('validates against schema/report.schema.json: %s', async (name) => {
    const run = await runCli(['demo', name, '--json'], env);
    expect(reportOf(run.stdout).tool.name).toBe('bedrock-doctor');
  });

  it('--output writes the report to a file and keeps stdout empty', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'healthy')!;
    const emulator = await startEmulator(scenario);
    try {
      const file = join(home, 'report.json');
      const run = await runCli(['check', ...scenarioArgs(scenario), '--json', '--output', file], await scenarioEnvironment(scenario, emulator, { home, inherit: process.env }));
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(reportOf(await readFile(file, 'utf8'))).toMatchObject({ ready: true, exitCode: 0 });
    } finally {
      await emulator.close();
    }
  });
});

describe('--output as AWS CLI users type it', () => {
  const scenario = SCENARIOS.find((s) => s.name === 'healthy')!;
  const withEmulator = async (run: (env: Record<string, string>) => Promise<void>) => {
    const emulator = await startEmulator(scenario);
    try {
      await run(await scenarioEnvironment(scenario, emulator, { home, inherit: env }));
    } finally {
      await emulator.close();
    }
  };

  it.each([
    ['json', (out: string) => expect(JSON.parse(out)).toMatchObject({ ready: true, targets: [{ ready: true, status: 'pass', gate: null }] })],
    ['yaml', (out: string) => expect(out).toMatch(/^schemaVersion: 1\n[\s\S]*\nready: true\n/)],
    ['table', (out: string) => expect(out).toMatch(/\nReady: this identity can call every model checked\.\n/)],
  ] as const)('--output %s picks the format and writes no file of that name', async (word, check) => {
    await withEmulator(async (e) => {
      const run = await runCli(['check', ...scenarioArgs(scenario), '--output', word], e);
      expect(run.code, run.stderr).toBe(0);
      check(run.stdout);
      await expect(readFile(word)).rejects.toThrow();
    });
  });

  it('--output FILE writes the report there, and stderr still gets the one-line verdict', async () => {
    await withEmulator(async (e) => {
      const file = join(home, 'report.md');
      const run = await runCli(['check', ...scenarioArgs(scenario), '--format', 'markdown', '--output', file], e);
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: `Ready (exit 0). Report written to ${file}.\n` });
      expect(await readFile(file, 'utf8')).toMatch(/^### bedrock-doctor \S+: ready\n\n- Command: `bedrock-doctor check /);
    });
  });
});

describe('demo takes the same output flags as check', () => {
  it('--output json prints the JSON report', async () => {
    const run = await runCli(['demo', 'healthy', '--output', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ready: true, exitCode: 0 });
  });

  it('--strict turns a warning into exit 1', async () => {
    const run = await runCli(['demo', 'cannot-simulate', '--strict', '--json'], env);
    expect(JSON.parse(run.stdout)).toMatchObject({ ready: false, exitCode: 1 });
    expect(run.code).toBe(1);
  });
});

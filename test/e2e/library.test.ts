import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Emulator, type Scenario } from '../../src/sandbox/index.js';
import { runCli } from './cli.js';
import { diagnosisOf, reportOf, validateReport } from '../schemas.js';

// The library exactly as a dependent imports it: the package's `exports` entry, built.
const library = (await import('bedrock-doctor')) as typeof import('../../src/api/index.js');

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

const original = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in original)) delete process.env[key];
  Object.assign(process.env, original);
});

/** The emulator, and the scenario's environment as the app's own process.env (the library reads it, as the SDK does). */
async function setUp(scenario: Scenario): Promise<Record<string, string>> {
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-lib-'));
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  return env;
}

/** The CLI's flags for a scenario, as library options. */
function optionsOf(scenario: Scenario) {
  const args = scenarioArgs(scenario);
  const value = (flag: string) => args[args.indexOf(flag) + 1];
  return {
    regions: [value('--region')!],
    models: [value('--model')!],
    invoke: !args.includes('--no-invoke'),
    allowSubscribe: args.includes('--allow-subscribe'),
    expectAccount: args.includes('--expect-account') ? value('--expect-account') : undefined,
    timeout: args.includes('--timeout') ? Number(value('--timeout')) : undefined,
  };
}

/** A report without what differs from run to run (timings, request ids, evidence). */
function stable(report: import('../../src/api/index.js').DoctorReport): unknown {
  const { durationMs: _, checks, ...rest } = report;
  return { ...rest, checks: checks.map(({ gate, region, model, status, cause, fix, remediation }) => ({ gate, region, model, status, cause, fix, remediation })) };
}

describe('the library API', () => {
  it.each(['healthy', 'iam-implicit-deny', 'model-not-in-region'])('runDoctor returns the report check --format json prints: %s', async (name) => {
    const scenario = findScenario(name)!;
    const env = await setUp(scenario);
    const cli = await runCli(['check', ...scenarioArgs(scenario), '--format', 'json'], env);
    const exitCodeBefore = process.exitCode;
    const writes: unknown[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: unknown) => (writes.push(chunk), true)) as typeof process.stdout.write;
    let report;
    try {
      report = await library.runDoctor(optionsOf(scenario));
    } finally {
      process.stdout.write = write;
    }
    expect(stable(report!)).toEqual(stable(reportOf(cli.stdout)));
    expect(validateReport(JSON.parse(JSON.stringify(report))), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.exitCode).toBe(scenario.exitCode);
    // It never prints and never sets the exit code: the caller decides.
    expect(writes).toEqual([]);
    expect(process.exitCode).toBe(exitCodeBefore);
  });

  it('honours an abort signal: the report holds what is known, interrupted', async () => {
    const scenario = { ...findScenario('healthy')!, behaviours: { Converse: { delayMs: 20_000 } } } as Scenario;
    await setUp(scenario);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_000);
    const report = await library.runDoctor({ ...optionsOf(scenario), signal: controller.signal });
    expect(report.interrupted).toBe(true);
    expect(validateReport(JSON.parse(JSON.stringify(report))), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.ready).toBe(false);
    expect(report.checks.find((c) => c.gate === 'credentials')?.status).toBe('pass');
    expect(report.checks.find((c) => c.gate === 'invoke')?.status).not.toBe('pass');
  });

  it('rejects bad options with a UsageError before any AWS call', async () => {
    const scenario = findScenario('healthy')!;
    await setUp(scenario);
    await expect(library.runDoctor({ models: ['anthropic.claude-3-haiku-20240307-v1:0'], regions: ['us-easst-1'] })).rejects.toBeInstanceOf(library.UsageError);
    expect(emulator!.requests).toHaveLength(0);
  });

  it('explain returns the diagnosis explain --format json prints', async () => {
    const text = 'AccessDeniedException: You don\'t have access to the model with the specified model ID.';
    const cli = await runCli(['explain', text, '--format', 'json'], { PATH: process.env.PATH ?? '' });
    expect(library.explain(text)).toEqual(diagnosisOf(cli.stdout));
    expect(library.explain(text).gate).toBe('model-access');
  });
});

describe('runDoctorUntilReady', () => {
  it('waits for a denial that clears, and says how many attempts it took', async () => {
    const model = 'anthropic.claude-3-haiku-20240307-v1:0';
    await setUp({
      name: 'invoke-denied-once',
      title: 'InvokeModel is denied once, then allowed.',
      gate: null,
      exitCode: 0,
      behaviours: { Converse: { error: { code: 'AccessDeniedException', status: 403, message: 'You don\'t have access to the model with the specified model ID.' }, times: 1 } },
    });
    const attempts: number[] = [];
    const report = await library.runDoctorUntilReady(
      { regions: ['us-east-1'], models: [model] },
      { waitMs: 30_000, backoff: { baseMs: 300, capMs: 600 }, onAttempt: (p) => attempts.push(p.attempt) },
    );
    expect(report).toMatchObject({ ready: true, exitCode: 0, attempts: 2 });
    expect(attempts).toEqual([1, 2]);
    expect(emulator!.requests.filter((r) => r.operation === 'Converse')).toHaveLength(2);
  });

  it('refuses a failOn it does not know, before any call', async () => {
    await setUp(findScenario('healthy')!);
    await expect(library.runDoctor({ regions: ['us-east-1'], models: ['amazon.nova-lite-v1:0'], failOn: ['fail' as never] })).rejects.toThrow(/failOn "fail" is not one of warn, inconclusive, pending/);
    expect(emulator!.requests).toEqual([]);
  });
});

/**
 * `check --wait` against the emulator: targets that are not ready are re-checked with backoff
 * until they are, or until the wait runs out. The backoff is shortened for the tests through
 * BEDROCK_DOCTOR_WAIT_BACKOFF_MS (base,cap in ms); production waits 12 s, then longer.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, findScenario, scenarioArgs, scenarioEnvironment, secretCanaries, startEmulator, type Emulator, type Scenario } from '../../src/sandbox/index.js';
import { retryDelay } from '../../src/pipeline/wait.js';
import { BIN, runCli, STACK_TRACE } from './cli.js';

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

const BACKOFF = { baseMs: 400, capMs: 800 };
const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

/** IAM changes propagate: the first Converse call is denied, the next ones answer. */
const DENIED_ONCE: Scenario = {
  name: 'invoke-denied-once',
  title: 'A freshly granted InvokeModel permission that takes effect after the first call.',
  gate: null,
  exitCode: 0,
  behaviours: {
    Converse: {
      error: {
        code: 'AccessDeniedException',
        status: 403,
        message: `User: arn:aws:iam::${ACCOUNT_ID}:user/dev is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/${MODEL} because no identity-based policy allows the bedrock:InvokeModel action`,
      },
      times: 1,
    },
  },
};

async function environment(scenario: Scenario): Promise<Record<string, string>> {
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-wait-'));
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  return { ...env, BEDROCK_DOCTOR_WAIT_BACKOFF_MS: `${BACKOFF.baseMs},${BACKOFF.capMs}` };
}

const converseCalls = () => emulator!.requests.filter((r) => r.operation === 'Converse').length;

/**
 * The most attempts a wait of `waitMs` allows: each sleep lasts its backoff delay, except the
 * last, which the deadline may shorten, but never below the base.
 */
function maxAttempts(waitMs: number): number {
  let attempts = 1;
  let slept = 0;
  while (slept + BACKOFF.baseMs <= waitMs) {
    slept += retryDelay(attempts, BACKOFF);
    attempts++;
  }
  return attempts;
}

describe('check --wait', () => {
  it('a denial that clears after the first call ends ready, after two attempts', async () => {
    const env = await environment(DENIED_ONCE);
    const run = await runCli(['check', ...scenarioArgs(DENIED_ONCE), '--json', '--wait', '30s'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ready: true, exitCode: 0, attempts: 2 });
    expect(report.waitedMs).toBeGreaterThanOrEqual(BACKOFF.baseMs);
    expect(report.checks.every((c: { status: string }) => c.status === 'pass' || c.status === 'skip')).toBe(true);
    expect(converseCalls()).toBe(2);
    // Progress on stderr: the first attempt's finding, then the verdict.
    expect(run.stderr).toMatch(/Attempt 1: 1 of 1 target not ready \(anthropic\.claude-3-haiku-20240307-v1:0 · us-east-1: iam fail\); next check in/);
    expect(run.stderr).toMatch(/Attempt 2: the target is ready/);
  });

  it('a denial that never clears ends when the wait runs out, with the last status and no more calls than the backoff allows', async () => {
    const scenario = findScenario('iam-implicit-deny')!;
    const env = await environment(scenario);
    // Long enough for a second attempt even when a loaded machine makes the first one slow.
    const waitMs = 5000;
    const run = await runCli(['check', ...scenarioArgs(scenario), '--json', '--wait', `${waitMs}ms`], env);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ready: false, exitCode: 1 });
    expect(report.checks.find((c: { gate: string }) => c.gate === 'iam')).toMatchObject({ status: 'fail', cause: 'iam-implicit-deny' });
    expect(report.attempts).toBeGreaterThanOrEqual(2);
    expect(report.attempts).toBeLessThanOrEqual(maxAttempts(waitMs));
    // One Converse call per attempt (the wait is the retry), and never more.
    expect(converseCalls()).toBe(report.attempts);
    expect(run.stderr).toMatch(/the 5s wait is over/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    for (const secret of secretCanaries(env)) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('a ready target is checked once, and the wait ends at once', async () => {
    const scenario = findScenario('healthy')!;
    const env = await environment(scenario);
    const run = await runCli(['check', ...scenarioArgs(scenario), '--json', '--wait', '15m'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ready: true, attempts: 1, waitedMs: 0 });
    expect(converseCalls()).toBe(1);
  });

  it('a matrix re-checks only the targets that are not ready', async () => {
    const env = await environment(DENIED_ONCE);
    // Two Regions: only the first Converse call (whichever target makes it) is denied.
    const run = await runCli(['check', '--region', 'us-east-1', '--region', 'us-west-2', '--model', MODEL, '--json', '--wait', '30s'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ready: true, attempts: 2 });
    expect(report.targets).toHaveLength(2);
    expect(report.checks).toHaveLength(14);
    expect(converseCalls()).toBe(3);
  });

  it('a usage error is never retried', async () => {
    const env = await environment(findScenario('healthy')!);
    const run = await runCli(['check', '--region', 'us-east-1', '--model', 'not a model', '--wait', '15m'], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(emulator!.requests).toEqual([]);
  });

  it.each([
    ['15 minutes', /--wait "15 minutes" is not a duration such as 90s, 15m or 1h30m/],
    ['2d', /--wait "2d" is not a duration/],
    ['25h', /--wait "25h" is longer than 24h/],
  ])('--wait %j is a usage error', async (value, message) => {
    const env = await environment(findScenario('healthy')!);
    const run = await runCli(['check', '--region', 'us-east-1', '--model', MODEL, '--wait', value], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(emulator!.requests).toEqual([]);
  });
});

describe('interrupting check --wait', () => {
  /** Spawns a waiting check, sends `signal` once `ready()` holds, and collects the result. */
  async function interrupt(scenario: Scenario, backoff: string, signal: NodeJS.Signals, ready: (stderr: string) => boolean) {
    const env = { ...(await environment(scenario)), BEDROCK_DOCTOR_WAIT_BACKOFF_MS: backoff };
    const child = spawn(process.execPath, [BIN, 'check', ...scenarioArgs(scenario), '--json', '--wait', '15m'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const deadline = Date.now() + 15_000;
    while (!ready(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr };
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s between two attempts prints the last report, marked interrupted, and exits %i', async (signal, code) => {
    // A long backoff: the signal comes while the doctor sleeps before its second attempt.
    const run = await interrupt(findScenario('iam-implicit-deny')!, '600000,600000', signal, (stderr) => /Attempt 1:/.test(stderr));
    expect(run.code, run.stderr).toBe(code);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ interrupted: true, ready: false, exitCode: code, attempts: 1 });
    expect(report.checks.find((c: { gate: string }) => c.gate === 'iam').status).toBe('fail');
  });

  it('SIGINT during an attempt prints what is known so far and exits 130', async () => {
    const run = await interrupt(findScenario('hanging-endpoint')!, '400,800', 'SIGINT', () => emulator!.requests.some((r) => r.operation === 'Converse'));
    expect(run.code, run.stderr).toBe(130);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ interrupted: true, exitCode: 130, attempts: 1 });
    expect(report.checks.find((c: { gate: string }) => c.gate === 'credentials').status).toBe('pass');
  });
});

/**
 * Interruption: Ctrl-C (SIGINT) and SIGTERM stop a run in a pipeline, print what is known so far
 * (JSON: "interrupted": true) and exit with the conventional code, 130 or 143. The run is the
 * built CLI against a hanging emulator on 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { BIN } from './cli.js';
import { reportOf } from '../schemas.js';

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

/** Starts a check that hangs on Converse, sends `signal` once the calls are in flight, and collects the result. */
async function interrupted(signal: NodeJS.Signals, format: 'json' | 'human'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const scenario = findScenario('hanging-endpoint')!;
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-signal-'));
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  const child = spawn(process.execPath, [BIN, 'check', ...scenarioArgs(scenario), '--format', format], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // Wait until the Converse call is waiting on the emulator, so the run is truly in flight.
  const deadline = Date.now() + 10_000;
  while (!emulator.requests.some((r) => r.operation === 'Converse') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill(signal);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('interruption in a pipeline', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s prints the JSON known so far, marked interrupted, and exits %i', async (signal, code) => {
    const run = await interrupted(signal, 'json');
    expect(run.code, run.stderr).toBe(code);
    const report = reportOf(run.stdout);
    expect(report).toMatchObject({ interrupted: true, ready: false, exitCode: code });
    expect(report.checks.find((c: { gate: string }) => c.gate === 'credentials').status).toBe('pass');
  });

  it('SIGINT on the human report says it was interrupted', async () => {
    const run = await interrupted('SIGINT', 'human');
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/Interrupted: these are the results known so far\./);
  });
});

/** A real terminal: util-linux `script` gives the CLI a pseudo-terminal, so the spinner runs. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.runIf(hasScript)('interruption on a terminal', () => {
  it('Ctrl-C while the spinner shows raises SIGINT: the report so far, exit 130', async () => {
    const scenario = findScenario('hanging-endpoint')!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-pty-'));
    const env: Record<string, string> = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), TERM: 'xterm' };
    delete env.NO_COLOR;
    const command = [process.execPath, BIN, 'check', ...scenarioArgs(scenario)].join(' ');
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => (screen += d));
    const deadline = Date.now() + 10_000;
    while (!emulator.requests.some((r) => r.operation === 'Converse') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    child.stdin.write('\x03'); // the byte a terminal sends for Ctrl-C
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(screen).toMatch(/Interrupted: these are the results known so far\./);
  });

  it('the spinner names the call it waits on, its Region and its time', async () => {
    const scenario = findScenario('hanging-endpoint')!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-pty-'));
    const env: Record<string, string> = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), TERM: 'xterm' };
    delete env.NO_COLOR;
    delete env.CI;
    const command = [process.execPath, BIN, 'check', ...scenarioArgs(scenario)].join(' ');
    const child = spawn('script', ['-qfec', `stty cols 120 rows 30; ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => (screen += d));
    const waiting = /waiting on bedrock-runtime Converse in us-east-1 \(\d+ s\)/;
    const deadline = Date.now() + 15_000;
    while (!waiting.test(screen) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.write('\x03');
    await new Promise((resolve) => child.on('close', resolve));
    expect(screen).toMatch(waiting);
  });
});


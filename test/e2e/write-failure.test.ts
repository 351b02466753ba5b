import { fileURLToPath } from 'node:url';
/**
 * A report that cannot be written is a failure, never a silent success: a CI gate reading the
 * exit code must not pass when stdout is full or closed.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { BIN, STACK_TRACE } from './cli.js';

let emulator: Emulator;
let home: string;
let env: Record<string, string>;
const scenario = findScenario('healthy')!;
beforeAll(async () => {
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-full-'));
  env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
});
afterAll(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

/** Runs the CLI with stdout on /dev/full (every write fails with ENOSPC). */
function toFullDisk(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', full, 'pipe'] });
  closeSync(full);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe.runIf(existsSync('/dev/full'))('stdout that cannot be written', () => {
  it.each([
    [['check', ...scenarioArgs(scenario), '--json']],
    [['check', ...scenarioArgs(scenario)]],
    [['explain', 'ExpiredTokenException: The security token included in the request is expired', '--json']],
    [['policy', '--model', 'amazon.nova-lite-v1:0', '--region', 'us-east-1']],
    [['policy', 'lint', fileURLToPath(new URL('../fixtures/policies/converse-actions.json', import.meta.url))]],
    [['models', '--region', 'us-east-1', '--json']],
    [['demo', 'healthy', '--json']],
  ])('%j: one line on stderr, exit 2, no stack trace', async (args) => {
    const run = await toFullDisk(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bedrock-doctor: cannot write the report to stdout: ENOSPC$/m);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

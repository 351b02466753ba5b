/**
 * The config file end to end: the built CLI, run in a directory holding the file, against the
 * emulator. Flags override the file; the report names the file; a broken file exits 2 before
 * any AWS call, in one line naming the file and the place.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { BIN, STACK_TRACE, type CliRun } from './cli.js';

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Runs `check` with the working directory `home`, where the test wrote its config file. */
async function checkIn(scenarioName: string, files: Record<string, string>, args: string[]): Promise<CliRun> {
  const scenario = findScenario(scenarioName)!;
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-config-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(home, name), text);
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const CONFIG = JSON.stringify({ regions: ['us-west-2'], models: [MODEL], failOn: ['inconclusive'] }, null, 2);

describe('check with a config file', () => {
  it('takes its targets and options from bedrock-doctor.config.json, and says so', async () => {
    const run = await checkIn('throttled-invoke', { 'bedrock-doctor.config.json': CONFIG }, ['--json']);
    const report = JSON.parse(run.stdout);
    expect(report.targets.map(({ region, model }: { region: string; model: string }) => ({ region, model }))).toEqual([{ region: 'us-west-2', model: MODEL }]);
    expect(report.configFile).toBe('bedrock-doctor.config.json');
    // failOn: ["inconclusive"] makes the throttled call exit 1 instead of 3.
    expect(run.code, run.stderr).toBe(1);
  });

  it('flags override the file', async () => {
    const run = await checkIn('throttled-invoke', { 'bedrock-doctor.config.json': CONFIG }, ['--json', '--region', 'us-east-1', '--fail-on', 'pending']);
    const report = JSON.parse(run.stdout);
    expect(report.targets.map(({ region, model }: { region: string; model: string }) => ({ region, model }))).toEqual([{ region: 'us-east-1', model: MODEL }]);
    expect(run.code, run.stderr).toBe(3);
  });

  it('the human report names the file', async () => {
    const run = await checkIn('healthy', { 'package.json': JSON.stringify({ name: 'app', 'bedrock-doctor': { regions: 'us-east-1', models: MODEL } }) }, []);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Settings from package\.json \(flags override it\)\.\n/);
  });

  it.each([
    ['a malformed file', '{\n  "regions": ["us-east-1"]\n  "models": []\n}', /^bedrock-doctor: bedrock-doctor\.config\.json:3:3: not valid JSON \(comma expected\)\n$/],
    ['an unknown key', '{\n  "models": ["x.y"],\n  "expect_account": "111122223333"\n}', /^bedrock-doctor: bedrock-doctor\.config\.json:3:3: unknown key "expect_account" \(did you mean "expectAccount"\?\)\n$/],
  ])('%s exits 2 in one line naming the file, before any AWS call', async (_case, text, message) => {
    const run = await checkIn('healthy', { 'bedrock-doctor.config.json': text }, ['--region', 'us-east-1', '--model', MODEL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(emulator!.requests).toEqual([]);
  });

  it('--config names another file; a missing one exits 2', async () => {
    const ok = await checkIn('healthy', { 'ci.json': JSON.stringify({ regions: ['us-east-1'], models: [MODEL] }) }, ['--config', 'ci.json', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).configFile).toBe('ci.json');
    await emulator!.close();
    await rm(home!, { recursive: true, force: true });
    const missing = await checkIn('healthy', {}, ['--config', 'nope.json', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('bedrock-doctor: --config nope.json: no such file\n');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { SCENARIOS, applyEnvironment, findScenario, scenarioArgs, scenarioEnvironment, startEmulator } from '../sandbox/index.js';
import { emit, parseFormat, type Io } from './io.js';

export interface DemoFlags {
  list?: boolean;
  format?: string;
  json?: boolean;
  verbose?: boolean;
}

function listScenarios(io: Io, format: string): Promise<void> {
  if (format === 'json') {
    const list = SCENARIOS.map(({ name, title, gate, exitCode }) => ({ name, title, gate, exitCode }));
    return emit(io, JSON.stringify(list, null, 2) + '\n', {});
  }
  const width = Math.max(...SCENARIOS.map((s) => s.name.length));
  const lines = SCENARIOS.map((s) => `  ${s.name.padEnd(width)}  ${(s.gate ?? 'ready').padEnd(14)} exit ${s.exitCode}  ${s.title}`);
  return emit(io, `Scenarios (bedrock-doctor demo <name>):\n${lines.join('\n')}\n`, {});
}

/**
 * demo: the real check pipeline (same code, real SDK clients over HTTP) against the local
 * emulator, started in-process on 127.0.0.1 with a scenario. The user's own AWS settings are
 * set aside for the run, so nothing reaches AWS.
 */
export async function demoCommand(name: string, flags: DemoFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, ['human', 'json', 'markdown']);
  if (flags.list) {
    await listScenarios(io, format);
    return 0;
  }
  const scenario = findScenario(name);
  if (!scenario) throw new UsageError(`no scenario "${name}"; see bedrock-doctor demo --list`);

  const home = await mkdtemp(join(tmpdir(), 'bedrock-doctor-demo-'));
  const emulator = await startEmulator(scenario);
  let restore: (() => void) | undefined;
  try {
    const env = await scenarioEnvironment(scenario, emulator, { home });
    // Colour and CI follow the user's terminal, not the scenario.
    delete env.NO_COLOR;
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED']) if (io.env[key] !== undefined) env[key] = io.env[key]!;
    restore = applyEnvironment(env);
    if (format === 'human') io.stderr.write(`Scenario ${scenario.name}: ${scenario.title}\n(local AWS emulator at ${emulator.url}; nothing is sent to AWS)\n\n`);
    const { main } = await import('../cli.js');
    const args = [...scenarioArgs(scenario), '--format', format, ...(flags.verbose ? ['--verbose'] : [])];
    return await main(['node', 'bedrock-doctor', 'check', ...args], { ...io, env: process.env });
  } finally {
    restore?.();
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
}

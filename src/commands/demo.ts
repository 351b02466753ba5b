import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';
import { nearestName } from '../vocabulary/nearest-name.js';
import { SCENARIOS, findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Scenario } from '../sandbox/index.js';
import { chooseFormat, COMMAND_FORMATS, emit, useColor, writeOut, type Format, type Io } from './io.js';

interface DemoFlags {
  list?: boolean;
  format?: string;
  output?: string;
  strict?: boolean;
  json?: boolean;
  verbose?: boolean;
}

/** The nearest scenario name to a typo, as commander suggests commands. */
function didYouMean(name: string): string {
  const nearest = nearestName(name.toLowerCase(), SCENARIOS.map((s) => s.name));
  return nearest ? ` (did you mean ${nearest}?)` : '';
}

/** The CLI as the user runs it. */
const BIN = fileURLToPath(new URL('bin/bedrock-doctor.js', PACKAGE_ROOT));

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
 * Runs `bedrock-doctor check` in a child process whose environment is the scenario's alone.
 * The AWS SDK reads process.env itself (credential chain, AWS_ENDPOINT_URL_*, the bearer
 * token, the SSO cache under HOME), so a child is the one way to give a run its own
 * environment without touching the user's. The child runs in its own process group, and the
 * demo hands it each Ctrl-C or SIGTERM once, so it reports what it knows; the demo waits for it.
 */
/** What the demo passes on to check: the same output flags mean the same there. */
interface PassedOn {
  format: Format;
  file?: string;
  verbose: boolean;
  strict: boolean;
}

function runCheck(scenario: Scenario, env: Record<string, string>, passed: PassedOn, io: Io): Promise<number> {
  const args = [
    BIN, 'check', ...scenarioArgs(scenario), '--format', passed.format,
    ...(passed.file ? ['--output', passed.file] : []), ...(passed.verbose ? ['--verbose'] : []), ...(passed.strict ? ['--strict'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // The report is written as it comes; a stdout that fails is reported once the child is done.
    let written: Promise<void> = Promise.resolve();
    let writeFailure: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      written = written.then(() => (writeFailure ? undefined : writeOut(io.stdout, chunk))).catch((error: unknown) => void (writeFailure ??= error));
    });
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      void written.then(() => (writeFailure ? reject(writeFailure) : resolve(code ?? 3)));
    });
  });
}

/**
 * demo: the real check (the same CLI, real SDK clients over HTTP) against the local emulator,
 * started in-process on 127.0.0.1 with a scenario. Nothing reaches AWS.
 */
export async function demoCommand(name: string, flags: DemoFlags, io: Io): Promise<number> {
  const { format, file } = chooseFormat(flags, COMMAND_FORMATS.demo);
  if (flags.list) {
    await listScenarios(io, format);
    return 0;
  }
  const scenario = findScenario(name);
  if (!scenario) throw new UsageError(`no scenario "${name.slice(0, 60)}"${didYouMean(name)}; see bedrock-doctor demo --list`);

  const home = await mkdtemp(join(tmpdir(), 'bedrock-doctor-demo-'));
  const emulator = await startEmulator(scenario);
  try {
    const env = await scenarioEnvironment(scenario, emulator, { home, inherit: io.env });
    // Colour and CI follow the user's terminal, not the scenario.
    delete env.NO_COLOR;
    if (useColor(io)) env.FORCE_COLOR = '1';
    else env.NO_COLOR = '1';
    for (const key of ['TERM', 'CI', 'COLUMNS', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED']) if (io.env[key] !== undefined) env[key] = io.env[key]!;
    if (format === 'human') io.stderr.write(`Scenario ${scenario.name}: ${scenario.title}\n(local AWS emulator at ${emulator.url}; nothing is sent to AWS)\n\n`);
    return await runCheck(scenario, env, { format, file, verbose: Boolean(flags.verbose), strict: Boolean(flags.strict) }, io);
  } finally {
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
}

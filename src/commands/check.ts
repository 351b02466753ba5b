import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { planDoctor, runPlan, type DoctorSettings } from '../api/plan-and-run.js';
import { runPlanUntilReady } from '../api/plan-and-run.js';
import { UsageError } from '../errors.js';
import type { Gate } from '../types.js';
import { SIGNAL_EXIT } from '../pipeline/result.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import { failingStatuses } from '../report/json.js';
import { withRunContext } from '../report/run-context.js';
import { loadConfig, type LoadedConfig } from './config-file.js';
import { inGitHubActions, writeGitHubOutputs } from './github-actions.js';
import { chooseFormat, COMMAND_FORMATS, emit, terminalWidth, useColor, type Io } from './io.js';
import { startProgress } from './progress.js';
import { progressLine, waitSettings } from './wait.js';

interface CheckFlags {
  region?: string[];
  model?: string[];
  profile?: string;
  /** false only with --no-invoke. */
  invoke: boolean;
  allowSubscribe?: boolean;
  stream?: boolean;
  format?: string;
  json?: boolean;
  output?: string;
  /** Seconds; default 60 (or the config file's). */
  timeout?: string;
  redact?: boolean;
  expectAccount?: string;
  strict?: boolean;
  failOn?: string;
  wait?: string;
  config?: string;
  jsonFile?: string;
  verbose?: boolean;
  from?: string;
  only?: string;
  listChecks?: boolean;
}

/** The options of the run: each flag given on the command line, else the config file's value. */
function doctorOptions(flags: CheckFlags, { config }: LoadedConfig, env: NodeJS.ProcessEnv, signal: AbortSignal): DoctorSettings {
  if (flags.timeout !== undefined && !/^\d+(\.\d+)?$/.test(flags.timeout.trim())) throw new UsageError(`--timeout "${flags.timeout}" is not a number of seconds`);
  return {
    regions: flags.region?.length ? flags.region : (config.regions ?? []),
    models: flags.model?.length ? flags.model : (config.models ?? []),
    profile: flags.profile,
    invoke: flags.invoke === false ? false : (config.invoke ?? true),
    allowSubscribe: flags.allowSubscribe ?? config.allowSubscribe ?? false,
    expectAccount: flags.expectAccount ?? config.expectAccount,
    stream: flags.stream ?? config.stream ?? false,
    timeout: flags.timeout !== undefined ? Number(flags.timeout) : (config.timeout ?? 60),
    strict: flags.strict ?? config.strict ?? false,
    failOn: flags.failOn !== undefined ? parseFailOn(flags.failOn) : config.failOn,
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.only !== undefined ? { only: flags.only.split(',') as Gate[] } : {}),
    env,
    signal,
  };
}

/** A bad --output path is a usage error before the run, not after it. */
async function assertWritable(file: string, flag = '--output'): Promise<void> {
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`);
  }
}

/** The report as YAML (the AWS CLI's --output yaml), loaded only when asked for. */
async function yamlText(report: object): Promise<string> {
  // The package's Node build is CommonJS: imported, its functions sit under `default`.
  return (await import('yaml')).default.stringify(report);
}

/** The command line as typed, for a ticket (the report's redaction and scrubbing apply to it). */
function commandLine(io: Io): string[] {
  return io.argv ?? ['bedrock-doctor', 'check'];
}

/** check: plan the matrix, run every gate, render, and return the exit code. */
export async function checkCommand(flags: CheckFlags, io: Io): Promise<number> {
  const { format, file } = chooseFormat(flags, COMMAND_FORMATS.check);
  if (flags.listChecks) {
    const { gateListing, renderGateList } = await import('../report/gate-list.js');
    await emit(io, format === 'json' ? JSON.stringify(gateListing(), null, 2) + '\n' : renderGateList(), { output: file });
    return 0;
  }
  // The first Ctrl-C or SIGTERM stops the run and prints what is known; a second Ctrl-C exits at once.
  const interrupt = new AbortController();
  const config = await loadConfig(flags.config, process.cwd());
  const options = doctorOptions(flags, config, io.env, interrupt.signal);
  const wait = waitSettings(flags.wait, io.env);
  const plan = await planDoctor(options);
  if (file) await assertWritable(file);
  if (flags.jsonFile) await assertWritable(flags.jsonFile, '--json-file');
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line
  // arithmetic divide by zero, so it gets no spinner either.
  const interactive =
    format === 'human' && Boolean(io.stderr.isTTY) && ((io.stderr as { columns?: number }).columns ?? 0) > 0 && !io.env.CI && !file;
  const progress = interactive ? await startProgress(io, plan.targets.length * plan.gates.length) : null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) {
      if (signal === 'SIGINT') process.exit(SIGNAL_EXIT.SIGINT);
      return;
    }
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const onAttempt = (step: Parameters<typeof progressLine>[0]) => {
      if (interrupt.signal.aborted) return;
      const line = progressLine(step, wait?.waitMs ?? 0);
      // The next attempt checks only the targets not ready.
      if (progress) progress.nextAttempt(line, step.notReady.length * plan.gates.length);
      else io.stderr.write(line);
    };
    const hooks = progress?.hooks ?? {};
    const checked = wait ? await runPlanUntilReady(plan, options, { ...wait, onAttempt }, hooks) : await runPlan(plan, options, hooks);
    progress?.stop();
    const { run } = checked;
    // The time a person waited: from the process's start, loading included. The config file is
    // named only when one was read: without one the report is the library's, unchanged.
    const report = { ...checked.report, durationMs: Math.round(performance.now()), ...(config.file ? { configFile: config.file } : {}) };
    const strict = failingStatuses(options).includes('warn');
    // Each renderer loads only when its format is asked for, after the checks: none delays their requests.
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'yaml'
          ? await yamlText(report)
          : format === 'markdown'
            ? (await import('../report/markdown.js')).renderMarkdown(report, { command: commandLine(io), generatedAt: new Date() })
            : (await import('../report/human.js')).renderHuman(report, run.checks, { color: useColor(io) && !file, verbose: Boolean(flags.verbose), strict, width: terminalWidth(io, file) });
    await emit(io, withRunContext(text, format, report), { redact: flags.redact, output: file });
    // The report went to a file: the terminal still gets the verdict, in one line.
    if (file) io.stderr.write(`${(await import('../report/human.js')).verdictLine(report)} Report written to ${file}.\n`);
    if (flags.jsonFile) await emit(io, JSON.stringify(report, null, 2) + '\n', { redact: flags.redact, output: flags.jsonFile });
    if (inGitHubActions(io.env)) {
      const annotationsOn = format === 'human' && !file ? 'stdout' : 'stderr';
      await writeGitHubOutputs(io, report, { failOn: failingStatuses(options), redact: flags.redact, annotationsOn });
    }
    return report.exitCode;
  } finally {
    progress?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

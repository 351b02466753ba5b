import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { planDoctor, runPlan, type DoctorSettings } from '../api/plan-and-run.js';
import { runPlanUntilReady } from '../api/wait-for-ready.js';
import { UsageError } from '../errors.js';
import type { Gate } from '../types.js';
import { gateListing, renderGateList } from '../report/gate-list.js';
import { renderHuman } from '../report/human.js';
import { SIGNAL_EXIT } from '../pipeline/result.js';
import { renderMarkdown } from '../report/markdown.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import { failingStatuses } from '../report/json.js';
import { withRunContext } from '../report/run-context.js';
import { loadConfig, type LoadedConfig } from './config-file.js';
import { inGitHubActions, writeGitHubOutputs } from './github-actions.js';
import { emit, COMMAND_FORMATS, parseFormat, useColor, type Io } from './io.js';
import { progressLine, waitSettings } from './wait.js';

interface CheckFlags {
  region: string[];
  model: string[];
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
    regions: flags.region.length > 0 ? flags.region : (config.regions ?? []),
    models: flags.model.length > 0 ? flags.model : (config.models ?? []),
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

/** check: plan the matrix, run every gate, render, and return the exit code. */
export async function checkCommand(flags: CheckFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS.check);
  if (flags.listChecks) {
    await emit(io, format === 'json' ? JSON.stringify(gateListing(), null, 2) + '\n' : renderGateList(), { output: flags.output });
    return 0;
  }
  // The first Ctrl-C or SIGTERM stops the run and prints what is known; a second Ctrl-C exits at once.
  const interrupt = new AbortController();
  const config = await loadConfig(flags.config, process.cwd());
  const options = doctorOptions(flags, config, io.env, interrupt.signal);
  const wait = waitSettings(flags.wait, io.env);
  const plan = await planDoctor(options);
  if (flags.output) await assertWritable(flags.output);
  if (flags.jsonFile) await assertWritable(flags.jsonFile, '--json-file');
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line
  // arithmetic divide by zero, so it gets no spinner either.
  const interactive =
    format === 'human' && Boolean(io.stderr.isTTY) && ((io.stderr as { columns?: number }).columns ?? 0) > 0 && !io.env.CI && !flags.output;
  // The spinner is for a person at a terminal: loaded only then.
  const spinner = interactive
    ? // ora would put the terminal in raw mode to discard typing, which swallows Ctrl-C.
      (await import('ora')).default({ text: `Checking ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'}…`, stream: io.stderr, color: 'cyan', discardStdin: false }).start()
    : null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) {
      if (signal === 'SIGINT') process.exit(SIGNAL_EXIT.SIGINT);
      return;
    }
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let done = 0;
  let total = plan.targets.length * plan.gates.length;
  try {
    const onCheck = () => {
      done++;
      if (spinner) spinner.text = `Checking… ${done}/${total}`;
    };
    const onAttempt = (progress: Parameters<typeof progressLine>[0]) => {
      if (interrupt.signal.aborted) return;
      spinner?.clear();
      io.stderr.write(progressLine(progress, wait?.waitMs ?? 0));
      // The next attempt checks only the targets not ready.
      done = 0;
      total = progress.notReady.length * plan.gates.length;
      if (spinner && progress.nextInMs !== null) spinner.text = `Waiting for attempt ${progress.attempt + 1}…`;
    };
    const checked = wait
      ? await runPlanUntilReady(plan, options, { ...wait, onAttempt }, { onCheck })
      : await runPlan(plan, options, { onCheck });
    const { run } = checked;
    // Named only when one was read: without a file the report is the library's, unchanged.
    const report = config.file ? { ...checked.report, configFile: config.file } : checked.report;
    const strict = failingStatuses(options).includes('warn');
    spinner?.stop();
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'markdown'
          ? renderMarkdown(report)
          : renderHuman(report, run.checks, { color: useColor(io) && !flags.output, verbose: Boolean(flags.verbose), strict });
    await emit(io, withRunContext(text, format, report), { redact: flags.redact, output: flags.output });
    if (flags.jsonFile) await emit(io, JSON.stringify(report, null, 2) + '\n', { redact: flags.redact, output: flags.jsonFile });
    if (inGitHubActions(io.env)) {
      const annotationsOn = format === 'human' && !flags.output ? 'stdout' : 'stderr';
      await writeGitHubOutputs(io, report, { failOn: failingStatuses(options), redact: flags.redact, annotationsOn });
    }
    return report.exitCode;
  } finally {
    spinner?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

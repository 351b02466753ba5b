import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { planDoctor, runPlan, type DoctorSettings } from '../api/run-doctor.js';
import { UsageError } from '../errors.js';
import { GATES } from '../types.js';
import { renderHuman, verdictLine } from '../report/human.js';
import { SIGNAL_EXIT } from '../pipeline/result.js';
import { renderMarkdown } from '../report/markdown.js';
import { chooseFormat, emit, terminalWidth, useColor, type Io } from './io.js';
import { startProgress } from './progress.js';

interface CheckFlags {
  region?: string[];
  model?: string[];
  profile?: string;
  invoke: boolean;
  allowSubscribe?: boolean;
  stream?: boolean;
  format?: string;
  json?: boolean;
  output?: string;
  timeout?: string;
  redact?: boolean;
  expectAccount?: string;
  strict?: boolean;
  verbose?: boolean;
}

function doctorOptions(flags: CheckFlags, env: NodeJS.ProcessEnv, signal: AbortSignal): DoctorSettings {
  if (!/^\d+(\.\d+)?$/.test((flags.timeout ?? '60').trim())) throw new UsageError(`--timeout "${flags.timeout}" is not a number of seconds`);
  return {
    regions: flags.region ?? [],
    models: flags.model ?? [],
    profile: flags.profile,
    invoke: flags.invoke,
    allowSubscribe: Boolean(flags.allowSubscribe),
    expectAccount: flags.expectAccount,
    stream: Boolean(flags.stream),
    timeout: Number(flags.timeout ?? '60'),
    strict: Boolean(flags.strict),
    env,
    signal,
  };
}

/** A bad --output path is a usage error before the run, not after it. */
async function assertWritable(file: string): Promise<void> {
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch (error) {
    throw new UsageError(`cannot write --output ${file}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`);
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
  const { format, file } = chooseFormat(flags, ['human', 'json', 'markdown', 'yaml']);
  // The first Ctrl-C or SIGTERM stops the run and prints what is known; a second Ctrl-C exits at once.
  const interrupt = new AbortController();
  const options = doctorOptions(flags, io.env, interrupt.signal);
  const plan = await planDoctor(options);
  if (file) await assertWritable(file);
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line
  // arithmetic divide by zero, so it gets no spinner either.
  const interactive =
    format === 'human' && Boolean(io.stderr.isTTY) && ((io.stderr as { columns?: number }).columns ?? 0) > 0 && !io.env.CI && !file;
  const progress = interactive ? await startProgress(io, plan.targets.length * GATES.length) : null;
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
    const { run, report: built } = await runPlan(plan, options, progress?.hooks ?? {});
    progress?.stop();
    // The time a person waited: from the process's start, loading included.
    const report = { ...built, durationMs: Math.round(performance.now()) };
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'yaml'
          ? await yamlText(report)
          : format === 'markdown'
            ? renderMarkdown(report, { command: commandLine(io), generatedAt: new Date() })
            : renderHuman(report, run.checks, { color: useColor(io) && !file, verbose: Boolean(flags.verbose), strict: Boolean(flags.strict), width: terminalWidth(io, file) });
    await emit(io, text, { redact: flags.redact, output: file });
    // The report went to a file: the terminal still gets the verdict, in one line.
    if (file) io.stderr.write(`${verdictLine(report)} Report written to ${file}.\n`);
    return report.exitCode;
  } finally {
    progress?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

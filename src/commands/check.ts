import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { planDoctor, runPlan, type DoctorSettings } from '../api/plan-and-run.js';
import { UsageError } from '../errors.js';
import type { Gate } from '../types.js';
import { gateListing, renderGateList } from '../report/gate-list.js';
import { renderHuman } from '../report/human.js';
import { SIGNAL_EXIT } from '../pipeline/result.js';
import { renderMarkdown } from '../report/markdown.js';
import { emit, COMMAND_FORMATS, parseFormat, useColor, type Io } from './io.js';

interface CheckFlags {
  region: string[];
  model: string[];
  profile?: string;
  invoke: boolean;
  allowSubscribe?: boolean;
  stream?: boolean;
  format?: string;
  json?: boolean;
  output?: string;
  timeout: string;
  redact?: boolean;
  expectAccount?: string;
  strict?: boolean;
  verbose?: boolean;
  from?: string;
  only?: string;
  listChecks?: boolean;
}

function doctorOptions(flags: CheckFlags, env: NodeJS.ProcessEnv, signal: AbortSignal): DoctorSettings {
  if (!/^\d+(\.\d+)?$/.test(flags.timeout.trim())) throw new UsageError(`--timeout "${flags.timeout}" is not a number of seconds`);
  return {
    regions: flags.region,
    models: flags.model,
    profile: flags.profile,
    invoke: flags.invoke,
    allowSubscribe: Boolean(flags.allowSubscribe),
    expectAccount: flags.expectAccount,
    stream: Boolean(flags.stream),
    timeout: Number(flags.timeout),
    strict: Boolean(flags.strict),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.only !== undefined ? { only: flags.only.split(',') as Gate[] } : {}),
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

/** check: plan the matrix, run every gate, render, and return the exit code. */
export async function checkCommand(flags: CheckFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS.check);
  if (flags.listChecks) {
    await emit(io, format === 'json' ? JSON.stringify(gateListing(), null, 2) + '\n' : renderGateList(), { output: flags.output });
    return 0;
  }
  // The first Ctrl-C or SIGTERM stops the run and prints what is known; a second Ctrl-C exits at once.
  const interrupt = new AbortController();
  const options = doctorOptions(flags, io.env, interrupt.signal);
  const plan = await planDoctor(options);
  if (flags.output) await assertWritable(flags.output);
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
  const total = plan.targets.length * plan.gates.length;
  try {
    const { run, report } = await runPlan(plan, options, {
      onCheck: () => {
        done++;
        if (spinner) spinner.text = `Checking… ${done}/${total}`;
      },
    });
    spinner?.stop();
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'markdown'
          ? renderMarkdown(report)
          : renderHuman(report, run.checks, { color: useColor(io) && !flags.output, verbose: Boolean(flags.verbose), strict: Boolean(flags.strict) });
    await emit(io, text, { redact: flags.redact, output: flags.output });
    return report.exitCode;
  } finally {
    spinner?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

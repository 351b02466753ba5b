import type { Plan } from '../pipeline/plan.js';
import type { RunDependencies } from '../pipeline/run.js';
import { exitCodeOf } from '../pipeline/result.js';
import { checkUntilReady, type AttemptProgress, type Backoff } from '../pipeline/wait.js';
import { buildReport, failingStatuses, type JsonReport } from '../report/json.js';
import { planDoctor, runPlan, type DoctorRun, type DoctorSettings } from './plan-and-run.js';
import type { DoctorOptions } from './options.js';

/** How long to wait for access that is still taking effect. */
export interface WaitOptions {
  /** Keep re-checking the targets that are not ready for this long (ms) from the first attempt. */
  waitMs: number;
  /** Default: first retry after 12 s, growing 1.5 times up to once a minute. */
  backoff?: Backoff;
  /** Called after each attempt: the targets not ready yet, and when the next attempt comes. */
  onAttempt?: (progress: AttemptProgress) => void;
}

/**
 * Runs a plan, then re-runs its targets that are not ready until all are or the wait runs out.
 * The report holds each target's last attempt, with `attempts` and `waitedMs`. The options'
 * signal stops it between attempts too.
 */
export async function runPlanUntilReady(
  plan: Plan,
  options: DoctorSettings,
  wait: WaitOptions,
  deps: Partial<Omit<RunDependencies, 'env' | 'signal' | 'clients'>> = {},
): Promise<DoctorRun> {
  const reportOptions = { strict: Boolean(options.strict), failOn: options.failOn };
  const failOn = failingStatuses(reportOptions);
  const result = await checkUntilReady(
    plan,
    // The wait is the retry: a Converse call is made once per target per attempt.
    async (attemptPlan) => (await runPlan(attemptPlan, options, { ...deps, invokeMaxAttempts: 1 })).run,
    { waitMs: wait.waitMs, backoff: wait.backoff, signal: options.signal, onAttempt: wait.onAttempt, isReady: (checks) => exitCodeOf(checks, failOn) === 0 },
  );
  return { run: result.run, report: { ...buildReport(result.run, reportOptions), attempts: result.attempts, waitedMs: result.waitedMs } };
}

/** `runDoctor` that waits for access still taking effect: for a deploy that has just granted it. */
export async function runDoctorUntilReady(options: DoctorOptions, wait: WaitOptions): Promise<JsonReport> {
  return (await runPlanUntilReady(await planDoctor(options), options, wait)).report;
}

import { planCheck, type Plan } from '../pipeline/plan.js';
import { runCheck, type RunDependencies } from '../pipeline/run.js';
import type { RunResult } from '../pipeline/result.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import { buildReport, failingStatuses, type JsonReport } from '../report/json.js';
import type { AwsClients } from '../aws/clients.js';
import type { DoctorOptions, WaitOptions } from './options.js';
import { exitCodeOf } from '../pipeline/result.js';
import { checkUntilReady } from '../pipeline/wait.js';

/**
 * The CLI's options: also the environment its Io carries. The library reads process.env, as the
 * SDK's credential chain does, so the two always agree.
 */
export interface DoctorSettings extends DoctorOptions {
  env?: NodeJS.ProcessEnv;
}

/** The run behind a report: the CLI renders from both. */
export interface DoctorRun {
  run: RunResult;
  report: JsonReport;
}

/** Checks every option and plans the Region x model matrix; bad options throw a UsageError before any AWS call. */
export async function planDoctor(options: DoctorSettings): Promise<Plan> {
  // A caller of the library may pass any words: checked here, before any AWS call.
  if (options.failOn) parseFailOn(options.failOn, 'failOn');
  return planCheck(
    {
      regions: options.regions ?? [],
      models: options.models,
      profile: options.profile,
      noInvoke: options.invoke === false,
      allowSubscribe: Boolean(options.allowSubscribe),
      expectAccount: options.expectAccount,
      stream: Boolean(options.stream),
      timeoutSeconds: options.timeout ?? 60,
      only: options.only,
      ...(options.from !== undefined ? { from: options.from } : {}),
    },
    options.env ?? process.env,
  );
}

/** Runs every gate of a plan and builds the report. */
export async function runPlan(plan: Plan, options: DoctorSettings, deps: Partial<Omit<RunDependencies, 'env' | 'signal' | 'clients'>> = {}): Promise<DoctorRun> {
  // DoctorClients is AwsClients typed loosely for the published types (see api/options.ts).
  const run = await runCheck(plan, { ...deps, env: options.env ?? process.env, signal: options.signal, clients: options.clients as AwsClients | undefined });
  return { run, report: buildReport(run, { strict: Boolean(options.strict), failOn: options.failOn }) };
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

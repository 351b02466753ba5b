import { planCheck, type Plan } from '../pipeline/plan.js';
import { runCheck, type RunDependencies } from '../pipeline/run.js';
import type { FailOnStatus, RunResult } from '../pipeline/result.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import { buildReport, type JsonReport } from '../report/json.js';
import type { AwsClients } from '../aws/clients.js';

/** What a preflight asks: the same choices as `check`'s flags, as values. */
export interface DoctorOptions {
  /** Model ids, inference profile ids or ARNs. */
  models: string[];
  /** Regions; default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. */
  regions?: string[];
  /** The shared-config profile; default: AWS_PROFILE, then default. */
  profile?: string;
  /** Make the minimal Converse call (the ground truth); default true. */
  invoke?: boolean;
  /** Allow a Converse call that would subscribe the account to a Marketplace model. */
  allowSubscribe?: boolean;
  /** Also require bedrock:InvokeModelWithResponseStream (ConverseStream). */
  stream?: boolean;
  /** Fail unless the credentials belong to this 12-digit account. */
  expectAccount?: string;
  /** Time limit for the whole run, in seconds; default 60. */
  timeout?: number;
  /** Treat warnings as failures (exitCode 1): the same as `failOn: ['warn']`. */
  strict?: boolean;
  /** These statuses also make the report not ready (exitCode 1): `warn`, `inconclusive`, `pending`. */
  failOn?: readonly FailOnStatus[];
  /** Stops the run early; the report then holds what is known, with `interrupted: true`. */
  signal?: AbortSignal;
  /** AWS clients to use instead of the doctor's own (e.g. clients built on mocks). */
  clients?: AwsClients;
}

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
    },
    options.env ?? process.env,
  );
}

/** Runs every gate of a plan and builds the report. */
export async function runPlan(plan: Plan, options: DoctorSettings, deps: Partial<Omit<RunDependencies, 'env' | 'signal' | 'clients'>> = {}): Promise<DoctorRun> {
  const run = await runCheck(plan, { ...deps, env: options.env ?? process.env, signal: options.signal, clients: options.clients });
  return { run, report: buildReport(run, { strict: Boolean(options.strict), failOn: options.failOn }) };
}

/**
 * The report `check --format json` prints, as an object. It never prints and never exits: the
 * caller decides, e.g. refuses to start with `report.nextStep` in its error.
 */
export async function runDoctor(options: DoctorOptions): Promise<JsonReport> {
  return (await runPlan(await planDoctor(options), options)).report;
}

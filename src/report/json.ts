import { exitCodeOf, SIGNAL_EXIT, type ClientReport, type ExitCode, type FailOnStatus, type ReportCheck, type ReportIdentity, type RunResult } from '../pipeline/result.js';
import { FINDING_STATUSES, GATES, type Gate } from '../types.js';
import { SCHEMA_VERSION, TOOL_NAME, VERSION } from '../version.js';
import { WHO } from './words.js';
import { targetVerdict, type TargetVerdict } from './verdict.js';

/** One check as the JSON report carries it: `fix` is the text; the rest of the fix beside it. */
interface JsonCheck extends Omit<ReportCheck, 'fix'> {
  fix: string | null;
  remediation: { actor: string; commands?: string[]; policy?: unknown; docs?: string } | null;
}

export interface JsonReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  ready: boolean;
  exitCode: ExitCode;
  identity: ReportIdentity | null;
  regionSource: string;
  /** `check --from`: the client's configuration as read; absent otherwise. */
  client?: ClientReport;
  /** The gates asked for with --only, or null for every gate. */
  only: Gate[] | null;
  /** The gates this report covers, in gate order: all seven, or the selection and the gates it depends on. */
  gatesRun: Gate[];
  /** Each cell with its own verdict. */
  targets: TargetVerdict[];
  checks: JsonCheck[];
  /** The single most important next step. */
  nextStep: string | null;
  interrupted: boolean;
  durationMs: number;
  /** The config file `check` read its settings from; absent when none was read. */
  configFile?: string | null;
  /** With `--wait`: the attempts made, and the time from the first attempt's start to the last's. */
  attempts?: number;
  waitedMs?: number;
}

export interface ReportOptions {
  /** Warnings also give exit 1: the same as `failOn` with `warn`. */
  strict?: boolean;
  /** Statuses that also give exit 1 (`--fail-on`). */
  failOn?: readonly FailOnStatus[];
}

/** The statuses besides `fail` that make a run not ready. */
export function failingStatuses(options: ReportOptions): FailOnStatus[] {
  return [...new Set<FailOnStatus>([...(options.failOn ?? []), ...(options.strict ? (['warn'] as const) : [])])];
}

export function buildReport(run: RunResult, options: ReportOptions): JsonReport {
  const failOn = failingStatuses(options);
  // Interrupted: what is known so far, with the signal's conventional code.
  const exitCode = run.interruptedBy ? SIGNAL_EXIT[run.interruptedBy] : exitCodeOf(run.checks, failOn);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    ready: exitCode === 0,
    exitCode,
    identity: run.identity,
    regionSource: run.regionSource,
    ...(run.client ? { client: run.client } : {}),
    only: run.only ?? null,
    gatesRun: GATES.filter((gate) => run.checks.some((c) => c.gate === gate)),
    targets: run.targets.map((target) => targetVerdict(target, run.checks, failOn.includes('warn'))),
    checks: run.checks.map(({ fix, ...check }) => ({
      ...check,
      fix: fix?.text ?? null,
      remediation: fix ? { actor: fix.actor, commands: fix.commands, policy: fix.policy, docs: fix.docs } : null,
    })),
    nextStep: nextStep(run.checks, failOn.includes('warn')),
    interrupted: run.interrupted,
    durationMs: run.durationMs,
  };
}

/** The first finding by severity, then by gate order (the checks are already in gate order). */
export function mostImportant(checks: ReportCheck[], strict: boolean): ReportCheck | undefined {
  for (const status of FINDING_STATUSES) {
    if (status === 'warn' && !strict) break;
    const found = checks.find((c) => c.status === status && c.fix);
    if (found) return found;
  }
  return undefined;
}

function nextStep(checks: ReportCheck[], strict: boolean): string | null {
  const first = mostImportant(checks, strict);
  if (!first?.fix) return null;
  return `${first.gate} (${first.region}, ${first.model}): ${WHO.sentence[first.fix.actor]} — ${first.fix.text}`;
}

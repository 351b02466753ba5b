/** Report fixtures shared by the renderer tests: a check per gate and status, and a run of them. */
import type { ReportCheck, RunResult } from '../../../src/pipeline/result.js';
import type { Fix, Gate, Status } from '../../../src/types.js';

/** A real cause per status: the renderers print it as given. */
const CAUSE: Record<Status, ReportCheck['cause']> = {
  pass: null,
  fail: 'iam-implicit-deny',
  warn: 'lookup-unsupported',
  skip: 'blocked-by-credentials',
  inconclusive: 'lookup-denied',
  pending: 'marketplace-subscription-pending',
};

export function check(gate: Gate, status: Status, fix: Fix | null = null, extra: Partial<ReportCheck> = {}): ReportCheck {
  return { gate, status, cause: CAUSE[status], summary: `${gate} says ${status}`, fix, evidence: {}, region: 'us-east-1', model: 'amazon.nova-lite-v1:0', durationMs: 7, ...extra };
}

/** A run of these checks, its targets taken from them. */
export function run(checks: ReportCheck[], extra: Partial<RunResult> = {}): RunResult {
  const targets = [...new Map(checks.map((c) => [`${c.region}|${c.model}`, { region: c.region, model: c.model }])).values()];
  return { identity: null, targets, checks, durationMs: 42, regionSource: 'flag', interrupted: false, ...extra };
}

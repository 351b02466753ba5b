/** Each target's own verdict, so a reader (or CI) need not derive it from the checks. */

import type { ReportCheck } from '../pipeline/result.js';
import { FINDING_STATUSES, type Gate, type Status, type Target } from '../types.js';

export interface TargetVerdict extends Target {
  /** Whether this cell alone would exit 0. */
  ready: boolean;
  /** The worst status among its gates (fail, then pending, inconclusive, warn, pass). */
  status: Exclude<Status, 'skip'>;
  /** The gate at fault (the first in gate order with that status); null when every gate passed. */
  gate: Gate | null;
  cause: ReportCheck['cause'];
}

/** `warnFails`: warnings fail the run (--strict, --fail-on warn). */
export function targetVerdict(target: Target, checks: readonly ReportCheck[], warnFails: boolean): TargetVerdict {
  const own = checks.filter((c) => c.region === target.region && c.model === target.model);
  for (const status of FINDING_STATUSES) {
    const found = own.find((c) => c.status === status);
    if (found) {
      const ready = status === 'warn' && !warnFails;
      return { ...target, ready, status, gate: found.gate, cause: found.cause };
    }
  }
  // An interrupted run may hold no checks for a cell: nothing is proven there.
  if (own.length === 0) return { ...target, ready: false, status: 'inconclusive', gate: null, cause: null };
  return { ...target, ready: true, status: 'pass', gate: null, cause: null };
}

/** The run's verdict in the same words in every format: a run that could not finish its checks is not proven, not "not ready". */
export function verdictWord(run: { ready: boolean; exitCode: number }): 'ready' | 'not ready' | 'not proven' {
  return run.ready ? 'ready' : run.exitCode === 1 ? 'not ready' : 'not proven';
}

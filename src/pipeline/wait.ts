/**
 * Re-checks the targets that are not ready, with backoff, until all are or the wait runs out:
 * for pipelines that have just granted access, which AWS applies eventually (an IAM change in
 * a few minutes, a Marketplace subscription in up to 15, the Anthropic use-case form in a few).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from '../types.js';
import type { Plan } from './plan.js';
import type { AttemptProgress, Backoff, ReportCheck, RunResult } from './result.js';

export type { AttemptProgress, Backoff } from './result.js';

/** The first retry's delay, which is also the least time between two attempts, and the longest delay. */
/** First retry after 12 s, then 18, 27, 40.5 s… up to once a minute; never more often than every 10 s. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 12_000, capMs: 60_000 };
const GROWTH = 1.5;

/** The delay before retry `retry` (1 for the first). */
export function retryDelay(retry: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.capMs, Math.max(backoff.baseMs, backoff.baseMs * GROWTH ** (retry - 1)));
}

/** What one attempt showed, for progress lines. */

export interface WaitSettings {
  /** How long to keep re-checking, from the first attempt's start. */
  waitMs: number;
  backoff?: Backoff;
  /** A target is ready when its checks say so (the exit code would be 0). */
  isReady(checks: ReportCheck[]): boolean;
  /** Stops the wait, in an attempt or between two: the result so far is marked interrupted. */
  signal?: AbortSignal;
  onAttempt?(progress: AttemptProgress): void;
}

export interface WaitResult {
  /** Every target's checks from the last attempt that checked it. */
  run: RunResult;
  attempts: number;
  /** From the first attempt's start to the last attempt's start. */
  waitedMs: number;
}

const keyOf = (t: Target) => `${t.region}\u0000${t.model}`;

export async function checkUntilReady(plan: Plan, runAttempt: (plan: Plan) => Promise<RunResult>, settings: WaitSettings): Promise<WaitResult> {
  const backoff = settings.backoff ?? DEFAULT_BACKOFF;
  const started = performance.now();
  const latest = new Map<string, ReportCheck[]>();
  let pending = plan.targets;
  let attempts = 0;
  let lastStart = started;
  let run: RunResult;
  for (;;) {
    attempts++;
    lastStart = performance.now();
    // Only the targets not yet ready: each attempt makes at most one Converse call per target.
    run = await runAttempt({ ...plan, targets: pending });
    for (const target of pending) latest.set(keyOf(target), run.checks.filter((c) => c.region === target.region && c.model === target.model));
    pending = pending.filter((t) => !settings.isReady(latest.get(keyOf(t)) ?? []));
    const elapsedMs = performance.now() - started;
    const delay = retryDelay(attempts, backoff);
    const sleepMs = Math.min(delay, settings.waitMs - elapsedMs);
    // The last wait may be cut short by the deadline, never below the least time between attempts.
    const nextInMs = run.interrupted || pending.length === 0 || sleepMs < backoff.baseMs ? null : Math.round(sleepMs);
    settings.onAttempt?.({
      attempt: attempts,
      targets: plan.targets.length,
      notReady: pending.map((target) => ({ target, checks: latest.get(keyOf(target)) ?? [] })),
      nextInMs,
      elapsedMs: Math.round(elapsedMs),
    });
    if (nextInMs === null) break;
    try {
      await sleep(nextInMs, undefined, { signal: settings.signal });
    } catch {
      run = { ...run, interrupted: true, ...interruptedBy(settings.signal) };
      break;
    }
  }
  return {
    run: {
      ...run,
      targets: plan.targets.map(({ region, model }) => ({ region, model })),
      checks: plan.targets.flatMap((t) => latest.get(keyOf(t)) ?? []),
      durationMs: Math.round(performance.now() - started),
    },
    attempts,
    waitedMs: Math.round(lastStart - started),
  };
}

function interruptedBy(signal: AbortSignal | undefined): Pick<RunResult, 'interruptedBy'> {
  const reason: unknown = signal?.reason;
  return reason === 'SIGINT' || reason === 'SIGTERM' ? { interruptedBy: reason } : {};
}

/** `check --wait`: its settings from the flag (and the tests' backoff), and its progress lines. */
import { UsageError } from '../errors.js';
import type { AttemptProgress, Backoff } from '../pipeline/wait.js';
import { FINDING_STATUSES } from '../types.js';
import { formatDuration, parseDuration } from './duration.js';

export interface WaitSettings {
  waitMs: number;
  /** Undefined: the documented backoff. */
  backoff?: Backoff;
}

/**
 * --wait's duration. BEDROCK_DOCTOR_WAIT_BACKOFF_MS="base,cap" replaces the backoff, so the
 * tests of --wait need not sleep for minutes; nothing else sets it.
 */
export function waitSettings(flag: string | undefined, env: NodeJS.ProcessEnv): WaitSettings | undefined {
  if (flag === undefined) return undefined;
  const waitMs = parseDuration(flag, '--wait');
  const value = env.BEDROCK_DOCTOR_WAIT_BACKOFF_MS;
  if (!value) return { waitMs };
  const match = /^(\d+),(\d+)$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0 || Number(match[2]) < Number(match[1])) {
    throw new UsageError(`BEDROCK_DOCTOR_WAIT_BACKOFF_MS "${value.slice(0, 40)}" is not "base,cap" in milliseconds`);
  }
  return { waitMs, backoff: { baseMs: Number(match[1]), capMs: Number(match[2]) } };
}

/** "iam fail" for a target's most severe finding. */
function worst(checks: AttemptProgress['notReady'][number]['checks']): string {
  for (const status of FINDING_STATUSES) {
    const found = checks.find((c) => c.status === status);
    if (found) return `${found.gate} ${status}`;
  }
  return 'not ready';
}

/** One stderr line after each attempt of `check --wait`. */
export function progressLine(progress: AttemptProgress, waitMs: number): string {
  const { attempt, targets, notReady, nextInMs, elapsedMs } = progress;
  const head = `Attempt ${attempt}:`;
  if (notReady.length === 0) return `${head} ${targets === 1 ? 'the target is' : `all ${targets} targets are`} ready (after ${formatDuration(elapsedMs)}).\n`;
  const which = notReady
    .slice(0, 3)
    .map(({ target, checks }) => `${target.model} · ${target.region}: ${worst(checks)}`)
    .join('; ');
  const more = notReady.length > 3 ? `; ${notReady.length - 3} more` : '';
  const state = `${notReady.length} of ${targets} target${targets === 1 ? '' : 's'} not ready (${which}${more})`;
  if (nextInMs === null) return `${head} ${state}; the ${formatDuration(waitMs)} wait is over.\n`;
  return `${head} ${state}; next check in ${formatDuration(nextInMs)} (${formatDuration(Math.max(0, waitMs - elapsedMs))} of the wait left).\n`;
}

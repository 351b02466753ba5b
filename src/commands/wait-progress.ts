import type { AttemptProgress } from '../pipeline/wait.js';
import { formatDuration } from './duration.js';

const SEVERITY = ['fail', 'pending', 'inconclusive', 'warn'] as const;

/** "iam fail" for a target's most severe finding. */
function worst(checks: AttemptProgress['notReady'][number]['checks']): string {
  for (const status of SEVERITY) {
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

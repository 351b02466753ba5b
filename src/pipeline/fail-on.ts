import { UsageError } from '../errors.js';
import { FAIL_ON_STATUSES, type FailOnStatus } from './result.js';

/**
 * Reads `--fail-on warn,inconclusive` (or a list of such words): the statuses that also make a
 * run exit 1. Any case, spaces allowed; anything else is a usage error naming the word.
 */
export function parseFailOn(value: string | readonly string[], source = '--fail-on'): FailOnStatus[] {
  const words = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(',')).map((w) => w.trim().toLowerCase());
  const statuses: FailOnStatus[] = [];
  for (const word of words) {
    if (word === '') continue;
    if (!(FAIL_ON_STATUSES as readonly string[]).includes(word)) {
      throw new UsageError(`${source} "${word.slice(0, 40)}" is not one of ${FAIL_ON_STATUSES.join(', ')} (comma-separated)`);
    }
    if (!statuses.includes(word as FailOnStatus)) statuses.push(word as FailOnStatus);
  }
  return statuses;
}

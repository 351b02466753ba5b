import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped name most likely meant, or undefined when none is near enough to
 * suggest. By default a third of the name's length may be wrong (at least two edits).
 */
export function nearestName(name: string, candidates: readonly string[], maxEdits = Math.max(2, Math.floor(name.length / 3))): string | undefined {
  if (candidates.length === 0) return undefined;
  const nearest = closest(name, [...candidates]);
  return distance(name, nearest) <= maxEdits ? nearest : undefined;
}

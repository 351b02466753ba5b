import { UsageError } from '../errors.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
/** Longer than any CI job runs (GitHub Actions stops a job after 6 h): a longer wait is a typo. */
const MAX_MS = 24 * 3_600_000;

/** `90s`, `15m`, `1h`, `1m30s`, `500ms`, or a bare number of seconds, to milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const text = value.trim().toLowerCase();
  const parts = text === '' ? null : /^\d+(\.\d+)?$/.test(text) ? [[text, text, 's'] as const] : [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  // Every character must belong to a number-and-unit part: "15 minutes" or "1x" is refused.
  if (!parts || parts.map((p) => p[0]).join('') !== text) {
    throw new UsageError(`${flag} "${value.slice(0, 40)}" is not a duration such as 90s, 15m or 1h30m`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0);
  if (ms > MAX_MS) throw new UsageError(`${flag} "${value.slice(0, 40)}" is longer than 24h`);
  return Math.round(ms);
}

/** 75_000 → "1m 15s", for progress lines. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m}m` : `${m}m ${s % 60}s`;
}

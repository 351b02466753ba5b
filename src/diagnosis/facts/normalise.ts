/** Only this much of any input is ever scanned. */
export const MAX_SCAN = 64 * 1024;

/** Normalise pasted or composed text for matching. Bounded to MAX_SCAN characters. */
export function normaliseText(raw: string): string {
  let s = raw.length > MAX_SCAN ? raw.slice(0, MAX_SCAN) : raw;
  s = s
    // ANSI colour codes.
    .replace(/\u001b\[[0-9;]{0,20}[A-Za-z]/g, '')
    // Curly quotes, primes, backticks.
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/`/g, ' ')
    // Box-drawing and block characters from terminal frames.
    .replace(/[\u2500-\u259F]/g, ' ')
    // Escaped newlines/tabs inside JSON strings, and escaped quotes (any depth).
    .replace(/\\\\?[rnt](?![a-z])/g, ' ')
    .replace(/\\{1,8}"/g, '"')
    // Hard wraps inside hyphenated tokens (ARNs, model ids, URLs).
    .replace(/(\w)-[ \t]{0,200}\r?\n\s{0,200}(?=\w)/g, '$1-')
    .replace(/(\w)\r?\n[ \t]{0,200}-(?=\w)/g, '$1-')
    // Control characters, replacement characters, odd spaces.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

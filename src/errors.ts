/** Errors that end the program, caught at one boundary in cli.ts and mapped to an exit code. */

/**
 * Control characters (line breaks, terminal escapes, Unicode line separators) written as \u
 * escapes, and a length cap: a message that echoes a bad value stays one readable line.
 */
function oneLine(message: string, max = 1000): string {
  // eslint-disable-next-line no-control-regex
  const escaped = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** Bad flags or values: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(oneLine(message));
  }
}

/** The report could not be written (stdout closed or full, a full disk): one line, exit 2, never a silent success. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

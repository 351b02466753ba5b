/** Errors that end the program, caught at one boundary in cli.ts and mapped to an exit code. */

/** Bad flags or values: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The report could not be written (stdout closed or full, a full disk): one line, exit 2, never a silent success. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Errors that end the program, caught at one boundary in cli.ts and mapped to an exit code. */

/** Bad flags or values: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

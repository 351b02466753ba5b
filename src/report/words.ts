/**
 * The words and symbols every report form shares (the terminal, JSON, Markdown, GitHub), with no
 * rendering library behind them: the JSON report needs them without loading the terminal's.
 */
import type { Actor, Status } from '../types.js';

export const SYMBOLS: Record<Status, string> = { pass: '✔', fail: '✖', warn: '!', skip: '○', inconclusive: '?', pending: '…' };

/** Who must act on a fix, in the words of each place that says it. */
export const WHO = {
  /** Mid-sentence: "fix (you): …", "Fix (an administrator must act): …". */
  short: { caller: 'you', administrator: 'an administrator' },
  /** Opening a sentence: the JSON nextStep "iam (us-east-1, m): An administrator — …". */
  sentence: { caller: 'You', administrator: 'An administrator' },
  /** Leading the check report's last line: "Not ready. Next step: …". */
  nextStep: { caller: 'Next step', administrator: 'An administrator must act' },
} as const satisfies Record<string, Record<Actor, string>>;

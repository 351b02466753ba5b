/** The rendering vocabulary `check` and `explain` share, so one status looks the same everywhere. */

import { Chalk, type ChalkInstance, type ForegroundColorName } from 'chalk';
import type { Actor, Status } from '../types.js';

export const SYMBOLS: Record<Status, string> = { pass: '✔', fail: '✖', warn: '!', skip: '○', inconclusive: '?', pending: '…' };

export const COLORS = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  pending: 'cyan',
  inconclusive: 'magenta',
  skip: 'gray',
} as const satisfies Record<Status, ForegroundColorName>;

/** Colour level 1 (16 colours) or none: the caller decides (TTY, NO_COLOR, --output). */
export function chalkFor(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

export function paint(chalk: ChalkInstance, status: Status, text: string): string {
  return chalk[COLORS[status]](text);
}

/** Who must act on a fix, in the words of each place that says it. */
export const WHO = {
  /** Mid-sentence: "fix (you): …", "Fix (an administrator must act): …". */
  short: { caller: 'you', administrator: 'an administrator' },
  /** Opening a sentence: the JSON nextStep "iam (us-east-1, m): An administrator — …". */
  sentence: { caller: 'You', administrator: 'An administrator' },
  /** Leading the check report's last line: "Not ready. Next step: …". */
  nextStep: { caller: 'Next step', administrator: 'An administrator must act' },
} as const satisfies Record<string, Record<Actor, string>>;

/** Prefixes every line, so multi-line text (a policy, a message) stays under its heading. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** The rendering vocabulary `check` and `explain` share, so one status looks the same everywhere. */

import { Chalk, type ChalkInstance, type ForegroundColorName } from 'chalk';
import measure from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';
import type { Status } from '../types.js';

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

/** Prefixes every line, so multi-line text (a policy, a message) stays under its heading. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/**
 * Wraps text at word boundaries to `width` columns (ANSI colours and wide symbols measured as
 * they show), the first line after `head`, the rest under a hanging indent of `hang` spaces, so
 * a status column stays aligned.
 */
export function wrapHanging(head: string, text: string, width: number, hang = stringWidth(head)): string {
  const room = Math.max(20, width - hang);
  const pad = ' '.repeat(hang);
  // A head wider than the indent takes room on the first line only: a placeholder word holds it.
  const extra = stringWidth(head) - hang;
  // A head too wide to share its line stands alone; the text follows under the indent.
  if (extra > room / 2) return `${head.trimEnd()}\n${wrapHanging(pad, text, width, hang)}`;
  return text
    .split('\n')
    .map((paragraph, i) => {
      if (i > 0) return wrapAnsi(paragraph, room, { hard: true, trim: true }).replace(/^/gm, pad);
      // The placeholder and its space take the head's extra columns (one column less when extra is 1).
      const holder = extra > 0 ? `${'x'.repeat(Math.max(1, extra - 1))} ` : '';
      const lines = wrapAnsi(holder + paragraph, room, { hard: true, trim: true }).split('\n');
      const first = lines[0]!.slice(holder.length);
      return [(head + first).trimEnd() || head, ...lines.slice(1).map((line) => pad + line)].join('\n');
    })
    .join('\n');
}

/**
 * A shell command broken over lines with a `\` continuation, between words outside quotes only,
 * so it still pastes as one command; a word wider than the room stays whole.
 */
export function wrapCommand(head: string, command: string, width: number, hang: number): string {
  const words = command.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [command];
  const lines: string[] = [];
  let line = head;
  for (const word of words) {
    const candidate = line === head ? line + word : `${line} ${word}`;
    if (stringWidth(candidate) + 2 > width && line !== head && stringWidth(line) > hang) {
      lines.push(`${line} \\`);
      line = ' '.repeat(hang) + word;
    } else line = candidate;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The text cut to one line of `width` columns at a word boundary, with "…" when cut. */
export function oneLine(text: string, width: number): string {
  // Tabs (a log's column separators) count eight columns when measured: one space says as much.
  const flat = text.replace(/\s*\n\s*/g, ' ').replace(/\t+/g, ' ');
  if (stringWidth(flat) <= width) return flat;
  const first = wrapAnsi(flat, Math.max(10, width - 2), { hard: true, trim: true }).split('\n')[0] ?? '';
  return `${first.replace(/[\s,;:(]+$/, '')} …`;
}

/** A list cut to `max` items, the rest counted: "a, b, c and 14 more". */
export function cutList(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * Display width as a terminal shows it: ANSI colours ignored, CJK double. ✔ and ✖ count one
 * column, as terminals draw them (string-width counts them as emoji, two).
 */
export function stringWidth(text: string): number {
  return measure(text.replace(/[✔✖]/g, '-'));
}

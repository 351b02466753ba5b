/** The models x Regions grid that opens a matrix report: one cell per target, read at a glance. */

import type { ChalkInstance } from 'chalk';
import { paint, stringWidth } from './style.js';
import { SYMBOLS } from './words.js';
import type { TargetVerdict } from './verdict.js';

/** "✔ ready", "✖ iam", "? network", "… provider-terms": the verdict of one cell. */
function cellText(v: TargetVerdict): string {
  if (v.ready) return `${SYMBOLS[v.status]} ready`;
  return `${SYMBOLS[v.status]} ${v.gate ?? v.status}`;
}

/**
 * A long model id made to fit: first without its provider (`anthropic.`), which a row's family
 * name makes plain, keeping any geography prefix (`us.`); then cut at the end.
 */
function shorten(text: string, width: number): string {
  if (text.length <= width) return text;
  const short = text.startsWith('arn:') ? text : text.replace(/^((?:us|eu|apac|global|us-gov|jp|au|ca)\.)?[a-z0-9-]+\./, '$1');
  return short.length <= width ? short : `${short.slice(0, width - 1)}…`;
}

/** Widest a cell can be: a symbol, a space and the longest gate name. */
const CELL = stringWidth('✖ provider-terms');

/**
 * The grid, or null when the Regions do not fit the width (the caller then lists the cells).
 * Colour is added after padding, so columns align whatever the terminal shows.
 */
export function renderGrid(verdicts: readonly TargetVerdict[], width: number, chalk: ChalkInstance): string[] | null {
  const regions = [...new Set(verdicts.map((v) => v.region))];
  const models = [...new Set(verdicts.map((v) => v.model))];
  const column = Math.max(CELL, ...regions.map((r) => r.length)) + 2;
  const longest = Math.max(...models.map((m) => m.length));
  const modelWidth = Math.min(longest, width - 4 - regions.length * column);
  if (modelWidth < 12) return null;
  const lines = [chalk.gray(`  ${''.padEnd(modelWidth)}  ${regions.map((r) => r.padEnd(column)).join('')}`.trimEnd())];
  for (const model of models) {
    const cells = regions.map((region, i) => {
      const v = verdicts.find((x) => x.model === model && x.region === region);
      const text = v ? cellText(v) : '';
      const padded = i === regions.length - 1 ? text : text.padEnd(column);
      return v ? paint(chalk, v.ready ? 'pass' : v.status, padded) : padded;
    });
    lines.push(`  ${shorten(model, modelWidth).padEnd(modelWidth)}  ${cells.join('')}`.trimEnd());
  }
  return lines;
}

/** The list form of the grid, for Regions too many for the width: one line per cell. */
export function renderCellList(verdicts: readonly TargetVerdict[], width: number, chalk: ChalkInstance): string[] {
  return verdicts.map((v) => {
    const name = `${shorten(v.model, Math.max(12, width - CELL - 7 - v.region.length))} · ${v.region}`;
    return `  ${paint(chalk, v.ready ? 'pass' : v.status, cellText(v).padEnd(CELL))}  ${name}`;
  });
}

import type { ModelRow } from '../aws/model-overview.js';
import { chalkFor } from './style.js';

const COLUMNS: [heading: string, cell: (row: ModelRow) => string][] = [
  ['MODEL', (r) => r.modelId],
  ['PROVIDER', (r) => r.provider],
  ['LIFECYCLE', (r) => r.lifecycle],
  ['INFERENCE', (r) => r.inferenceTypes.join(',') || '-'],
  ['PROFILES', (r) => (r.profiles === null ? 'unknown' : r.profiles.join(',') || '-')],
  ['AUTHORIZATION', (r) => r.availability.authorization],
  ['AGREEMENT', (r) => r.availability.agreement],
  ['IN REGION', (r) => r.availability.region],
];

/** Values that need attention: a Legacy model, no authorization, no agreement, not in the Region. */
const ATTENTION = /^(LEGACY|NOT_AUTHORIZED|NOT_AVAILABLE|PENDING|ERROR)$/;

/** One padded table per Region (plain text: the cells are ASCII ids), then what is partial. */
export function renderModels(rows: ModelRow[], regions: string[], options: { color: boolean; partial: string[] }): string {
  const chalk = chalkFor(options.color);
  const out: string[] = [];
  for (const region of regions) {
    const mine = rows.filter((r) => r.region === region);
    if (mine.length === 0) continue;
    const cells = mine.map((row) => COLUMNS.map(([, cell]) => cell(row)));
    const widths = COLUMNS.map(([heading], i) => Math.max(heading.length, ...cells.map((c) => c[i]!.length)));
    out.push(chalk.bold(`${region}: ${mine.length} foundation model${mine.length === 1 ? '' : 's'}`));
    out.push(COLUMNS.map(([heading], i) => heading.padEnd(widths[i]!)).join('  ').trimEnd());
    for (const row of cells) {
      out.push(row.map((cell, i) => (ATTENTION.test(cell) ? chalk.yellow(cell.padEnd(widths[i]!)) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
    }
    out.push('');
  }
  if (options.partial.length > 0) {
    out.push(chalk.yellow(`Partial answer: these look-ups failed, and what they would have shown is "unknown": ${options.partial.join('; ')}.`));
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

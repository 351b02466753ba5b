import type { Finding } from '../policy/lint.js';
import { chalkFor, paint } from './style.js';
import { SYMBOLS } from './words.js';

/** One line per finding, compiler-style (`file:line: error: …`), then the count. */
export function renderFindings(file: string, findings: Finding[], options: { color: boolean; documents: number }): string {
  const chalk = chalkFor(options.color);
  const lines = findings.map((f) => {
    const status = f.severity === 'error' ? 'fail' : 'warn';
    return `${file}:${f.line}: ${paint(chalk, status, `${SYMBOLS[status]} ${f.severity}`)}: ${f.message} ${chalk.gray(`[${f.rule}]`)}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const documents = options.documents > 1 ? ` in ${options.documents} policy documents` : '';
  const summary =
    findings.length === 0
      ? paint(chalk, 'pass', `${SYMBOLS.pass} ${file}: no known mistakes${documents}.`)
      : `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${documents}.`;
  return [...lines, summary, ''].join('\n');
}

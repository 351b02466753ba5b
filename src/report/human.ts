import type { ReportCheck } from '../pipeline/result.js';
import type { JsonReport } from './json.js';
import { mostImportant } from './json.js';
import { clientLines, targetNote } from './client.js';
import { GATES } from '../types.js';
import { chalkFor, indent, paint, SYMBOLS, WHO } from './style.js';

/** The doctor-style checklist: one line per gate per target, the fix under each finding. */
export function renderHuman(report: JsonReport, checks: ReportCheck[], options: { color: boolean; verbose: boolean; strict: boolean }): string {
  const chalk = chalkFor(options.color);
  const lines: string[] = [];
  const id = report.identity;
  if (id) {
    lines.push(chalk.bold('Identity'));
    if (id.arn) lines.push(`  ${id.arn}${id.account ? ` (account ${id.account})` : ''}`);
    if (id.principalArn && id.principalArn !== id.arn) lines.push(`  policies of ${id.principalArn}`);
    lines.push(`  credentials: ${id.credentialSource}${id.authMode === 'api-key' ? ' — Bedrock calls use the API key' : ''}`);
    lines.push('');
  }
  if (report.client) lines.push(...clientLines(report.client, chalk));
  for (const target of report.targets) {
    lines.push(chalk.bold(`${target.model}  ·  ${target.region}`) + chalk.gray(`  ${targetNote(target, report.regionSource)}`));
    for (const check of checks.filter((c) => c.region === target.region && c.model === target.model)) {
      const head = `  ${paint(chalk, check.status, SYMBOLS[check.status])} ${check.gate.padEnd(15)}`;
      lines.push(`${head}${check.status === 'pass' || check.status === 'skip' ? check.summary : paint(chalk, check.status, check.summary)}`);
      if (check.fix && check.status !== 'pass' && check.status !== 'skip') {
        lines.push(indent(`${chalk.bold('fix')} (${WHO.short[check.fix.actor]}): ${check.fix.text}`, '      '));
        // Warnings stay short; commands and policies are for what blocks (or on --verbose).
        if (check.status !== 'warn' || options.verbose) {
          for (const command of check.fix.commands ?? []) lines.push(`        ${chalk.cyan('$')} ${command}`);
          if (check.fix.policy) lines.push(indent(JSON.stringify(check.fix.policy, null, 2), '        '));
        }
        if (check.fix.docs) lines.push(`        ${chalk.gray(check.fix.docs)}`);
      }
      if (options.verbose) {
        const e = check.evidence;
        const facts = [e.service && `${e.service}:${e.operation}`, e.errorName, e.httpStatus && `HTTP ${e.httpStatus}`, e.requestId && `request ${e.requestId}`, `${check.durationMs} ms`]
          .filter(Boolean)
          .join(' · ');
        lines.push(chalk.gray(`      ${facts}`));
        if (e.message) lines.push(chalk.gray(indent(e.message, '      ')));
      }
    }
    lines.push('');
  }
  const first = mostImportant(checks, options.strict);
  if (report.only) lines.push(chalk.gray(`Only ${report.only.join(', ')}: ran ${report.gatesRun.join(', ')}.`));
  if (report.ready && report.only) {
    lines.push(chalk.green.bold('Ready: ') + `the gates checked pass; ${GATES.filter((g) => !report.gatesRun.includes(g)).join(', ') || 'no gate'} not checked.`);
  } else if (report.ready) {
    lines.push(chalk.green.bold('Ready: ') + 'this identity can call every model checked' + (checks.some((c) => c.gate === 'invoke' && c.status === 'skip') ? ' (predicted; the invoke call was skipped).' : '.'));
  } else if (first?.fix) {
    lines.push(paint(chalk, first.status, chalk.bold(report.exitCode === 1 ? 'Not ready. ' : 'Not proven. ')) + `${WHO.nextStep[first.fix.actor]}: ${first.fix.text}`);
  } else {
    lines.push(chalk.bold(report.exitCode === 1 ? 'Not ready.' : 'Not proven: some checks could not be completed.'));
  }
  if (report.interrupted) lines.push(chalk.yellow('Interrupted: these are the results known so far.'));
  lines.push(chalk.gray(`(${report.durationMs} ms, exit ${report.exitCode})`));
  return lines.join('\n') + '\n';
}

/**
 * What a GitHub Actions run shows: workflow-command annotations, one per finding, and a Markdown
 * job summary. Pure text from the JSON report; the command layer decides where it goes.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type { FailOnStatus } from '../pipeline/result.js';
import type { Status } from '../types.js';
import { GATES } from '../types.js';
import type { JsonReport } from './json.js';
import { tableCell } from './markdown.js';
import { SYMBOLS, WHO } from './words.js';
import { verdictWord } from './verdict.js';

/** A command's message: `%`, CR and LF would end or corrupt the command line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which separate properties from each other and from the message. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Check = JsonReport['checks'][number];

const isFinding = (check: Check) => check.status !== 'pass' && check.status !== 'skip';

/**
 * The checks that need a reader's attention, and how loudly: an error when it fails the run.
 * A finding without a fix beside one with a fix on the same target only records it (the invoke
 * row of a call that failed for another gate): one annotation per problem.
 */
function findings(report: JsonReport, failOn: readonly FailOnStatus[]): Array<{ check: Check; level: 'error' | 'warning' }> {
  const out: Array<{ check: Check; level: 'error' | 'warning' }> = [];
  for (const check of report.checks) {
    if (!isFinding(check)) continue;
    if (!check.fix && report.checks.some((c) => c !== check && c.region === check.region && c.model === check.model && isFinding(c) && c.fix)) continue;
    const fails = check.status === 'fail' || (failOn as readonly Status[]).includes(check.status);
    out.push({ check, level: fails ? 'error' : 'warning' });
  }
  return out;
}

/** `::error title=iam (model · us-east-1)::summary — fix` lines, one per finding. */
export function annotations(report: JsonReport, failOn: readonly FailOnStatus[]): string {
  return findings(report, failOn)
    .map(({ check, level }) => {
      const title = `${check.gate} (${check.model} · ${check.region})`;
      const message = check.fix ? `${check.summary} — ${check.fix}` : check.summary;
      return `::${level} title=${escapeProperty(title)}::${escapeData(message)}\n`;
    })
    .join('');
}

function verdict(report: JsonReport): string {
  if (report.interrupted) return `interrupted (exit ${report.exitCode})`;
  if (report.ready) return '✅ ready';
  return `${report.exitCode === 1 ? '❌' : '❔'} ${verdictWord(report)} (exit ${report.exitCode})`;
}

/** The job summary: the verdict, a table of targets and gates, and the failing gates' fixes. */
export function jobSummary(report: JsonReport, failOn: readonly FailOnStatus[]): string {
  const lines = [`### bedrock-doctor: ${verdict(report)}`, ''];
  const about: string[] = [];
  if (report.identity?.arn) about.push(`Identity \`${report.identity.arn}\``);
  if (report.configFile) about.push(`settings from \`${report.configFile}\``);
  if (report.attempts !== undefined) about.push(`${report.attempts} attempt${report.attempts === 1 ? '' : 's'} over ${Math.round((report.waitedMs ?? 0) / 1000)} s`);
  if (about.length > 0) lines.push(about.join(' · '), '');

  lines.push(`| Region | Model | ${GATES.join(' | ')} |`, `|---|---|${GATES.map(() => ':-:').join('|')}|`);
  for (const target of report.targets) {
    const checks = report.checks.filter((c) => c.region === target.region && c.model === target.model);
    const cells = GATES.map((gate) => {
      const check = checks.find((c) => c.gate === gate);
      return check ? `${SYMBOLS[check.status]} ${check.status}` : '';
    });
    lines.push(`| ${target.region} | \`${tableCell(target.model)}\` | ${cells.join(' | ')} |`);
  }

  const failing = findings(report, failOn).filter((f) => f.level === 'error' && f.check.fix);
  if (failing.length > 0) {
    lines.push('', '#### Fixes', '');
    for (const { check } of failing) {
      const actor = check.remediation?.actor as keyof typeof WHO.short | undefined;
      const who = actor && WHO.short[actor] ? ` (${WHO.short[actor]})` : '';
      lines.push(`- **${check.gate}** (\`${tableCell(check.model)}\` · ${check.region}): ${tableCell(check.summary)}`, `  Fix${who}: ${tableCell(check.fix!)}`);
      const commands = check.remediation?.commands ?? [];
      if (commands.length > 0) lines.push('  ```sh', ...commands.map((c) => `  ${c}`), '  ```');
      if (check.remediation?.policy) {
        lines.push('  <details><summary>IAM policy</summary>', '', '  ```json', ...JSON.stringify(check.remediation.policy, null, 2).split('\n').map((l) => `  ${l}`), '  ```', '  </details>');
      }
    }
  }
  if (report.nextStep && !report.ready) lines.push('', `**Next step:** ${tableCell(report.nextStep)}`);
  return lines.join('\n') + '\n\n';
}

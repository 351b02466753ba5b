import type { JsonReport } from './json.js';
import { clientMarkdown } from './client.js';
import { SYMBOLS, WHO } from './words.js';
import { versionsLine } from './versions.js';
import { verdictWord } from './verdict.js';
import { FINDING_STATUSES, type Status } from '../types.js';

type JsonCheck = JsonReport['checks'][number];

/** What a ticket says about its run beyond the report: how it was run, and when. */
export interface TicketContext {
  /** The command line as typed (redacted with the rest of the report on --redact). */
  command?: string[];
  generatedAt?: Date;
}

/** Text for one Markdown table cell: pipes escaped, lines joined. */
export const tableCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A word quoted for a shell only when it needs to be, so the line pastes back as it ran. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** A fence longer than any backtick run inside, so an error text cannot close it early. */
function fenced(text: string, lang = ''): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [fence + lang, text, fence];
}

const FINDING = new Set<Status>(FINDING_STATUSES);
const rank = (status: Status) => (FINDING_STATUSES as readonly Status[]).indexOf(status);

function row(c: JsonCheck): string {
  return `| ${c.region} | \`${tableCell(c.model)}\` | ${c.gate} | ${c.status} | ${c.cause ?? ''} | ${tableCell(c.summary)} | ${c.evidence.requestId ?? ''} |`;
}

const TABLE_HEAD = ['| Region | Model | Gate | Status | Cause | Summary | Request id |', '|---|---|---|---|---|---|---|'];

/** One finding as support needs it: what, the fix and who acts, commands, policy, docs, the raw AWS error. */
function findingSection(c: JsonCheck): string[] {
  const lines = ['', `#### ${SYMBOLS[c.status]} ${c.gate} · ${c.region} · \`${c.model}\``, '', tableCell(c.summary)];
  const r = c.remediation;
  if (c.fix && r) {
    lines.push('', `**Fix** (${WHO.short[r.actor as keyof typeof WHO.short] ?? r.actor} must act): ${tableCell(c.fix)}`);
    if (r.commands?.length) lines.push('', ...fenced(r.commands.join('\n'), 'sh'));
    if (r.policy !== undefined) lines.push('', ...fenced(JSON.stringify(r.policy, null, 2), 'json'));
    if (r.docs) lines.push('', `Docs: ${r.docs}`);
  }
  const e = c.evidence;
  if (e.errorName || e.message) {
    const facts = [e.service && e.operation && `${e.service} ${e.operation}`, e.httpStatus && `HTTP ${e.httpStatus}`, e.requestId && `request id \`${e.requestId}\``].filter(Boolean).join(', ');
    lines.push('', `AWS error${e.errorName ? ` \`${e.errorName}\`` : ''}${facts ? ` (${facts})` : ''}:`);
    if (e.message) lines.push('', ...fenced(e.message));
  } else if (e.requestId) {
    lines.push('', `Request id: \`${e.requestId}\``);
  }
  return lines;
}

/**
 * A report to paste into a ticket: the verdict, how and when it ran, versions, a compact table
 * (findings first, passes folded), and each finding with its fix and the raw AWS error.
 */
export function renderMarkdown(report: JsonReport, context: TicketContext = {}): string {
  const notReady = report.targets.filter((t) => !t.ready).length;
  const word = verdictWord(report);
  const count = report.targets.length > 1 ? ` — ${notReady} of ${report.targets.length} targets ${word}` : '';
  const lines = [`### bedrock-doctor ${report.tool.version}: ${report.ready ? word : `${word} (exit ${report.exitCode})${count}`}`, ''];
  if (context.command) lines.push(`- Command: \`${context.command.map(shellWord).join(' ').replace(/`/g, "'")}\``);
  if (context.generatedAt) lines.push(`- Generated: ${context.generatedAt.toISOString()} (${report.durationMs} ms)`);
  lines.push(`- Versions: ${versionsLine()}`);
  if (report.identity) {
    lines.push(`- Identity: \`${report.identity.arn ?? 'API key'}\` (credentials: ${report.identity.credentialSource})`);
    if (report.identity.principalArn) lines.push(`- Policies of: \`${report.identity.principalArn}\``);
  }
  if (report.client) lines.push(...clientMarkdown(report.client));
  if (report.only) lines.push(`- Only: ${report.only.join(', ')} (ran: ${report.gatesRun.join(', ')})`);
  lines.push(`- Region source: ${report.regionSource}`);
  if (report.interrupted) lines.push('- Interrupted: these are the results known so far.');
  if (report.nextStep) lines.push('', `**Next step:** ${tableCell(report.nextStep)}`);

  const findings = report.checks.filter((c) => FINDING.has(c.status));
  const rest = report.checks.filter((c) => !FINDING.has(c.status));
  // Failures first, then what could not be decided, then warnings.
  findings.sort((a, b) => rank(a.status) - rank(b.status));
  if (findings.length) lines.push('', ...TABLE_HEAD, ...findings.map(row));
  if (rest.length) {
    const passed = rest.filter((c) => c.status === 'pass').length;
    lines.push('', `<details><summary>${passed} passed, ${rest.length - passed} skipped</summary>`, '', ...TABLE_HEAD, ...rest.map(row), '', '</details>');
  }
  if (findings.length) lines.push('', '### Findings');
  for (const c of findings) lines.push(...findingSection(c));
  return lines.join('\n') + '\n';
}

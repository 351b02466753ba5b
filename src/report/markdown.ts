import type { JsonReport } from './json.js';
import { clientMarkdown } from './client.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A compact report to paste into a ticket. */
export function renderMarkdown(report: JsonReport): string {
  const lines = [
    `### bedrock-doctor ${report.tool.version}: ${report.ready ? 'ready' : `not ready (exit ${report.exitCode})`}`,
    '',
  ];
  if (report.identity) {
    lines.push(`- Identity: \`${report.identity.arn ?? 'API key'}\` (credentials: ${report.identity.credentialSource})`);
    if (report.identity.principalArn) lines.push(`- Policies of: \`${report.identity.principalArn}\``);
  }
  if (report.client) lines.push(...clientMarkdown(report.client));
  if (report.only) lines.push(`- Only: ${report.only.join(', ')} (ran: ${report.gatesRun.join(', ')})`);
  lines.push(`- Region source: ${report.regionSource}`, '', '| Region | Model | Gate | Status | Cause | Summary | Request id |', '|---|---|---|---|---|---|---|');
  for (const c of report.checks) {
    lines.push(`| ${c.region} | \`${cell(c.model)}\` | ${c.gate} | ${c.status} | ${c.cause ?? ''} | ${cell(c.summary)} | ${c.evidence.requestId ?? ''} |`);
  }
  if (report.nextStep) lines.push('', `**Next step:** ${cell(report.nextStep)}`);
  return lines.join('\n') + '\n';
}

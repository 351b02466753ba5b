/** How `check --from` shows the client: what was read, what was assumed, and where each target came from. */

import type { ChalkInstance } from 'chalk';
import type { ClientReport } from '../pipeline/result.js';
import type { SettingOrigin, Target } from '../types.js';
import { paint } from './style.js';
import { SYMBOLS, WHO } from './words.js';

/** "ANTHROPIC_MODEL in ~/.claude/settings.json", "AWS_REGION (default)". */
function originText(o: SettingOrigin): string {
  return `${o.setting}${o.file ? ` in ${o.file}` : ''}${o.isDefault ? ' (default)' : ''}`;
}

/** The grey note after a target's heading. */
export function targetNote(target: Target, regionSource: string): string {
  const o = target.origin;
  if (!o) return `(Region from ${regionSource})`;
  return `(${o.client} ${o.roles.join(', ')}: model from ${originText(o.model)}; Region from ${originText(o.region)}; ${o.api}${o.stream ? ', streaming' : ''})`;
}

export function clientLines(client: ClientReport, chalk: ChalkInstance): string[] {
  const lines = [chalk.bold(`Client ${client.name}`)];
  const read = client.files.filter((f) => f.found);
  lines.push(`  read: ${read.length ? read.map((f) => f.path + (f.problem ? ` (${f.problem})` : '')).join(', ') : 'the environment only'}`);
  if (client.profile) lines.push(`  profile: ${client.profile.name} (${originText(client.profile.from)})`);
  for (const a of client.assumptions) lines.push(chalk.gray(`  assumes: ${a}`));
  for (const f of client.findings) {
    lines.push(`  ${paint(chalk, f.status, SYMBOLS[f.status])} ${f.cause}: ${f.summary}`);
    if (f.fix) lines.push(`      ${chalk.bold('fix')} (${WHO.short.caller}): ${f.fix}`);
  }
  lines.push('');
  return lines;
}

export function clientMarkdown(client: ClientReport): string[] {
  const lines = [`- Client: ${client.name} (read: ${client.files.filter((f) => f.found).map((f) => `\`${f.path}\``).join(', ') || 'the environment only'})`];
  for (const f of client.findings) lines.push(`  - ${f.status} \`${f.cause}\`: ${f.summary}${f.fix ? ` Fix: ${f.fix}` : ''}`);
  return lines;
}

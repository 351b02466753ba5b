/**
 * Publishes what the gates and the cause catalog know, so no page can drift from the code:
 * docs/gates/<gate>.md (from src/gates/about.ts and src/causes), and the README's gate and
 * cause-id tables (between their markers). `npm run gen:causes` rewrites them; a test fails
 * when they are stale.
 */

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CAUSE_IDS, CAUSES, type CauseId } from '../src/causes/index.js';
import { GATE_ABOUT } from '../src/gates/about.js';
import { GATES, type Gate } from '../src/types.js';
import { ACTION_OF_OPERATION } from '../src/vocabulary/iam-actions.js';

const GENERATED = '<!-- Generated from src/gates/about.ts and src/causes by `npm run gen:causes`; do not edit by hand. -->';
const WHO = { caller: 'the caller (the identity that calls Bedrock)', administrator: 'an administrator of the account' } as const;

const causesOf = (home: Gate | 'any' | 'unknown'): CauseId[] => CAUSE_IDS.filter((id) => CAUSES[id].gate === home);

function causeSection(id: CauseId): string[] {
  const spec = CAUSES[id];
  const lines = [`### \`${id}\``, '', `- **Status:** \`${spec.status}\``, `- **What it means:** ${spec.summary}`];
  if (!spec.fix) {
    lines.push('- **Who acts:** nobody here', `- **Fix:** none. ${spec.noFix}`);
    return [...lines, ''];
  }
  lines.push(`- **Who acts:** ${WHO[spec.fix.actor]}`, `- **Fix:** ${spec.fix.text}`);
  if (spec.fix.docs) lines.push(`- **AWS documentation:** ${spec.fix.docs}`);
  if (spec.fix.commands?.length) lines.push('', '```sh', ...spec.fix.commands, '```');
  if (spec.fix.policy !== undefined) lines.push('', '```json', JSON.stringify(spec.fix.policy, null, 2), '```');
  return [...lines, ''];
}

/** docs/gates/<gate>.md: what the gate checks, its calls, what it needs first, and every cause it reports. */
export function gatePage(gate: Gate): string {
  const about = GATE_ABOUT[gate];
  const calls = about.calls.map((op) => `- \`${ACTION_OF_OPERATION[op]}\` (${op})`);
  const needs = about.dependsOn.length
    ? `It runs after ${about.dependsOn.map((g) => `[\`${g}\`](${g}.md)`).join(', ')}: their look-ups are its look-ups, and a failure it meets there (expired credentials, an unreachable endpoint) is reported on them. \`check --only ${gate}\` runs them too.`
    : `It needs no other gate: \`check --only ${gate}\` runs it alone.`;
  const lines = [
    `# The \`${gate}\` gate`,
    '',
    GENERATED,
    '',
    `**What must hold:** ${about.holds}.`,
    '',
    '## What it checks',
    '',
    about.how,
    '',
    needs,
    '',
    gate === 'invoke' ? '## The call it makes' : '## The read-only calls it makes',
    '',
    ...(calls.length ? calls : ['None: a TLS connection to each endpoint, no AWS API call.']),
    '',
    gate === 'invoke'
      ? 'Converse is authorized as `bedrock:InvokeModel` (there is no `bedrock:Converse` action). It is the only call the doctor makes that is not a read, and the only one that can have a side effect: the first call to a Marketplace-sold model creates the subscription for the whole account, which is why the doctor does not make it then without `--allow-subscribe`.'
      : 'Each is optional: without the permission, the gate says what it could not see (`lookup-denied`), and the invoke call decides.',
    '',
    '## Causes',
    '',
    `Every cause this gate reports, from the catalog (all causes: [docs/causes.md](../causes.md)).`,
    '',
    ...causesOf(gate).flatMap(causeSection),
    '## Causes any gate may report',
    '',
    'About its own look-ups, or another gate that stopped it: ' + causesOf('any').map((id) => `\`${id}\``).join(', ') + '. See [docs/causes.md](../causes.md).',
    '',
    '## AWS documentation',
    '',
    ...about.docs.map((url) => `- ${url}`),
  ];
  return lines.join('\n') + '\n';
}

/** The README's gate table. */
export function readmeGates(): string {
  return [
    '| gate | what must hold | runs after | page |',
    '|---|---|---|---|',
    ...GATES.map((g) => `| \`${g}\` | ${GATE_ABOUT[g].holds} | ${GATE_ABOUT[g].dependsOn.map((d) => `\`${d}\``).join(', ') || '—'} | [docs/gates/${g}.md](docs/gates/${g}.md) |`),
  ].join('\n');
}

/** The README's cause ids, one row per gate. */
export function readmeCauseIds(): string {
  const homes = [...GATES, 'any', 'unknown'] as const;
  return [
    '| reported on | cause ids |',
    '|---|---|',
    ...homes.map((home) => `| ${home === 'any' ? 'any gate (its own look-ups)' : home === 'unknown' ? '`unknown` (blames no gate)' : `\`${home}\``} | ${causesOf(home).map((id) => `\`${id}\``).join(' ')} |`),
  ].join('\n');
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`. */
export function withBlock(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export function readmeWithTables(readme: string): string {
  return withBlock(withBlock(readme, 'gates', readmeGates()), 'cause-ids', readmeCauseIds());
}

export function writeDocs(root: string): void {
  mkdirSync(resolve(root, 'docs/gates'), { recursive: true });
  for (const gate of GATES) writeFileSync(resolve(root, `docs/gates/${gate}.md`), gatePage(gate));
  const readme = resolve(root, 'README.md');
  writeFileSync(readme, readmeWithTables(readFileSync(readme, 'utf8')));
}

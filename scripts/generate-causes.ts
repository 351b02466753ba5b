/**
 * Publishes the cause catalog: the table in docs/causes.md and the cause enum in
 * schema/report.schema.json and schema/explain.schema.json, all generated from src/causes so the promise of stable ids has
 * one published list. `npm run gen:causes` rewrites them; a test fails when they are stale.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CAUSE_IDS, CAUSES } from '../src/causes/index.js';
import { writeDocs } from './generate-docs.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/causes.md: one row per cause, in catalog order (gate by gate). */
export function causesMarkdown(): string {
  const lines = [
    '# Causes',
    '',
    '<!-- Generated from src/causes by `npm run gen:causes`; do not edit by hand. -->',
    '',
    'Every check and every `explain` result names a `cause`: a stable kebab-case id a ticket system can match on. This is the whole list. `gate` is where the cause is reported (`any`: on whichever gate made the look-up; `unknown`: blames no gate); `status` is its usual status; `who acts` is who applies the fix.',
    '',
    '| cause | gate | status | who acts | what it means | docs |',
    '|---|---|---|---|---|---|',
  ];
  for (const id of CAUSE_IDS) {
    const spec = CAUSES[id];
    const who = spec.fix ? (spec.fix.actor === 'administrator' ? 'an administrator' : 'the caller') : '—';
    const docs = spec.fix ? `[link](${spec.fix.docs})` : '';
    lines.push(`| \`${id}\` | ${spec.gate} | ${spec.status} | ${who} | ${cell(spec.summary)} | ${docs} |`);
  }
  return lines.join('\n') + '\n';
}

/** The explain schema with `cause` restricted to the catalog's ids. */
export function explainSchemaWithCauses(schemaText: string): string {
  const schema = JSON.parse(schemaText) as { $defs: Record<string, unknown> };
  schema.$defs.causeId = { description: 'A cause id from docs/causes.md (generated from src/causes).', enum: [...CAUSE_IDS] };
  return JSON.stringify(schema, null, 2) + '\n';
}

/** The report schema with `checks[].cause` restricted to the catalog's ids (or null on a pass). */
export function schemaWithCauses(schemaText: string): string {
  const schema = JSON.parse(schemaText) as { $defs: { check: { properties: Record<string, unknown> } } & Record<string, unknown> };
  schema.$defs.check.properties.cause = { oneOf: [{ type: 'null' }, { $ref: '#/$defs/causeId' }] };
  schema.$defs.causeId = { description: 'A cause id from docs/causes.md (generated from src/causes).', enum: [...CAUSE_IDS] };
  return JSON.stringify(schema, null, 2) + '\n';
}

function main(): void {
  const root = resolve(process.cwd());
  writeFileSync(resolve(root, 'docs/causes.md'), causesMarkdown());
  const schemaPath = resolve(root, 'schema/report.schema.json');
  writeFileSync(schemaPath, schemaWithCauses(readFileSync(schemaPath, 'utf8')));
  const explainPath = resolve(root, 'schema/explain.schema.json');
  writeFileSync(explainPath, explainSchemaWithCauses(readFileSync(explainPath, 'utf8')));
  writeDocs(root);
  process.stdout.write(`docs/causes.md, docs/gates/, README.md tables and schema/*.schema.json: ${CAUSE_IDS.length} causes\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

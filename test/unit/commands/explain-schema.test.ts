/**
 * explain --format json, over every real error text the project holds (the shared corpus, the
 * fresh Bedrock texts, the foreign texts): each output validates against schema/explain.schema.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { bufferIo } from '../buffer-io.js';
import { diagnosisOf, validateExplain } from '../../schemas.js';

const jsonl = (url: URL, field: string) =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, string>)
    .map((c) => [c.id!, c[field]!] as const);

// ../shared sits beside the repository (as in CI); a missing corpus fails rather than shrinking the sweep.
const TEXTS = [
  ...jsonl(new URL('../../../../shared/bedrock-errors/corpus.jsonl', import.meta.url), 'message'),
  ...jsonl(new URL('../../fixtures/bedrock-errors-fresh.jsonl', import.meta.url), 'message'),
  ...jsonl(new URL('../../fixtures/foreign-errors.jsonl', import.meta.url), 'text'),
];

describe('explain --format json against schema/explain.schema.json', () => {
  it('covers the shared corpus, the fresh Bedrock texts and the foreign texts', () => {
    expect(TEXTS.length).toBeGreaterThan(250);
  });

  it.each(TEXTS)('%s', async (_id, text) => {
    const io = bufferIo({});
    expect(await main(['node', 'bedrock-doctor', 'explain', '--format', 'json', text], io)).toBe(0);
    const diagnosis = diagnosisOf(io.out());
    expect(diagnosis.summary.length).toBeGreaterThan(0);
  });

  it('the schema rejects what the contract excludes: an unknown field, an unknown cause, a bad diagnoses item', () => {
    const good = { gate: 'iam', cause: 'iam-implicit-deny', summary: 's', fix: 'f', confidence: 0.9, status: 'fail', actor: 'administrator' };
    expect(validateExplain(good)).toBe(true);
    expect(validateExplain({ ...good, diagnoses: [good, { ...good, gate: 'unknown', cause: 'unrecognised-error' }] })).toBe(true);
    expect(validateExplain({ ...good, extra: 1 })).toBe(false);
    expect(validateExplain({ ...good, cause: 'made-up' })).toBe(false);
    expect(validateExplain({ ...good, diagnoses: [{ ...good, extra: 1 }] })).toBe(false);
    expect(validateExplain({ ...good, diagnoses: [] })).toBe(false);
  });
});

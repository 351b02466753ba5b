/**
 * explain --format json, over every real error text the project holds (the shared corpus, the
 * fresh Bedrock texts, the foreign texts): each output validates against schema/explain.schema.json.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { bufferIo } from '../buffer-io.js';
import { diagnosisOf, validateExplain } from '../../schemas.js';
import { ERROR_TEXTS } from '../../fixtures/error-texts.js';

const TEXTS = ERROR_TEXTS;

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

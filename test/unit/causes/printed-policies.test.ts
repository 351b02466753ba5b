/**
 * A sweep over every real error text the project holds: no printed policy names an action IAM
 * does not have, and no explicit deny is answered with an Allow. (The demo scenarios get the
 * same check end to end, in test/e2e/scenarios.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';
import { policyProblems } from './policy-problems.js';

const jsonl = (url: URL, field: string) =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, string>)
    .map((c) => [c.id!, c[field]!] as const);

const TEXTS = [
  ...jsonl(new URL('../../../../shared/bedrock-errors/corpus.jsonl', import.meta.url), 'message'),
  ...jsonl(new URL('../../fixtures/bedrock-errors-fresh.jsonl', import.meta.url), 'message'),
  ...jsonl(new URL('../../fixtures/foreign-errors.jsonl', import.meta.url), 'text'),
];

describe('every printed policy, over every real error text', () => {
  it('covers the shared corpus, the fresh Bedrock texts and the foreign texts', () => {
    expect(TEXTS.length).toBeGreaterThan(250);
  });

  it.each(TEXTS)('%s', (_id, text) => {
    const d = classify(text);
    expect(policyProblems(d.fix.policy, `${text} ${d.summary}`, d.cause)).toEqual([]);
  });
});

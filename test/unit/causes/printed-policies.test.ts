/**
 * A sweep over every real error text the project holds: no printed policy names an action IAM
 * does not have, and no explicit deny is answered with an Allow. (The demo scenarios get the
 * same check end to end, in test/e2e/scenarios.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';
import { policyProblems } from './policy-problems.js';
import { ERROR_TEXTS } from '../../fixtures/error-texts.js';

const TEXTS = ERROR_TEXTS;

describe('every printed policy, over every real error text', () => {
  it('covers the shared corpus, the fresh Bedrock texts and the foreign texts', () => {
    expect(TEXTS.length).toBeGreaterThan(250);
  });

  it.each(TEXTS)('%s', (_id, text) => {
    const d = classify(text);
    expect(policyProblems(d.fix.policy, `${text} ${d.summary}`, d.cause)).toEqual([]);
  });
});

/**
 * 61 real Bedrock error texts from threads no other test uses (test/fixtures/bedrock-errors-fresh.jsonl,
 * each with its source and the gate its thread showed at fault). Collected as a hold-out: the
 * classifier scored 55/61 on them before three rules were generalised by meaning; this keeps
 * the score from sliding back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';

interface FreshCase {
  id: string;
  gates: string[];
  tricky: boolean;
  source: string;
  message: string;
}

const CASES: FreshCase[] = readFileSync(new URL('../../fixtures/bedrock-errors-fresh.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as FreshCase);

describe('fresh real Bedrock texts', () => {
  it('scores at least 90% overall, and the misses are named', () => {
    const misses = CASES.filter((c) => !c.gates.includes(classify(c.message).gate)).map((c) => `${c.id} (${c.source})`);
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect((CASES.length - misses.length) / CASES.length, misses.join(', ')).toBeGreaterThanOrEqual(0.9);
  });

  it('never answers a Bedrock text with a policy for another service', () => {
    for (const c of CASES) {
      const policy = classify(c.message).fix.policy as { Statement?: { Action: string | string[] }[] } | undefined;
      const actions = (policy?.Statement ?? []).flatMap((s) => s.Action);
      for (const action of actions) expect(action, c.id).toMatch(/^(?:bedrock|aws-marketplace|iam|sts):/);
    }
  });
});

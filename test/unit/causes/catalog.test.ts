import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_SECTIONS, CAUSE_IDS, CAUSES, describeCause, type CauseParams } from '../../../src/causes/index.js';
import { diagnosisOf, RULES } from '../../../src/diagnosis/index.js';
import { GATES, STATUSES } from '../../../src/types.js';
import { causesMarkdown, schemaWithCauses } from '../../../scripts/generate-causes.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('the cause catalog', () => {
  it('holds each id once, in exactly one section', () => {
    const keys = CATALOG_SECTIONS.flatMap((section) => Object.keys(section));
    expect(keys.length).toBe(new Set(keys).size);
    expect(new Set(keys)).toEqual(new Set(CAUSE_IDS));
  });

  it.each(CAUSE_IDS)('%s: kebab-case, a home gate, a status, a summary, and a fix with actor and docs (or the reason for none)', (id) => {
    const spec = CAUSES[id];
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect([...GATES, 'any', 'unknown']).toContain(spec.gate);
    expect(STATUSES).toContain(spec.status);
    expect(spec.summary.length).toBeGreaterThan(15);
    if (spec.fix) {
      expect(['caller', 'administrator']).toContain(spec.fix.actor);
      // No AWS page fits a text about another service; every other fix points at one.
      if (id !== 'not-bedrock') expect(spec.fix.docs).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//);
      else expect(spec.fix.docs).toBeUndefined();
      expect(spec.fix.text.length).toBeGreaterThan(15);
    } else {
      expect('noFix' in spec && spec.noFix.length > 15, `${id} needs a reason for having no fix`).toBe(true);
    }
  });

  it.each(CAUSE_IDS)('%s: its texts survive any parameters, known or not', (id) => {
    const params: CauseParams[] = [{}, { region: 'eu-west-1', modelId: 'amazon.nova-lite-v1:0', profile: 'dev', denial: {}, action: 'bedrock:GetFoundationModel' }];
    for (const p of params) {
      const { summary, fix } = describeCause(id, p);
      expect(summary).toBeTruthy();
      expect(fix === null).toBe(CAUSES[id].fix === null);
    }
  });

  it('fills the placeholders it knows and leaves the others', () => {
    const { fix } = describeCause('marketplace-subscription-needed', { region: 'eu-west-1', modelId: 'anthropic.claude-3-haiku-20240307-v1:0' });
    expect(fix!.commands).toEqual([
      'aws bedrock list-foundation-model-agreement-offers --model-id anthropic.claude-3-haiku-20240307-v1:0 --region eu-west-1',
      'aws bedrock create-foundation-model-agreement --model-id anthropic.claude-3-haiku-20240307-v1:0 --offer-token <offer-token> --region eu-west-1',
    ]);
  });

  it('gives every rule a cause whose home is a gate or unknown, never "any", and that makes a diagnosis', () => {
    for (const rule of RULES) {
      expect(CAUSES[rule.cause].gate, rule.cause).not.toBe('any');
      expect(() => diagnosisOf(rule.cause, 1), rule.cause).not.toThrow();
    }
  });

  it('leaves "run bedrock-doctor check" out of fixes printed inside a check', () => {
    expect(describeCause('marketplace-subscription-pending').fix!.commands).toEqual(['bedrock-doctor check']);
    expect(describeCause('marketplace-subscription-pending', { inCheck: true }).fix!.commands).toBeUndefined();
  });

  it('splits the two meanings of an internal error: an AWS 5xx and a bug of the doctor', () => {
    expect(CAUSES['internal-error']).toMatchObject({ gate: 'invoke', status: 'inconclusive' });
    expect(CAUSES['doctor-bug']).toMatchObject({ gate: 'any', status: 'inconclusive', fix: null });
  });
});

describe('what the catalog publishes', () => {
  it('the report schema enumerates exactly the catalog ids (run `npm run gen:causes` after changing causes)', () => {
    const schema = JSON.parse(read('schema/report.schema.json'));
    expect(schema.$defs.causeId.enum).toEqual(CAUSE_IDS);
    expect(read('schema/report.schema.json')).toBe(schemaWithCauses(read('schema/report.schema.json')));
  });

  it('docs/causes.md is the generated table (run `npm run gen:causes` after changing causes)', () => {
    expect(read('docs/causes.md')).toBe(causesMarkdown());
    for (const id of CAUSE_IDS) expect(read('docs/causes.md')).toContain(`| \`${id}\` |`);
  });
});

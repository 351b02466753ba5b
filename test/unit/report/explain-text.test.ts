import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';
import { diagnosisJson, renderDiagnosisHuman } from '../../../src/report/explain-text.js';
import type { Diagnosis } from '../../../src/diagnosis/index.js';
import type { Fix } from '../../../src/types.js';

const CAUSE = 'marketplace-subscription-pending';

function diagnosis(extra: Partial<Diagnosis> = {}, fix: Partial<Fix> = {}): Diagnosis {
  return { gate: 'provider-terms', cause: CAUSE, status: 'fail', summary: 'It is broken.', fix: { text: 'Mend it.', actor: 'caller', ...fix }, confidence: 0.9, rule: CAUSE, params: {}, ...extra } as Diagnosis;
}

const IAM_TEXT =
  'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no identity-based policy allows the bedrock:InvokeModel action';

describe('renderDiagnosisHuman', () => {
  it('prints gate, status, cause, summary, fix with actor, commands, policy and docs', () => {
    const out = renderDiagnosisHuman(classify(IAM_TEXT), { color: false });
    expect(out).toMatch(/^✖ iam fail {2}cause: iam-implicit-deny · confidence 0\.80 \(medium\)\n/);
    expect(out).toContain('Fix (an administrator must act):');
    expect(out).toContain('"Action": [');
    expect(out).toContain('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0');
    expect(out).toContain('Docs: https://docs.aws.amazon.com/');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('indents commands and colours only when asked', () => {
    const d = classify('ExpiredTokenException: The security token included in the request is expired');
    const plain = renderDiagnosisHuman(d, { color: false });
    expect(plain).toContain('Fix (you must act):');
    expect(plain).toMatch(/\n {6}aws sso login --profile/);
    expect(renderDiagnosisHuman(d, { color: true })).toMatch(/\u001b\[/);
  });

  it('renders the unknown diagnosis', () => {
    const out = renderDiagnosisHuman(classify('???'), { color: false });
    expect(out).toContain('? unknown gate inconclusive');
    expect(out).toContain('bedrock-doctor check');
  });
});

describe('renderDiagnosisHuman, by table', () => {
  it.each([
    ['fail', '✖ provider-terms fail  cause: marketplace-subscription-pending · confidence 0.90 (high)'],
    ['pending', '… provider-terms pending  cause: marketplace-subscription-pending · confidence 0.90 (high)'],
    ['inconclusive', '? provider-terms inconclusive  cause: marketplace-subscription-pending · confidence 0.90 (high)'],
  ] as const)('opens a %s diagnosis with its symbol', (status, head) => {
    expect(renderDiagnosisHuman(diagnosis({ status }), { color: false }).split('\n')[0]).toBe(head);
  });

  it.each([
    ['fail', '31'],
    ['pending', '36'],
    ['inconclusive', '35'],
  ] as const)('colours the %s symbol and status word like check does (ANSI %s)', (status, code) => {
    const head = renderDiagnosisHuman(diagnosis({ status }), { color: true }).split('\n')[0]!;
    expect(head.match(new RegExp(`\u001b\\[${code}m`, 'g'))).toHaveLength(2);
  });

  it.each([
    ['caller', '  Fix (you must act): Mend it.'],
    ['administrator', '  Fix (an administrator must act): Mend it.'],
  ] as const)('names the actor: %s', (actor, line) => {
    expect(renderDiagnosisHuman(diagnosis({}, { actor }), { color: false }).split('\n')).toContain(line);
  });

  it.each([
    [0, false],
    [0.5, true],
    [0.69, true],
    [0.7, false],
    [1, false],
  ])('confidence %s asks for a check: %s', (confidence, asks) => {
    const out = renderDiagnosisHuman(diagnosis({ confidence }), { color: false });
    expect(out.includes('(low confidence: run bedrock-doctor check to confirm)')).toBe(asks);
    expect(out).toContain(`confidence ${confidence.toFixed(2)}`);
  });

  it('prints commands, policy and docs in that order, indented', () => {
    const out = renderDiagnosisHuman(diagnosis({}, { commands: ['a', 'b'], policy: { Version: '2012-10-17' }, docs: 'https://d' }), { color: false });
    expect(out).toBe(
      '✖ provider-terms fail  cause: marketplace-subscription-pending · confidence 0.90 (high)\n  It is broken.\n  Fix (you must act): Mend it.\n      a\n      b\n  Policy:\n    {\n      "Version": "2012-10-17"\n    }\n  Docs: https://d\n',
    );
  });
});

describe('diagnosisJson', () => {
  it('has the five keys explain consumers expect, with fix as text', () => {
    const j = diagnosisJson(classify(IAM_TEXT));
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['gate', 'cause', 'summary', 'fix', 'confidence', 'status', 'actor']));
    expect(typeof j.fix).toBe('string');
    expect(j).toMatchObject({ gate: 'iam', cause: 'iam-implicit-deny', status: 'fail', actor: 'administrator' });
    expect(j.policy).toBeDefined();
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('gives gate unknown when nothing matches', () => {
    expect(diagnosisJson(classify(''))).toMatchObject({ gate: 'unknown', cause: 'unrecognised-error', confidence: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';
import { diagnosisJson, renderDiagnosesHuman, renderDiagnosisHuman } from '../../../src/report/explain-text.js';
import type { Diagnosis } from '../../../src/diagnosis/index.js';
import type { Fix } from '../../../src/types.js';

const CAUSE = 'marketplace-subscription-pending';

function diagnosis(extra: Partial<Diagnosis> = {}, fix: Partial<Fix> = {}): Diagnosis {
  return { gate: 'provider-terms', cause: CAUSE, status: 'fail', summary: 'It is broken.', fix: { text: 'Mend it.', actor: 'caller', ...fix }, confidence: 0.9, rule: CAUSE, params: {}, ...extra } as Diagnosis;
}

const IAM_TEXT =
  'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no identity-based policy allows the bedrock:InvokeModel action';

describe('renderDiagnosisHuman', () => {
  it('prints the gate row as check does, then the fix with its actor, the policy, the docs, the cause and confidence', () => {
    const out = renderDiagnosisHuman(classify(IAM_TEXT), { color: false });
    expect(out).toMatch(/^ {2}✖ iam {12}\S/);
    expect(out).toContain('\n      fix (an administrator): ');
    expect(out).toContain('"Action": [');
    expect(out).toContain('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0');
    expect(out).toContain('\n        https://docs.aws.amazon.com/');
    expect(out).toContain('\n      cause: iam-implicit-deny · confidence 0.80 (medium)\n');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('indents commands as check does and colours only when asked', () => {
    const d = classify('ExpiredTokenException: The security token included in the request is expired');
    const plain = renderDiagnosisHuman(d, { color: false });
    expect(plain).toContain('      fix (you): ');
    expect(plain).toMatch(/\n {8}\$ aws sso login --profile/);
    expect(renderDiagnosisHuman(d, { color: true })).toMatch(/\u001b\[/);
  });

  it('renders the unknown diagnosis', () => {
    const out = renderDiagnosisHuman(classify('???'), { color: false });
    expect(out).toMatch(/^ {2}\? unknown {8}\S/);
    expect(out).toContain('run bedrock-doctor check');
  });
});

describe('renderDiagnosisHuman, by table', () => {
  it.each([
    ['fail', '  ✖ provider-terms It is broken.'],
    ['pending', '  … provider-terms It is broken.'],
    ['inconclusive', '  ? provider-terms It is broken.'],
  ] as const)('opens a %s diagnosis with its symbol', (status, head) => {
    expect(renderDiagnosisHuman(diagnosis({ status }), { color: false }).split('\n')[0]).toBe(head);
  });

  it.each([
    ['fail', '31'],
    ['pending', '36'],
    ['inconclusive', '35'],
  ] as const)('colours the %s symbol and summary like check does (ANSI %s)', (status, code) => {
    const head = renderDiagnosisHuman(diagnosis({ status }), { color: true }).split('\n')[0]!;
    expect(head.match(new RegExp(`\u001b\\[${code}m`, 'g'))).toHaveLength(2);
  });

  it.each([
    ['caller', '      fix (you): Mend it.'],
    ['administrator', '      fix (an administrator): Mend it.'],
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

  it('prints commands, policy and docs in that order, indented as in check', () => {
    const out = renderDiagnosisHuman(diagnosis({}, { commands: ['a', 'b'], policy: { Version: '2012-10-17' }, docs: 'https://d' }), { color: false });
    expect(out).toBe(
      '  ✖ provider-terms It is broken.\n      fix (you): Mend it.\n        $ a\n        $ b\n        {\n          "Version": "2012-10-17"\n        }\n        https://d\n      cause: marketplace-subscription-pending · confidence 0.90 (high)\n',
    );
  });
});

describe('renderDiagnosesHuman', () => {
  it('heads each error of a log with its line, and counts them; one error reads as one block', () => {
    const found = [
      { diagnosis: classify('ExpiredTokenException: The security token included in the request is expired'), excerpt: 'ExpiredTokenException: The security token included in the request is expired' },
      { diagnosis: classify(IAM_TEXT), excerpt: IAM_TEXT },
    ];
    const out = renderDiagnosesHuman(found, { color: false, width: 80 });
    // Each heading is the error's first line, cut with "…" to the width.
    expect(out).toMatch(/^Error 1 of 2: ExpiredTokenException: The security token included in the …\n {2}✖ credentials/);
    expect(out).toMatch(/\nError 2 of 2: User: arn:aws:sts::1:assumed-role\/r\/s is not authorized to …\n {2}✖ iam/);
    // Only a link or a policy's ARN (JSON cannot wrap inside a string) may pass the width.
    expect(out.split('\n').filter((line) => line.length > 80 && !/https:|"arn:/.test(line))).toEqual([]);
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 distinct errors; gates: credentials, iam.');
    expect(renderDiagnosesHuman(found.slice(0, 1), { color: false })).toBe(renderDiagnosisHuman(found[0]!.diagnosis, { color: false }));
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

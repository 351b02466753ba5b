import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';
import { diagnosisJson, renderDiagnosisHuman } from '../../../src/report/explain-text.js';

const IAM_TEXT =
  'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no identity-based policy allows the bedrock:InvokeModel action';

describe('renderDiagnosisHuman', () => {
  it('prints gate, status, cause, summary, fix with actor, commands, policy and docs', () => {
    const out = renderDiagnosisHuman(classify(IAM_TEXT), { color: false });
    expect(out).toMatch(/^✖ iam fail {2}cause: iam-implicit-deny\n/);
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

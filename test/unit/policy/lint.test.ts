import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintPolicy, type Finding } from '../../../src/policy/lint.js';
import { readPolicySources } from '../../../src/policy/policy-source.js';
import { leastPrivilegePolicy } from '../../../src/policy/least-privilege.js';
import { policyJson, policyTerraform } from '../../../src/policy/formats.js';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/policies/${name}`, import.meta.url), 'utf8');

function lint(text: string, options: { stream?: boolean; admin?: boolean } = {}): Finding[] {
  const sources = readPolicySources(text);
  expect(sources.length).toBeGreaterThan(0);
  return sources.flatMap((source) => lintPolicy(source, { stream: false, admin: false, ...options }));
}

const brief = (findings: Finding[]) => findings.map((f) => `${f.line} ${f.severity} ${f.rule}`);

describe('policy lint on real-world broken policies', () => {
  it('names bedrock:Converse and bedrock:ConverseStream as actions that grant nothing, on their lines', () => {
    const findings = lint(fixture('converse-actions.json'));
    expect(brief(findings)).toEqual(['8 error dead-action', '9 error dead-action']);
    expect(findings[0]!.message).toMatch(/authorized as bedrock:InvokeModel/);
    expect(findings[1]!.message).toMatch(/authorized as bedrock:InvokeModelWithResponseStream/);
  });

  it('finds a cross-Region profile allowed without the model in its destination Regions', () => {
    const findings = lint(fixture('profile-without-destinations.json'));
    expect(brief(findings)).toEqual(['11 error profile-destinations']);
    expect(findings[0]!.message).toMatch(/us-east-2::foundation-model.*us-west-2::foundation-model/);
  });

  it('warns on bedrock:* and Resource "*", and finds Marketplace subscribe rights on a runtime role (not with --admin)', () => {
    expect(brief(lint(fixture('runtime-role-everything.json')))).toEqual(['6 warning broad-wildcard', '7 warning broad-wildcard', '12 error marketplace-on-runtime']);
    expect(lint(fixture('runtime-role-everything.json'), { admin: true }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("finds a Region-lock Deny that denies a profile's destination Regions, and the wildcard Region", () => {
    const findings = lint(fixture('region-lock.json'));
    expect(brief(findings)).toEqual(['9 warning broad-wildcard', '17 error region-condition', '17 error region-condition']);
    expect(findings.filter((f) => f.rule === 'region-condition').map((f) => /denies (\S+),/.exec(f.message)?.[1])).toEqual(['us-east-2', 'us-west-2']);
  });

  it('reads Terraform jsonencode: a bedrock-runtime: action, and a global profile without its Region-less model ARN, on the file’s lines', () => {
    const findings = lint(fixture('global-without-unspecified.tf'));
    expect(brief(findings)).toEqual(['12 error dead-action', '14 error profile-destinations']);
    expect(findings[1]!.message).toMatch(/arn:aws:bedrock:::foundation-model\/anthropic/);
  });

  it('with --stream, a policy without InvokeModelWithResponseStream is an error', () => {
    const text = policyJson(leastPrivilegePolicy([{ region: 'us-east-1', ref: parseModelRef('amazon.nova-lite-v1:0') }], { stream: false, account: '111122223333', doctor: false }).policy);
    expect(brief(lint(text, { stream: true }))).toEqual(['4 error stream-action']);
    expect(lint(text)).toEqual([]);
  });
});

describe("the tool's own policies lint clean", () => {
  const TARGETS: [string, string][] = [
    ['us-east-1', 'amazon.nova-lite-v1:0'],
    ['us-east-1', 'us.anthropic.claude-sonnet-4-20250514-v1:0'],
    ['eu-west-1', 'eu.anthropic.claude-sonnet-4-20250514-v1:0'],
    ['ap-northeast-1', 'apac.amazon.nova-lite-v1:0'],
    ['us-east-1', 'global.anthropic.claude-sonnet-4-20250514-v1:0'],
    ['us-gov-west-1', 'us-gov.anthropic.claude-3-haiku-20240307-v1:0'],
  ];
  it.each(TARGETS)('%s %s, as JSON and Terraform, streaming or not, with --admin and --doctor', (region, model) => {
    for (const stream of [false, true]) {
      const { policy, problems } = leastPrivilegePolicy([{ region, ref: parseModelRef(model) }], { stream, account: '111122223333', doctor: true, principal: 'arn:aws:iam::111122223333:role/app', admin: true });
      expect(problems).toEqual([]);
      for (const text of [policyJson(policy), policyTerraform(policy)]) expect(lint(text, { stream, admin: true })).toEqual([]);
      const runtime = leastPrivilegePolicy([{ region, ref: parseModelRef(model) }], { stream, account: '111122223333', doctor: false }).policy;
      expect(lint(policyJson(runtime), { stream })).toEqual([]);
    }
  });
});

describe('reading policy files', () => {
  it('names the retired bedrock:PutFoundationModelEntitlement as an action that no longer has an effect', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:PutFoundationModelEntitlement'], Resource: '*' }] }, null, 2);
    const findings = lint(text);
    expect(findings.map((f) => f.rule)).toEqual(['dead-action']);
    expect(findings[0]!.message).toMatch(/retired.*no longer have an effect/);
  });

  it('finds no document in text that is neither JSON nor jsonencode', () => {
    expect(readPolicySources('resource "aws_iam_policy" "x" { policy = data.aws_iam_policy_document.x.json }')).toEqual([]);
    expect(readPolicySources('not a policy')).toEqual([]);
  });
});

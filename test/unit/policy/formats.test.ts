import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { policyCdk, policyJson, policyTerraform } from '../../../src/policy/formats.js';
import { leastPrivilegePolicy } from '../../../src/policy/least-privilege.js';
import { readPolicySources, valueOf } from '../../../src/policy/policy-source.js';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';

const { policy } = leastPrivilegePolicy(
  [
    { region: 'us-east-1', ref: parseModelRef('global.anthropic.claude-sonnet-4-20250514-v1:0') },
    { region: 'us-east-1', ref: parseModelRef('us.amazon.nova-lite-v1:0') },
  ],
  { stream: true, account: '111122223333', doctor: false, admin: true, productIds: ['prod-abcdefghijkl'] },
);

describe('the policy in each form', () => {
  it('json is the bare document', () => {
    expect(JSON.parse(policyJson(policy))).toEqual(policy);
  });

  it('terraform holds the same document in jsonencode', () => {
    const text = policyTerraform(policy);
    expect(text).toMatch(/^resource "aws_iam_policy" "bedrock_invoke" \{/);
    const [source] = readPolicySources(text);
    expect(valueOf(source!.root)).toEqual(policy);
  });

  it('cdk is TypeScript that parses, with one PolicyStatement per statement', () => {
    const text = policyCdk(policy);
    const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(out.diagnostics ?? []).toEqual([]);
    expect(text.match(/new iam\.PolicyStatement\(/g)).toHaveLength(policy.Statement.length);
    expect(text).toContain("'ForAnyValue:StringEquals': {");
  });
});

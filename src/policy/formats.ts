import type { PolicyDocument } from '../vocabulary/converse-access.js';

export const POLICY_FORMATS = ['json', 'terraform', 'cdk', 'human'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

/** The bare policy document, as `aws iam create-policy --policy-document file://…` takes it. */
export function policyJson(policy: PolicyDocument): string {
  return JSON.stringify(policy, null, 2) + '\n';
}

/** An HCL string: JSON's escapes, plus Terraform's template markers kept literal. */
function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** An object key: bare when it is an identifier, quoted otherwise (`"aws:RequestedRegion"`). */
function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

function hclValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return hclString(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string') && value.length <= 1) return `[${value.map((v) => hclString(v as string)).join(', ')}]`;
    return `[\n${value.map((v) => `${indent}  ${hclValue(v, `${indent}  `)},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const width = Math.max(...entries.map(([k]) => hclKey(k).length));
    return `{\n${entries.map(([k, v]) => `${indent}  ${hclKey(k).padEnd(width)} = ${hclValue(v, `${indent}  `)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** An `aws_iam_policy` resource with the document in `jsonencode`, ready to paste into a module. */
export function policyTerraform(policy: PolicyDocument): string {
  return [
    'resource "aws_iam_policy" "bedrock_invoke" {',
    '  name        = "bedrock-invoke"',
    '  description = "Least-privilege access to call Amazon Bedrock models"',
    `  policy = jsonencode(${hclValue(policy, '  ')})`,
    '}',
    '',
  ].join('\n');
}

function tsValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map((v) => tsValue(v, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
    return `{\n${entries.map(([k, v]) => `${indent}  ${key(k)}: ${tsValue(v, `${indent}  `)},`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The statements as CDK (TypeScript) `PolicyStatement`s, to add to a role or a policy. */
export function policyCdk(policy: PolicyDocument): string {
  const statements = policy.Statement.map((s) => {
    const lines = [
      ...(s.Sid ? [`    sid: ${tsValue(s.Sid, '    ')},`] : []),
      '    effect: iam.Effect.ALLOW,',
      `    actions: ${tsValue([s.Action].flat(), '    ')},`,
      `    resources: ${tsValue([s.Resource].flat(), '    ')},`,
      ...(s.Condition ? [`    conditions: ${tsValue(s.Condition, '    ')},`] : []),
    ];
    return `  new iam.PolicyStatement({\n${lines.join('\n')}\n  }),`;
  });
  return [
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    '',
    '// Least-privilege access to call Amazon Bedrock models: for (const s of bedrockInvokeStatements) role.addToPrincipalPolicy(s);',
    'export const bedrockInvokeStatements: iam.PolicyStatement[] = [',
    ...statements,
    '];',
    '',
  ].join('\n');
}

/** For a person: the notes (where each Region list came from), then the document. */
export function policyHuman(policy: PolicyDocument, notes: string[]): string {
  const head = notes.length > 0 ? `${notes.map((n) => `• ${n}`).join('\n')}\n\n` : '';
  return `${head}${policyJson(policy)}`;
}

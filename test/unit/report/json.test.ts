import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, mostImportant } from '../../../src/report/json.js';
import type { Fix } from '../../../src/types.js';
import { check, run } from './fixtures.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8'));

const ADMIN: Fix = { text: 'Attach the policy.', actor: 'administrator', commands: ['aws iam attach-role-policy'], docs: 'https://docs.aws.amazon.com/x' };
const CALLER: Fix = { text: 'Log in again.', actor: 'caller' };

describe('buildReport', () => {
  it.each([
    ['all pass', 0, [check('iam', 'pass')], false],
    ['a skip', 0, [check('iam', 'pass'), check('invoke', 'skip')], false],
    ['a warning', 0, [check('iam', 'warn', CALLER)], false],
    ['a warning, strict', 1, [check('iam', 'warn', CALLER)], true],
    ['a failure', 1, [check('iam', 'fail', ADMIN)], false],
    ['pending', 3, [check('provider-terms', 'pending', CALLER)], false],
    ['inconclusive', 3, [check('network', 'inconclusive')], false],
    ['a failure beats inconclusive', 1, [check('network', 'inconclusive'), check('iam', 'fail')], false],
  ] as const)('%s: exit %s', (_case, exitCode, checks, strict) => {
    const report = buildReport(run([...checks]), { strict });
    expect(report.exitCode).toBe(exitCode);
    expect(report.ready).toBe(exitCode === 0);
  });

  it.each([
    ['names the gate, Region, model and administrator', [check('iam', 'fail', ADMIN, { region: 'eu-west-3', model: 'anthropic.claude-x' })], false, 'iam (eu-west-3, anthropic.claude-x): An administrator — Attach the policy.'],
    ['says You for the caller', [check('credentials', 'fail', CALLER)], false, 'credentials (us-east-1, amazon.nova-lite-v1:0): You — Log in again.'],
    ['picks a failure before an earlier pending gate', [check('provider-terms', 'pending', CALLER), check('invoke', 'fail', ADMIN)], false, 'invoke (us-east-1, amazon.nova-lite-v1:0): An administrator — Attach the policy.'],
    ['picks pending before inconclusive', [check('network', 'inconclusive', ADMIN), check('provider-terms', 'pending', CALLER)], false, 'provider-terms (us-east-1, amazon.nova-lite-v1:0): You — Log in again.'],
    ['picks the first gate among equals', [check('region', 'fail', CALLER), check('iam', 'fail', ADMIN)], false, 'region (us-east-1, amazon.nova-lite-v1:0): You — Log in again.'],
    ['skips a failure without a fix', [check('region', 'fail'), check('iam', 'fail', ADMIN)], false, 'iam (us-east-1, amazon.nova-lite-v1:0): An administrator — Attach the policy.'],
    ['ignores a warning unless strict', [check('iam', 'warn', ADMIN)], false, null],
    ['takes a warning when strict', [check('iam', 'warn', ADMIN)], true, 'iam (us-east-1, amazon.nova-lite-v1:0): An administrator — Attach the policy.'],
    ['is null when all pass', [check('iam', 'pass')], false, null],
  ] as const)('nextStep %s', (_case, checks, strict, nextStep) => {
    expect(buildReport(run([...checks]), { strict }).nextStep).toBe(nextStep);
  });

  it('agrees with mostImportant, which the human report ends on', () => {
    const checks = [check('network', 'inconclusive', CALLER), check('iam', 'fail', ADMIN)];
    expect(mostImportant(checks, false)?.gate).toBe('iam');
  });

  it.each([
    ['with a fix', ADMIN, 'Attach the policy.', { actor: 'administrator', commands: ['aws iam attach-role-policy'], docs: 'https://docs.aws.amazon.com/x' }],
    ['without a fix', null, null, null],
  ] as const)('carries the fix as text and the rest as remediation, %s', (_case, fix, text, remediation) => {
    const [json] = buildReport(run([check('iam', 'fail', fix)]), { strict: false }).checks;
    expect(json!.fix).toBe(text);
    expect(json!.remediation).toEqual(remediation);
  });

  it.each([true, false])('passes interrupted through (%s) and names the tool and version', (interrupted) => {
    const report = buildReport(run([check('iam', 'pass')], { interrupted }), { strict: false });
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'bedrock-doctor', version: pkg.version }, interrupted, durationMs: 42, regionSource: 'flag' });
  });

  it.each([
    ['a failing run', [check('iam', 'fail', ADMIN, { evidence: { service: 'iam', operation: 'SimulatePrincipalPolicy', httpStatus: 403 } }), check('invoke', 'skip')]],
    ['a passing run', [check('iam', 'pass'), check('invoke', 'pass')]],
  ])('validates against schema/report.schema.json: %s', (_case, checks) => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const report = JSON.parse(JSON.stringify(buildReport(run(checks), { strict: false })));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // check adds where its settings came from, and --wait its attempts.
    expect(validate({ ...report, configFile: 'bedrock-doctor.config.json', attempts: 3, waitedMs: 31_000 }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, configFile: null })).toBe(true);
  });
});

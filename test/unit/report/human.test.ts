import { describe, expect, it } from 'vitest';
import type { ReportIdentity, RunResult } from '../../../src/pipeline/result.js';
import { renderHuman } from '../../../src/report/human.js';
import { buildReport } from '../../../src/report/json.js';
import type { Fix } from '../../../src/types.js';
import { check, run } from './fixtures.js';

const ADMIN_FIX: Fix = {
  text: 'Attach a policy that allows bedrock:InvokeModel.',
  actor: 'administrator',
  commands: ['aws iam attach-role-policy --role-name app'],
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: '*' }] },
  docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam.html',
};
const CALLER_FIX: Fix = { text: 'Run aws sso login, then retry.', actor: 'caller', commands: ['aws sso login --profile dev'] };

/** Wide by default: these tests read the content; test/unit/report/layout.test.ts reads the wrapping. */
function render(r: RunResult, options: { verbose?: boolean; strict?: boolean; color?: boolean; width?: number } = {}): string {
  const strict = Boolean(options.strict);
  return renderHuman(buildReport(r, { strict }), r.checks, { color: Boolean(options.color), verbose: Boolean(options.verbose), strict, width: options.width ?? 200 });
}

const lastLines = (text: string) => text.trimEnd().split('\n').slice(-2);

describe('renderHuman', () => {
  it.each([
    ['administrator', ADMIN_FIX, '      fix (an administrator): Attach a policy'],
    ['caller', CALLER_FIX, '      fix (you): Run aws sso login'],
  ] as const)('names the actor (%s) on the fix line', (_actor, fix, line) => {
    expect(render(run([check('iam', 'fail', fix)]))).toContain(`\n${line}`);
  });

  it.each([
    ['warn', false, false],
    ['warn', true, true],
    ['fail', false, true],
    ['pending', false, true],
    ['inconclusive', false, true],
  ] as const)('a %s row (verbose %s) shows its commands and policy: %s', (status, verbose, shown) => {
    const out = render(run([check('iam', status, ADMIN_FIX)]), { verbose });
    expect(out.includes('        $ aws iam attach-role-policy --role-name app')).toBe(shown);
    expect(out.includes('          "Effect": "Allow",')).toBe(shown);
    // The docs link is short, so it stays even on a warning.
    expect(out).toContain(`        ${ADMIN_FIX.docs}`);
  });

  it.each(['pass', 'skip'] as const)('a %s row shows no fix', (status) => {
    expect(render(run([check('iam', status, ADMIN_FIX), check('invoke', 'pass')]))).not.toContain('fix (');
  });

  it.each([
    ['every check passes', [check('iam', 'pass'), check('invoke', 'pass')], false, 'Ready: this identity can call every model checked.', 0],
    ['invoke was skipped', [check('iam', 'pass'), check('invoke', 'skip')], false, 'Ready: this identity can call every model checked (predicted; the invoke call was skipped).', 0],
    ['a warning, not strict', [check('iam', 'warn', CALLER_FIX)], false, 'Ready: this identity can call every model checked.', 0],
    ['a warning, strict', [check('iam', 'warn', CALLER_FIX)], true, 'Not ready. Next step: Run aws sso login, then retry.', 1],
    ['a failure an administrator fixes', [check('iam', 'fail', ADMIN_FIX)], false, 'Not ready. An administrator must act: Attach a policy that allows bedrock:InvokeModel.', 1],
    ['a pending subscription', [check('provider-terms', 'pending', CALLER_FIX)], false, 'Not proven. Next step: Run aws sso login, then retry.', 3],
    ['a failure without a fix', [check('iam', 'fail')], false, 'Not ready.', 1],
    ['an inconclusive check without a fix', [check('network', 'inconclusive')], false, 'Not proven: some checks could not be completed.', 3],
    ['a failure beside a pending check', [check('iam', 'pending', CALLER_FIX), check('invoke', 'fail', ADMIN_FIX)], false, 'Not ready. An administrator must act: Attach a policy that allows bedrock:InvokeModel.', 1],
  ] as const)('ends on the verdict when %s', (_case, checks, strict, verdict, exitCode) => {
    expect(lastLines(render(run([...checks]), { strict }))).toEqual([verdict, `(42 ms, exit ${exitCode})`]);
  });

  it.each([true, false])('says it was interrupted only when it was (%s)', (interrupted) => {
    const out = render(run([check('iam', 'pass')], { interrupted }));
    expect(out.includes('Interrupted: these are the results known so far.')).toBe(interrupted);
  });

  it.each<[string, ReportIdentity | null, string[], string[]]>([
    ['no identity', null, [], ['Identity']],
    [
      'an assumed role',
      { authMode: 'sigv4', account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/app/s', principalArn: 'arn:aws:iam::123456789012:role/app', credentialSource: 'environment' },
      ['Identity\n  arn:aws:sts::123456789012:assumed-role/app/s (account 123456789012)\n  policies of arn:aws:iam::123456789012:role/app\n  credentials: environment\n'],
      ['API key'],
    ],
    [
      'an API key',
      { authMode: 'api-key', account: null, arn: null, principalArn: null, credentialSource: 'AWS_BEARER_TOKEN_BEDROCK' },
      ['Identity\n  credentials: AWS_BEARER_TOKEN_BEDROCK — Bedrock calls use the API key\n'],
      ['policies of', '(account'],
    ],
  ])('heads the report with %s', (_case, identity, present, absent) => {
    const out = render(run([check('iam', 'pass')], { identity }));
    for (const text of present) expect(out).toContain(text);
    for (const text of absent) expect(out).not.toContain(text);
  });

  it('heads one target with its Region source', () => {
    const out = render(run([check('iam', 'fail', ADMIN_FIX)], { regionSource: 'AWS_REGION' }));
    expect(out).toMatch(/^amazon\.nova-lite-v1:0 {2}· {2}us-east-1 {2}\(Region from AWS_REGION\)\n {2}✖ iam {12}iam says fail\n/);
  });

  it('opens several targets with a grid, then details only for the cells not ready', () => {
    const out = render(run([check('iam', 'fail', ADMIN_FIX), check('iam', 'pass', null, { region: 'eu-west-1' })], { regionSource: 'AWS_REGION' }));
    expect(out).toMatch(/^Region from AWS_REGION\n {25}us-east-1 {9}eu-west-1\n {2}amazon\.nova-lite-v1:0 {2}✖ iam {13}✔ ready\n/);
    expect(out).toContain('\n✖ amazon.nova-lite-v1:0  ·  us-east-1\n  ✖ iam            iam says fail\n');
    expect(out).not.toContain('·  eu-west-1');
    expect(out).toContain('\n1 of 2 targets not ready. An administrator must act for amazon.nova-lite-v1:0 in us-east-1 (iam): Attach a policy');
  });

  it('prints a row every target shares once, and every cell on --verbose', () => {
    const cells = ['us-east-1', 'eu-west-1'].flatMap((region) => [check('credentials', 'pass', null, { region }), check('iam', region === 'us-east-1' ? 'fail' : 'pass', ADMIN_FIX, { region })]);
    const out = render(run(cells));
    expect(out.match(/credentials says pass/g)).toHaveLength(1);
    expect(out).toContain('\nEvery target\n  ✔ credentials    credentials says pass\n');
    expect(render(run(cells), { verbose: true })).toContain('✔ amazon.nova-lite-v1:0  ·  eu-west-1\n  ✔ iam            iam says pass');
  });

  it.each([
    [false, false],
    [true, true],
  ])('shows the evidence only on --verbose (%s)', (verbose, shown) => {
    const evidence = { service: 'bedrock-runtime', operation: 'Converse', errorName: 'AccessDeniedException', httpStatus: 403, requestId: 'req-1', message: 'first\nsecond' };
    const out = render(run([check('invoke', 'fail', ADMIN_FIX, { evidence })]), { verbose });
    expect(out.includes('      bedrock-runtime:Converse · AccessDeniedException · HTTP 403 · request req-1 · 7 ms\n      first\n      second\n')).toBe(shown);
  });

  it.each([
    [false, false],
    [true, true],
  ])('colours only when asked (%s)', (color, coloured) => {
    expect(/\u001b\[/.test(render(run([check('iam', 'fail', ADMIN_FIX)]), { color }))).toBe(coloured);
  });
});

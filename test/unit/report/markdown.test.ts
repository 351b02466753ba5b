import { describe, expect, it } from 'vitest';
import type { ReportCheck, ReportIdentity, RunResult } from '../../../src/pipeline/result.js';
import { buildReport } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import type { Fix } from '../../../src/types.js';
import { check } from './fixtures.js';
import { VERSION } from '../../../src/version.js';

function markdown(checks: ReportCheck[], extra: Partial<RunResult> = {}, strict = false): string {
  const run: RunResult = { identity: null, targets: [{ region: 'us-east-1', model: 'amazon.nova-lite-v1:0' }], checks, durationMs: 1, regionSource: 'flag', interrupted: false, ...extra };
  return renderMarkdown(buildReport(run, { strict }));
}

const rows = (md: string) => md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Region'));

describe('renderMarkdown', () => {
  it.each([
    [[check('iam', 'pass')], `### bedrock-doctor ${VERSION}: ready`],
    [[check('iam', 'fail')], `### bedrock-doctor ${VERSION}: not ready (exit 1)`],
    [[check('iam', 'pending')], `### bedrock-doctor ${VERSION}: not proven (exit 3)`],
  ])('heads the ticket with the verdict: %#', (checks, heading) => {
    expect(markdown(checks).split('\n')[0]).toBe(heading);
  });

  it('writes one table row per check, with cause and request id, findings first', () => {
    const md = markdown([check('iam', 'pass'), check('invoke', 'fail', null, { evidence: { requestId: 'req-9' } })]);
    expect(rows(md)).toEqual([
      '| us-east-1 | `amazon.nova-lite-v1:0` | invoke | fail | iam-implicit-deny | invoke says fail | req-9 |',
      '| us-east-1 | `amazon.nova-lite-v1:0` | iam | pass |  | iam says pass |  |',
    ]);
  });

  it.each([
    ['a pipe in the summary', { summary: 'a | b' }, '| a \\| b |'],
    ['a newline in the summary', { summary: 'line one\nline two' }, '| line one line two |'],
    ['a pipe in the model', { model: 'arn|odd' }, '| `arn\\|odd` |'],
  ])('escapes %s so the table keeps its columns', (_case, extra, cell) => {
    const [row] = rows(markdown([check('iam', 'fail', null, extra)]));
    expect(row).toContain(cell);
    // 7 columns: 8 unescaped pipes.
    expect(row!.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(8);
  });

  it('escapes the next step too', () => {
    const fix: Fix = { text: 'Allow a|b\nthen retry.', actor: 'administrator' };
    expect(markdown([check('iam', 'fail', null, { fix })])).toContain('\n**Next step:** iam (us-east-1, amazon.nova-lite-v1:0): An administrator — Allow a\\|b then retry.\n');
  });

  it('has no next step when nothing needs one', () => {
    expect(markdown([check('iam', 'pass')])).not.toContain('Next step');
  });

  it.each<[string, ReportIdentity | null, string[]]>([
    ['no identity', null, ['- Region source: AWS_REGION']],
    [
      'a role',
      { authMode: 'sigv4', account: '1', arn: 'arn:aws:sts::1:assumed-role/r/s', principalArn: 'arn:aws:iam::1:role/r', credentialSource: 'sso' },
      ['- Identity: `arn:aws:sts::1:assumed-role/r/s` (credentials: sso)', '- Policies of: `arn:aws:iam::1:role/r`'],
    ],
    ['an API key', { authMode: 'api-key', account: null, arn: null, principalArn: null, credentialSource: 'AWS_BEARER_TOKEN_BEDROCK' }, ['- Identity: `API key` (credentials: AWS_BEARER_TOKEN_BEDROCK)']],
  ])('lists %s', (_case, identity, lines) => {
    const md = markdown([check('iam', 'pass')], { identity, regionSource: 'AWS_REGION' });
    for (const line of lines) expect(md.split('\n')).toContain(line);
    expect(md.includes('Policies of')).toBe(Boolean(identity?.principalArn));
  });
});

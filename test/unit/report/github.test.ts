import { describe, expect, it } from 'vitest';
import { annotations, escapeData, escapeProperty, jobSummary } from '../../../src/report/github.js';
import { buildReport } from '../../../src/report/json.js';
import type { Fix } from '../../../src/types.js';
import { check, run } from './fixtures.js';

const ADMIN: Fix = { text: 'Allow bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0.', actor: 'administrator', commands: ['aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/dev --action-names bedrock:InvokeModel'] };

const CALLER: Fix = { text: 'Retry in a minute.', actor: 'caller' };

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in a message, and leaves : and , alone there', () => {
    expect(escapeData('100% done:\r\nnext, then')).toBe('100%25 done:%0D%0Anext, then');
  });

  it('also escapes : and , in a property', () => {
    expect(escapeProperty('iam (anthropic.claude-3-haiku-20240307-v1:0 · us-east-1), 50%\n')).toBe('iam (anthropic.claude-3-haiku-20240307-v1%3A0 · us-east-1)%2C 50%25%0A');
  });
});

describe('annotations', () => {
  const report = buildReport(
    run([
      check('credentials', 'pass'),
      check('iam', 'fail', ADMIN, { summary: 'Denied: 100% sure\nsecond line' }),
      check('provider-terms', 'warn', CALLER),
      check('network', 'inconclusive', CALLER),
      // The call failed for iam's reason: its row only records it.
      check('invoke', 'fail', null, { summary: 'Converse failed: denied (see iam)' }),
    ]),
    {},
  );

  it('an error per failure and a warning per warning or inconclusive gate, each escaped, one line each, none for a row that points at another', () => {
    const lines = annotations(report, []).split('\n').filter(Boolean);
    expect(lines).toEqual([
      '::error title=iam (amazon.nova-lite-v1%3A0 · us-east-1)::Denied: 100%25 sure%0Asecond line — Allow bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0.',
      '::warning title=provider-terms (amazon.nova-lite-v1%3A0 · us-east-1)::provider-terms says warn — Retry in a minute.',
      '::warning title=network (amazon.nova-lite-v1%3A0 · us-east-1)::network says inconclusive — Retry in a minute.',
    ]);
  });

  it('a status in --fail-on is an error, as it fails the run', () => {
    expect(annotations(report, ['inconclusive'])).toMatch(/^::error title=network /m);
  });

  it('a finding without a fix is annotated when it is the only one', () => {
    expect(annotations(buildReport(run([check('region', 'fail')]), {}), [])).toBe('::error title=region (amazon.nova-lite-v1%3A0 · us-east-1)::region says fail\n');
  });
});

describe('job summary', () => {
  const report = buildReport(run([check('credentials', 'pass'), check('iam', 'fail', ADMIN), check('invoke', 'pending')]), {});
  const summary = jobSummary({ ...report, configFile: 'bedrock-doctor.config.json', attempts: 3, waitedMs: 31_000 }, []);

  it('opens with the verdict and where the settings came from', () => {
    expect(summary).toMatch(/^### bedrock-doctor: ❌ not ready \(exit 1\)\n/);
    expect(summary).toContain('settings from `bedrock-doctor.config.json` · 3 attempts over 31 s');
  });

  it('has a row per target and a column per gate', () => {
    expect(summary).toContain('| Region | Model | credentials | network | region | model-access | iam | provider-terms | invoke |');
    expect(summary).toContain('| us-east-1 | `amazon.nova-lite-v1:0` | ✔ pass |  |  |  | ✖ fail |  | … pending |');
  });

  it("lists the failing gates' fixes, with who acts and the commands", () => {
    expect(summary).toContain('- **iam** (`amazon.nova-lite-v1:0` · us-east-1): iam says fail\n  Fix (an administrator): Allow bedrock:InvokeModel');
    expect(summary).toContain('  ```sh\n  aws iam simulate-principal-policy');
    expect(summary).not.toContain('invoke says pending\n  Fix');
  });

  it('says ready when it is', () => {
    expect(jobSummary(buildReport(run([check('iam', 'pass')]), {}), [])).toMatch(/^### bedrock-doctor: ✅ ready\n/);
  });
});

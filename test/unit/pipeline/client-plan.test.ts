import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCheck, type CheckInput } from '../../../src/pipeline/plan.js';
import { applyClientFindings } from '../../../src/pipeline/client-findings.js';
import type { GateResult } from '../../../src/gates/shared/context.js';
import { GATES, type Gate } from '../../../src/types.js';
import { UsageError } from '../../../src/errors.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'bd-client-plan-'));
  await mkdir(join(home, '.claude'), { recursive: true });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const input = (over: Partial<CheckInput>): CheckInput => ({ regions: [], models: [], noInvoke: false, allowSubscribe: false, stream: false, timeoutSeconds: 60, ...over });
const env = () => ({ HOME: home, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') });
const settings = (value: unknown) => writeFile(join(home, '.claude', 'settings.json'), JSON.stringify(value));

describe('planCheck with --from', () => {
  it("plans the client's targets with their origin and streaming, plus --model and --region cells", async () => {
    await settings({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'dev', ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-20250514-v1:0' } });
    const plan = await planCheck(input({ from: 'claude-code', models: ['amazon.nova-lite-v1:0'], regions: ['us-west-2'] }), env());
    expect(plan.regionSource).toBe('client');
    expect(plan.profile).toBe('dev');
    expect(plan.targets.map((t) => [t.model, t.region, t.origin!.roles, t.stream])).toEqual([
      ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-east-1', ['main model'], true],
      ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-west-2', ['main model (--region)'], true],
      ['amazon.nova-lite-v1:0', 'us-west-2', ['--model'], true],
    ]);
    expect(plan.client).toMatchObject({ name: 'claude-code', files: expect.arrayContaining([{ path: '~/.claude/settings.json', found: true }]) });
  });

  it('makes one target of a model the client uses twice, with both roles', async () => {
    await settings({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', ANTHROPIC_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0' } });
    const plan = await planCheck(input({ from: 'claude-code' }), env());
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]!.origin!.roles).toEqual(['main model', 'small/fast model']);
  });

  it('refuses an unknown client, an unconfigured one, and an SDK preset without a Region, each in one line', async () => {
    await expect(planCheck(input({ from: 'cursor' }), env())).rejects.toThrow(/supported: claude-code, litellm/);
    await expect(planCheck(input({ from: 'claude-code' }), env())).rejects.toBeInstanceOf(UsageError);
    await expect(planCheck(input({ from: 'vercel-ai', models: ['amazon.nova-lite-v1:0'] }), env())).rejects.toThrow('vercel-ai has no Region: AWS_REGION is unset; set it, or pass --region');
    await expect(planCheck(input({ from: 'vercel-ai' }), { ...env(), AWS_REGION: 'us-east-1' })).rejects.toThrow(/pass the models it will use with --model/);
  });
});

describe('applyClientFindings', () => {
  const results = (status: Partial<Record<Gate, GateResult['status']>>) =>
    new Map(GATES.map((gate) => [gate, { gate, status: status[gate] ?? 'pass', cause: status[gate] === 'fail' ? 'profile-not-in-region' : null, summary: `${gate} said so.`, fix: status[gate] === 'fail' ? { text: 'Use a profile listed here.', actor: 'caller' } : null, evidence: { details: { alternatives: ['eu.anthropic.claude-3-haiku-20240307-v1:0'] } } } as GateResult]));

  it('takes over a failed gate so the fix names the setting, and marks a listed suggestion', async () => {
    await settings({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1', ANTHROPIC_MODEL: 'eu.anthropic.claude-sonnet-4-20250514-v1:0', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0' } });
    const plan = await planCheck(input({ from: 'claude-code' }), env());
    const small = plan.targets.find((t) => t.origin!.roles.includes('small/fast model'))!;
    const region = applyClientFindings(results({ region: 'fail' }), small).get('region')!;
    expect(region).toMatchObject({ status: 'fail', cause: 'client-profile-geography-mismatch' });
    expect(region.summary).toContain('region said so.');
    expect(region.fix!.text).toContain('Set `ANTHROPIC_DEFAULT_HAIKU_MODEL` in ~/.claude/settings.json to eu.anthropic.claude-3-haiku-20240307-v1:0 (the same model\'s profile for this Region\'s geography, listed in this Region)');
    // A prediction AWS contradicts leaves the gate as AWS answered.
    expect(applyClientFindings(results({}), small).get('region')).toMatchObject({ status: 'pass', cause: null });
  });

  it('turns a pass into a warning for a Region the client does not document, and names the model setting on a model-id failure', async () => {
    await settings({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_DEFAULT_REGION: 'us-east-1', ANTHROPIC_MODEL: 'anthropic.claude-sonnet-4-20250514-v1:0' } });
    const plan = await planCheck(input({ from: 'claude-code' }), env());
    const target = plan.targets[0]!;
    expect(applyClientFindings(results({}), target).get('region')).toMatchObject({ status: 'warn', cause: 'client-region-variable-unset' });
    const failed = new Map(results({}));
    failed.set('region', { gate: 'region', status: 'fail', cause: 'inference-profile-required', summary: 'Needs a profile.', fix: { text: 'Use a profile id.', actor: 'caller' }, evidence: {} });
    const region = applyClientFindings(failed, target).get('region')!;
    expect(region.fix!.text).toContain('claude-code takes this model from `ANTHROPIC_MODEL` in ~/.claude/settings.json: change it there.');
  });

  it("names the client's profile setting in a credentials fix", async () => {
    await settings({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'sso-dev' } });
    const plan = await planCheck(input({ from: 'claude-code' }), env());
    const failed = new Map(results({}));
    failed.set('credentials', { gate: 'credentials', status: 'fail', cause: 'sso-expired', summary: 'The SSO session expired.', fix: { text: 'Run aws sso login.', actor: 'caller' }, evidence: {} });
    expect(applyClientFindings(failed, plan.targets[0]!).get('credentials')!.fix!.text).toBe('Run aws sso login. claude-code uses the profile "sso-dev" (`AWS_PROFILE` in ~/.claude/settings.json).');
    // --profile replaces the client's: nothing to add then. (The profile must exist: a missing one is a usage error.)
    await writeFile(join(home, 'config'), '[profile other]\nregion = us-east-1\n');
    const flagged = await planCheck(input({ from: 'claude-code', profile: 'other' }), { ...env(), AWS_CONFIG_FILE: join(home, 'config') });
    expect(applyClientFindings(failed, flagged.targets[0]!).get('credentials')!.fix!.text).toBe('Run aws sso login.');
  });
});

import { describe, expect, it } from 'vitest';
import { CLAUDE_CODE } from '../../../src/clients/claude-code.js';
import { causes, read } from './read.js';

const USER = '~/.claude/settings.json';
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('claude-code', () => {
  it('derives the main and small/fast targets from the settings env block, with their provenance', () => {
    // The shape /setup-bedrock writes: Region and pins in the user settings' env block.
    const reading = read(CLAUDE_CODE, {
      [USER]: json({
        env: {
          CLAUDE_CODE_USE_BEDROCK: '1',
          AWS_REGION: 'eu-west-1',
          AWS_PROFILE: 'bedrock-dev',
          ANTHROPIC_MODEL: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
          ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
        },
      }),
    });
    expect(reading.configured).toBe(true);
    expect(reading.targets).toEqual([
      expect.objectContaining({ role: 'main model', model: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0', region: 'eu-west-1', modelFrom: { setting: 'ANTHROPIC_MODEL', file: USER }, regionFrom: { setting: 'AWS_REGION', file: USER }, api: 'invoke', stream: true }),
      expect.objectContaining({ role: 'small/fast model', model: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', region: 'eu-west-1', modelFrom: { setting: 'ANTHROPIC_DEFAULT_HAIKU_MODEL', file: USER }, hidden: true }),
    ]);
    expect(reading.profile).toEqual({ name: 'bedrock-dev', from: { setting: 'AWS_PROFILE', file: USER } });
    // The us. Haiku pin from an EU Region (anthropics/claude-code#10166): named, with the eu. id to set.
    const geography = reading.findings.find((f) => f.cause === 'client-profile-geography-mismatch')!;
    expect(geography).toMatchObject({ role: 'small/fast model', setting: { setting: 'ANTHROPIC_DEFAULT_HAIKU_MODEL', file: USER }, value: 'eu.anthropic.claude-3-5-haiku-20241022-v1:0' });
    expect(causes(reading)).toContain('client-hidden-model');
  });

  it('lets a project-local env block win over the user settings and the shell', () => {
    const reading = read(
      CLAUDE_CODE,
      {
        [USER]: json({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1' } }),
        '.claude/settings.local.json': json({ env: { AWS_REGION: 'us-west-2' }, model: 'us.anthropic.claude-sonnet-4-20250514-v1:0' }),
      },
      { AWS_REGION: 'eu-central-1' },
    );
    expect(reading.targets).toEqual([
      expect.objectContaining({ model: 'us.anthropic.claude-sonnet-4-20250514-v1:0', region: 'us-west-2', modelFrom: { setting: 'model', file: '.claude/settings.local.json' }, regionFrom: { setting: 'AWS_REGION', file: '.claude/settings.local.json' } }),
    ]);
  });

  it('uses the documented default model and the small/fast model is the main one when nothing is pinned', () => {
    const reading = read(CLAUDE_CODE, {}, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1' });
    expect(reading.targets).toHaveLength(1);
    expect(reading.targets[0]).toMatchObject({ model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', modelFrom: { setting: 'ANTHROPIC_MODEL', isDefault: true } });
    expect(causes(reading)).toEqual([]);
  });

  it('warns when AWS_REGION is unset and the Region comes from another source (anthropics/claude-code#1434, #1215)', () => {
    const reading = read(CLAUDE_CODE, { [USER]: json({ env: { CLAUDE_CODE_USE_BEDROCK: 'true', AWS_DEFAULT_REGION: 'eu-west-1', ANTHROPIC_MODEL: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0' } }) });
    expect(reading.targets[0]!.region).toBe('eu-west-1');
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-region-variable-unset', setting: { setting: 'AWS_REGION', file: USER }, value: 'eu-west-1' })]);
    // The default us. main model from an EU Region is also a geography mismatch.
    expect(read(CLAUDE_CODE, {}, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1' }).findings.map((f) => f.cause)).toEqual(['client-profile-geography-mismatch']);
  });

  it('reads the Region of the profile in ~/.aws when AWS_REGION is unset', () => {
    const reading = read(CLAUDE_CODE, {}, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: 'work' }, { work: { region: 'ap-northeast-1' } });
    expect(reading.targets[0]).toMatchObject({ region: 'ap-northeast-1', regionFrom: { setting: 'region of profile work', file: '~/.aws/config' } });
  });

  it('is not configured for Bedrock without CLAUDE_CODE_USE_BEDROCK, and names a "0" pinned in a settings file', () => {
    expect(read(CLAUDE_CODE, {}, { AWS_REGION: 'us-east-1' })).toMatchObject({ configured: false, notConfigured: expect.stringContaining('CLAUDE_CODE_USE_BEDROCK is not set') });
    // binbashar/le-tf-infra-aws PR #1096: a "0" in settings.local.json silently disabled Bedrock.
    const off = read(CLAUDE_CODE, { '.claude/settings.local.json': json({ env: { CLAUDE_CODE_USE_BEDROCK: '0' } }) }, { CLAUDE_CODE_USE_BEDROCK: '1' });
    expect(off).toMatchObject({ configured: false, notConfigured: expect.stringContaining('"0" in .claude/settings.local.json') });
  });

  it('resolves model aliases through their pins and keeps the [1m] suffix out of the id', () => {
    const reading = read(CLAUDE_CODE, {}, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', ANTHROPIC_MODEL: 'opus[1m]', ANTHROPIC_DEFAULT_OPUS_MODEL: 'us.anthropic.claude-opus-4-1-20250805-v1:0' });
    expect(reading.targets[0]).toMatchObject({ model: 'us.anthropic.claude-opus-4-1-20250805-v1:0', modelFrom: { setting: 'ANTHROPIC_DEFAULT_OPUS_MODEL' } });
  });

  it('says when credentials come from a settings file, without their value', () => {
    const reading = read(CLAUDE_CODE, { [USER]: json({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-c2VjcmV0' } }) });
    const finding = reading.findings.find((f) => f.cause === 'client-credentials-not-applied')!;
    expect(finding.setting).toEqual({ setting: 'AWS_BEARER_TOKEN_BEDROCK', file: USER });
    expect(JSON.stringify(reading)).not.toContain('c2VjcmV0');
  });

  it('reports a settings file that is not JSON instead of guessing', () => {
    const reading = read(CLAUDE_CODE, { [USER]: '{ "env": { "CLAUDE_CODE_USE_BEDROCK": "1", ' }, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1' });
    expect(reading.files.find((f) => f.path === USER)).toMatchObject({ found: true, problem: expect.stringContaining('not valid JSON') });
  });
});

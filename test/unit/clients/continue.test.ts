import { describe, expect, it } from 'vitest';
import { CONTINUE } from '../../../src/clients/continue.js';
import { read } from './read.js';

const YAML = '~/.continue/config.yaml';

// The documented shape (docs/customize/model-providers/top-level/bedrock.mdx).
const CONFIG = `
name: My Config
version: 0.0.1
schema: v1
models:
  - name: Claude Sonnet
    provider: bedrock
    model: us.anthropic.claude-sonnet-4-20250514-v1:0
    env:
      region: us-east-1
      profile: work
    roles: [chat, edit]
  - name: Titan Embed
    provider: bedrock
    model: amazon.titan-embed-text-v2:0
    roles: [embed]
  - name: GPT
    provider: openai
    model: gpt-4o
`;

describe('continue', () => {
  it('derives the bedrock models with their Region, API and streaming', () => {
    const reading = read(CONTINUE, { [YAML]: CONFIG }, {}, { work: {}, bedrock: {} });
    expect(reading.targets.map((t) => [t.role, t.model, t.region, t.api, t.stream])).toEqual([
      ['models: Claude Sonnet', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-east-1', 'converse', true],
      ['models: Titan Embed', 'amazon.titan-embed-text-v2:0', 'us-east-1', 'invoke', false],
    ]);
    expect(reading.targets[1]!.regionFrom).toEqual({ setting: 'env.region of "Titan Embed"', file: YAML, isDefault: true });
    expect(reading.profile).toMatchObject({ name: 'work' });
    expect(reading.findings).toEqual([]);
  });

  it('names the profile "bedrock" it looks for when none is set and ~/.aws has no such profile (continue#2139)', () => {
    const config = 'models:\n  - name: Claude\n    provider: bedrock\n    model: anthropic.claude-3-haiku-20240307-v1:0\n';
    const reading = read(CONTINUE, { [YAML]: config }, {}, { default: {}, 'my-sso': {} });
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-default-profile-name', value: 'default', setting: { setting: 'env.profile of "Claude"', file: YAML } })]);
    expect(reading.profile).toMatchObject({ name: 'default' });
  });

  it('reads the deprecated config.json when there is no config.yaml, with its top-level keys', () => {
    const json = '{"models": [{"title": "Claude", "provider": "bedrock", "model": "anthropic.claude-3-haiku-20240307-v1:0", "region": "eu-west-1", "profile": "bedrock"}]}';
    const reading = read(CONTINUE, { '~/.continue/config.json': json }, {}, { bedrock: {} });
    expect(reading.targets[0]).toMatchObject({ region: 'eu-west-1', regionFrom: { setting: 'region of "Claude"', file: '~/.continue/config.json' } });
  });

  it('is not configured without a bedrock model', () => {
    expect(read(CONTINUE, { [YAML]: 'models:\n  - name: G\n    provider: openai\n    model: gpt-4o\n' })).toMatchObject({ configured: false });
  });
});

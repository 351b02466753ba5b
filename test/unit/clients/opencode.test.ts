import { describe, expect, it } from 'vitest';
import { OPENCODE } from '../../../src/clients/opencode.js';
import { causes, read } from './read.js';

const GLOBAL = '~/.config/opencode/opencode.json';
const AUTH = '~/.local/share/opencode/auth.json';

describe('opencode', () => {
  it('reads provider options and the model, and adds the prefix opencode adds for the Region', () => {
    // As in opencode's providers docs: options.region and options.profile; the model as amazon-bedrock/<id>.
    const reading = read(OPENCODE, {
      [GLOBAL]: '{\n  // JSONC is accepted\n  "provider": { "amazon-bedrock": { "options": { "region": "eu-west-1", "profile": "dev" } } },\n  "model": "amazon-bedrock/anthropic.claude-sonnet-4-20250514-v1:0",\n}',
    });
    expect(reading.targets[0]).toMatchObject({ model: 'eu.anthropic.claude-sonnet-4-20250514-v1:0', region: 'eu-west-1', modelFrom: { setting: 'model', file: GLOBAL }, regionFrom: { setting: 'provider["amazon-bedrock"].options.region', file: GLOBAL }, api: 'converse', stream: true });
    expect(reading.profile).toEqual({ name: 'dev', from: { setting: 'provider["amazon-bedrock"].options.profile', file: GLOBAL } });
    // small_model unset: opencode picks one by itself, which the doctor cannot name.
    expect(causes(reading)).toEqual(['client-hidden-model']);
  });

  it('lets the project file win over the global one, and checks small_model as its own target', () => {
    const reading = read(OPENCODE, {
      [GLOBAL]: '{"model": "amazon-bedrock/anthropic.claude-sonnet-4-20250514-v1:0"}',
      'opencode.json': '{"provider": {"amazon-bedrock": {"options": {"region": "us-west-2"}}}, "small_model": "amazon-bedrock/anthropic.claude-3-haiku-20240307-v1:0"}',
    });
    expect(reading.targets.map((t) => [t.role, t.model, t.region])).toEqual([
      ['model', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-west-2'],
      ['small model', 'us.anthropic.claude-3-haiku-20240307-v1:0', 'us-west-2'],
    ]);
  });

  it('reads only AWS_REGION: with AWS_DEFAULT_REGION alone it falls back to us-east-1, and says so (opencode#396)', () => {
    const reading = read(OPENCODE, { 'opencode.json': '{"model": "amazon-bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0"}' }, { AWS_PROFILE: 'sso-dev', AWS_DEFAULT_REGION: 'eu-central-1' });
    expect(reading.targets[0]).toMatchObject({ region: 'us-east-1', regionFrom: { isDefault: true } });
    expect(reading.findings.find((f) => f.cause === 'client-region-variable-unset')).toMatchObject({ value: 'eu-central-1' });
  });

  it('notes an API key stored by /connect without reading its value into the result', () => {
    const reading = read(OPENCODE, { 'opencode.json': '{"model": "amazon-bedrock/us.amazon.nova-lite-v1:0"}', [AUTH]: '{"amazon-bedrock": {"type": "api", "key": "bedrock-api-key-TOPSECRET"}}' }, { AWS_REGION: 'us-east-1' });
    expect(causes(reading)).toContain('client-credentials-not-applied');
    expect(JSON.stringify(reading)).not.toContain('TOPSECRET');
  });

  it('is not configured without a provider block or an amazon-bedrock model', () => {
    expect(read(OPENCODE, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4"}' }, { AWS_REGION: 'us-east-1' })).toMatchObject({ configured: false });
  });
});

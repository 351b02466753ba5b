import { describe, expect, it } from 'vitest';
import { GOOSE } from '../../../src/clients/goose.js';
import { ZED } from '../../../src/clients/zed.js';
import { causes, read } from './read.js';

const ZED_SETTINGS = '~/.config/zed/settings.json';
const GOOSE_CONFIG = '~/.config/goose/config.yaml';

describe('zed', () => {
  it('reads language_models.bedrock and the agent default model, ignoring AWS_REGION (zed#25714)', () => {
    const settings = `{
      // Zed's settings are JSON with comments
      "agent": { "default_model": { "provider": "amazon-bedrock", "model": "anthropic.claude-sonnet-4-20250514-v1:0" } },
      "language_models": { "bedrock": { "authentication_method": "named_profile", "profile": "zed", "region": "eu-west-1" } },
    }`;
    const reading = read(ZED, { [ZED_SETTINGS]: settings }, { AWS_REGION: 'us-west-2' });
    expect(reading.targets).toEqual([expect.objectContaining({ model: 'eu.anthropic.claude-sonnet-4-20250514-v1:0', region: 'eu-west-1', regionFrom: { setting: 'language_models.bedrock.region', file: ZED_SETTINGS }, api: 'converse', stream: true })]);
    expect(reading.profile).toMatchObject({ name: 'zed' });
    expect(causes(reading)).toEqual([]);
  });

  it('says when the Region is its us-east-1 default while AWS_REGION names another', () => {
    const settings = '{"language_models": {"bedrock": {"available_models": [{"name": "us.amazon.nova-lite-v1:0", "max_tokens": 300000}]}}}';
    const reading = read(ZED, { [ZED_SETTINGS]: settings }, { AWS_REGION: 'eu-central-1' });
    expect(reading.targets[0]).toMatchObject({ model: 'us.amazon.nova-lite-v1:0', region: 'us-east-1' });
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-region-variable-unset', value: 'eu-central-1', setting: { setting: 'language_models.bedrock.region', file: ZED_SETTINGS } })]);
  });

  it('is not configured without a bedrock block', () => {
    expect(read(ZED, { [ZED_SETTINGS]: '{"theme": "One Dark"}' })).toMatchObject({ configured: false });
  });
});

describe('goose', () => {
  it('reads GOOSE_PROVIDER, GOOSE_MODEL and AWS_REGION from config.yaml, the environment winning', () => {
    const config = 'GOOSE_PROVIDER: aws_bedrock\nGOOSE_MODEL: us.anthropic.claude-sonnet-4-20250514-v1:0\nAWS_REGION: us-west-2\nAWS_PROFILE: goose\n';
    const reading = read(GOOSE, { [GOOSE_CONFIG]: config }, { AWS_REGION: 'us-east-1' });
    expect(reading.targets).toEqual([expect.objectContaining({ model: 'us.anthropic.claude-sonnet-4-20250514-v1:0', region: 'us-east-1', regionFrom: { setting: 'AWS_REGION' }, modelFrom: { setting: 'GOOSE_MODEL', file: GOOSE_CONFIG } })]);
    expect(reading.profile).toEqual({ name: 'goose', from: { setting: 'AWS_PROFILE', file: GOOSE_CONFIG } });
  });

  it('names the "default" profile the desktop app fills in when ~/.aws defines only others (goose#10676)', () => {
    const config = 'GOOSE_PROVIDER: aws_bedrock\nAWS_REGION: us-east-1\nAWS_PROFILE: default\n';
    const reading = read(GOOSE, { [GOOSE_CONFIG]: config }, {}, { 'team-sso': { region: 'us-east-1' } });
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-default-profile-name', value: 'team-sso', setting: { setting: 'AWS_PROFILE', file: GOOSE_CONFIG } })]);
    // Unset, GOOSE_MODEL is Goose's own default; Goose calls Converse without streaming.
    expect(reading.targets).toEqual([expect.objectContaining({ model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', modelFrom: { setting: 'GOOSE_MODEL', file: GOOSE_CONFIG, isDefault: true }, stream: false })]);
    // An API key is used instead of the profile: no finding then.
    expect(read(GOOSE, { [GOOSE_CONFIG]: config }, { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-x' }, { 'team-sso': {} }).findings).toEqual([]);
  });

  it('is not configured for another provider', () => {
    expect(read(GOOSE, { [GOOSE_CONFIG]: 'GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o\n' })).toMatchObject({ configured: false, notConfigured: expect.stringContaining('"openai"') });
  });
});

import { describe, expect, it } from 'vitest';
import { LITELLM } from '../../../src/clients/litellm.js';
import { causes, read } from './read.js';

const PATH = '/srv/litellm/config.yaml';

// Modelled on docs.litellm.ai providers/bedrock: env references, the three routes, an ARN model_id.
const CONFIG = `
model_list:
  - model_name: claude-sonnet
    litellm_params:
      model: bedrock/converse/us.anthropic.claude-sonnet-4-20250514-v1:0
      aws_region_name: os.environ/AWS_REGION_NAME
  - model_name: haiku
    litellm_params:
      model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
      aws_region_name: eu-west-1
      aws_profile_name: litellm
  - model_name: llama
    litellm_params:
      model: bedrock/invoke/meta.llama3-8b-instruct-v1:0
  - model_name: my-app-profile
    litellm_params:
      model: bedrock/converse/anthropic.claude-3-haiku-20240307-v1:0
      model_id: arn:aws:bedrock:us-east-2:111122223333:application-inference-profile/abc123
  - model_name: gpt
    litellm_params:
      model: openai/gpt-4o
`;

describe('litellm', () => {
  it('derives one target per bedrock/ entry, with its route, Region and provenance', () => {
    const reading = read(LITELLM, { [PATH]: CONFIG }, { AWS_REGION_NAME: 'us-east-1' }, {}, PATH);
    expect(reading.targets.map((t) => [t.role, t.model, t.region, t.api])).toEqual([
      ['model_list: claude-sonnet', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-east-1', 'converse'],
      ['model_list: haiku', 'anthropic.claude-3-haiku-20240307-v1:0', 'eu-west-1', 'converse'],
      ['model_list: llama', 'meta.llama3-8b-instruct-v1:0', 'us-east-1', 'invoke'],
      ['model_list: my-app-profile', 'arn:aws:bedrock:us-east-2:111122223333:application-inference-profile/abc123', 'us-east-2', 'converse'],
    ]);
    expect(reading.targets[0]!.regionFrom).toEqual({ setting: 'litellm_params.aws_region_name of "claude-sonnet" (os.environ/AWS_REGION_NAME)', file: PATH });
    expect(reading.targets[2]!.regionFrom).toEqual({ setting: 'AWS_REGION_NAME' });
    expect(reading.targets[3]!.modelFrom).toEqual({ setting: 'litellm_params.model_id of "my-app-profile"', file: PATH });
    expect(reading.profile).toEqual({ name: 'litellm', from: { setting: 'litellm_params.aws_profile_name of "haiku"', file: PATH } });
  });

  it('falls back to us-west-2 silently, and says when the Region was set in a variable LiteLLM does not read (pr-agent#1050)', () => {
    const config = 'model_list:\n  - model_name: sonnet\n    litellm_params:\n      model: bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0\n';
    const reading = read(LITELLM, { [PATH]: config }, { BEDROCK_AWS_DEFAULT_REGION: 'us-east-1' }, {}, PATH);
    expect(reading.targets[0]).toMatchObject({ region: 'us-west-2', regionFrom: { setting: 'aws_region_name', isDefault: true } });
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-region-variable-unset', value: 'us-east-1', setting: { setting: 'litellm_params.aws_region_name of "sonnet"', file: PATH } })]);
  });

  it('reads AWS_REGION when AWS_REGION_NAME is unset, and the profile Region through boto3', () => {
    const config = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: bedrock/amazon.nova-lite-v1:0\n';
    expect(read(LITELLM, { [PATH]: config }, { AWS_REGION: 'ap-south-1' }, {}, PATH).targets[0]!.region).toBe('ap-south-1');
    expect(read(LITELLM, { [PATH]: config }, { AWS_PROFILE: 'p' }, { p: { region: 'ca-central-1' } }, PATH).targets[0]!.region).toBe('ca-central-1');
  });

  it('names a us. profile served from an EU Region', () => {
    const config = 'model_list:\n  - model_name: s\n    litellm_params:\n      model: bedrock/converse/us.anthropic.claude-sonnet-4-20250514-v1:0\n      aws_region_name: eu-central-1\n';
    const reading = read(LITELLM, { [PATH]: config }, {}, {}, PATH);
    expect(reading.findings[0]).toMatchObject({ cause: 'client-profile-geography-mismatch', value: 'eu.anthropic.claude-sonnet-4-20250514-v1:0', setting: { setting: 'litellm_params.model of "s"', file: PATH } });
  });

  it('notes credentials written in the config without printing them', () => {
    const config = 'model_list:\n  - model_name: k\n    litellm_params:\n      model: bedrock/amazon.nova-lite-v1:0\n      aws_access_key_id: AKIAEXAMPLEKEY123456\n      aws_secret_access_key: s3cr3tValueNeverPrinted\n';
    const reading = read(LITELLM, { [PATH]: config }, { AWS_REGION: 'us-east-1' }, {}, PATH);
    expect(causes(reading)).toEqual(['client-credentials-not-applied']);
    expect(JSON.stringify(reading)).not.toContain('s3cr3tValueNeverPrinted');
  });

  it('is not configured without a bedrock/ entry, or without the file', () => {
    expect(read(LITELLM, { [PATH]: 'model_list:\n  - model_name: g\n    litellm_params:\n      model: openai/gpt-4o\n' }, {}, {}, PATH)).toMatchObject({ configured: false, notConfigured: expect.stringContaining('bedrock/') });
    expect(read(LITELLM, {}, {}, {}, PATH)).toMatchObject({ configured: false, notConfigured: expect.stringContaining('not found') });
  });
});

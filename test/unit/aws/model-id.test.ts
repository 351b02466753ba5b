import { describe, expect, it } from 'vitest';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';
import { UsageError } from '../../../src/errors.js';

describe('parseModelRef', () => {
  it.each([
    ['amazon.nova-lite-v1:0', { kind: 'base', baseId: 'amazon.nova-lite-v1:0' }],
    ['zai.glm-4.6', { kind: 'base', baseId: 'zai.glm-4.6' }],
    ['openai.gpt-oss-120b-1:0', { kind: 'base', baseId: 'openai.gpt-oss-120b-1:0' }],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', { kind: 'profile', prefix: 'us', baseId: 'anthropic.claude-sonnet-4-20250514-v1:0' }],
    ['global.anthropic.claude-sonnet-4-20250514-v1:0', { kind: 'profile', prefix: 'global' }],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', { kind: 'profile', prefix: 'us-gov' }],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0', { kind: 'foundation-model-arn', baseId: 'amazon.nova-lite-v1:0', arnRegion: 'us-east-1' }],
    ['arn:aws:bedrock:us-east-1:111122223333:inference-profile/eu.amazon.nova-lite-v1:0', { kind: 'profile-arn', prefix: 'eu', baseId: 'amazon.nova-lite-v1:0' }],
    ['arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/2kbsta0lwebx', { kind: 'application-profile-arn' }],
    ['arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc123', { kind: 'other-arn', resourceType: 'provisioned-model' }],
  ])('%s', (input, expected) => {
    expect(parseModelRef(input)).toMatchObject(expected);
  });

  it.each(['', '   ', 'claude', 'anthropic claude', 'arn:aws:s3:::bucket', 'arn:aws:bedrock:us-east-1::foundation-model/', 'x'.repeat(3000)])(
    'rejects %j as a usage error',
    (input) => {
      expect(() => parseModelRef(input)).toThrow(UsageError);
    },
  );
});

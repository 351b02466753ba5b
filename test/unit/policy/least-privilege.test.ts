import { describe, expect, it } from 'vitest';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';
import { leastPrivilegePolicy } from '../../../src/policy/least-privilege.js';
import { DOCTOR_BEDROCK_READS } from '../../../src/vocabulary/iam-actions.js';

const policy = (models: string[], regions = ['us-east-1'], options = {}) =>
  leastPrivilegePolicy(
    regions.flatMap((region) => models.map((m) => ({ region, ref: parseModelRef(m) }))),
    { stream: false, account: '111122223333', doctor: false, ...options },
  );

describe('least-privilege policy', () => {
  it('allows a base model only in the Regions asked for', () => {
    expect(policy(['amazon.nova-lite-v1:0'], ['us-east-1', 'eu-west-1']).Statement).toEqual([
      {
        Sid: 'InvokeModels',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel'],
        Resource: ['arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
      },
    ]);
  });

  it('allows a geographic profile and the model behind it only through that profile', () => {
    const [profile, models] = policy(['us.anthropic.claude-sonnet-4-20250514-v1:0']).Statement;
    expect(profile!.Resource).toEqual(['arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0']);
    expect(models!.Resource).toEqual(['arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0']);
    expect(models!.Condition).toEqual({ StringLike: { 'bedrock:InferenceProfileArn': profile!.Resource } });
  });

  it('adds the Region-less global model ARN for a global profile, and the stream action on request', () => {
    const statements = policy(['global.anthropic.claude-sonnet-4-20250514-v1:0'], ['us-east-1'], { stream: true }).Statement;
    expect(statements[1]!.Resource).toContain('arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0');
    expect(statements.every((s) => s.Action.includes('bedrock:InvokeModelWithResponseStream'))).toBe(true);
  });

  it('uses the GovCloud partition in GovCloud, and adds only read actions for the doctor', () => {
    const statements = policy(['amazon.nova-lite-v1:0'], ['us-gov-west-1'], { doctor: true }).Statement;
    expect(statements[0]!.Resource[0]).toMatch(/^arn:aws-us-gov:bedrock:us-gov-west-1::/);
    const read = statements.find((s) => s.Sid === 'BedrockDoctorReadOnly')!;
    expect(read.Action).toEqual(DOCTOR_BEDROCK_READS);
    expect((read.Action as string[]).every((a) => /^bedrock:(Get|List)/.test(a))).toBe(true);
  });
});

/**
 * A look-up owns its IAM action: when a read is denied, the "Cannot look" finding names the
 * permission of the call that failed, not one passed in beside it.
 */
import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
} from '@aws-sdk/client-bedrock';
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Failed } from '../../../src/aws/call.js';
import { checkIam } from '../../../src/gates/iam.js';
import { checkModelAccess } from '../../../src/gates/model-access.js';
import { checkProviderTerms } from '../../../src/gates/provider-terms.js';
import { checkRegion } from '../../../src/gates/region.js';
import { fromFailure } from '../../../src/gates/shared/finding.js';
import { ACCOUNT, awsError, context, healthy, mocks, target, HAIKU, NOVA, SONNET4, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

const denied = (action: string) =>
  awsError('AccessDeniedException', 403, `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`);

/** Each look-up, made to fail with a denial of its own action. */
const LOOKUPS = [
  ['ListFoundationModels', 'bedrock:ListFoundationModels', () => m.bedrock.on(ListFoundationModelsCommand).rejects(denied('bedrock:ListFoundationModels')), (c: ReturnType<typeof context>) => c.lookups.models('us-east-1')],
  ['GetFoundationModel', 'bedrock:GetFoundationModel', () => m.bedrock.on(GetFoundationModelCommand).rejects(denied('bedrock:GetFoundationModel')), (c: ReturnType<typeof context>) => c.lookups.foundationModel('us-east-1', NOVA)],
  ['ListInferenceProfiles', 'bedrock:ListInferenceProfiles', () => m.bedrock.on(ListInferenceProfilesCommand).rejects(denied('bedrock:ListInferenceProfiles')), (c: ReturnType<typeof context>) => c.lookups.profiles('us-east-1')],
  ['GetInferenceProfile', 'bedrock:GetInferenceProfile', () => m.bedrock.on(GetInferenceProfileCommand).rejects(denied('bedrock:GetInferenceProfile')), (c: ReturnType<typeof context>) => c.lookups.inferenceProfile('us-east-1', `us.${SONNET4}`)],
  ['GetFoundationModelAvailability', 'bedrock:GetFoundationModelAvailability', () => m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(denied('bedrock:GetFoundationModelAvailability')), (c: ReturnType<typeof context>) => c.lookups.availability('us-east-1', HAIKU)],
  ['GetUseCaseForModelAccess', 'bedrock:GetUseCaseForModelAccess', () => m.bedrock.on(GetUseCaseForModelAccessCommand).rejects(denied('bedrock:GetUseCaseForModelAccess')), (c: ReturnType<typeof context>) => c.lookups.useCase('us-east-1')],
  ['SimulatePrincipalPolicy', 'iam:SimulatePrincipalPolicy', () => m.iam.on(SimulatePrincipalPolicyCommand).rejects(denied('iam:SimulatePrincipalPolicy')), (c: ReturnType<typeof context>) => c.lookups.simulate({ policySourceArn: `arn:aws:iam::${ACCOUNT}:user/dev`, actions: ['bedrock:InvokeModel'], resources: ['*'], context: [] })],
] as const;

describe('a denied look-up names its own read permission', () => {
  it.each(LOOKUPS)('%s', async (_operation, action, deny, look) => {
    deny();
    const outcome = await look(context());
    expect(outcome.ok).toBe(false);
    const result = await fromFailure('region', outcome as Failed);
    expect(result).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
    expect(result.summary).toContain(action);
    expect(result.fix!.text).toContain(action);
    expect(result.fix!.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [action], Resource: '*' }] });
  });

  it('GetRole: the role cannot be resolved, and the fix allows iam:GetRole on it', async () => {
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/session`, UserId: 'AROA:session' });
    m.iam.on(GetRoleCommand).rejects(denied('iam:GetRole'));
    const subject = await context().lookups.policySubject();
    expect(subject.kind).toBe('role-unresolved');
    if (subject.kind !== 'role-unresolved') return;
    expect((await fromFailure('iam', subject.failure!)).summary).toContain('iam:GetRole');
    const iam = await checkIam(context(), target(HAIKU));
    expect(iam).toMatchObject({ status: 'warn', cause: 'cannot-resolve-role' });
    expect(JSON.stringify(iam.fix!.policy)).toContain('iam:GetRole');
  });
});

describe('the gates name the read that was denied', () => {
  it('a denied GetFoundationModel (the model is not in the list) names bedrock:GetFoundationModel, not ListFoundationModels', async () => {
    m.bedrock.on(GetFoundationModelCommand).rejects(denied('bedrock:GetFoundationModel'));
    const region = await checkRegion(context(), target('amazon.titan-text-express-v1'));
    expect(region).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
    expect(region.summary).toContain('bedrock:GetFoundationModel');
    expect(region.summary).not.toContain('ListFoundationModels');
  });

  it('a denied ListFoundationModels names bedrock:ListFoundationModels', async () => {
    m.bedrock.on(ListFoundationModelsCommand).rejects(denied('bedrock:ListFoundationModels'));
    const region = await checkRegion(context(), target(NOVA));
    expect(region.summary).toContain('bedrock:ListFoundationModels');
  });

  it('a denied GetInferenceProfile (the profile is not in the list) names bedrock:GetInferenceProfile, not ListInferenceProfiles', async () => {
    m.bedrock.on(GetInferenceProfileCommand).rejects(denied('bedrock:GetInferenceProfile'));
    const region = await checkRegion(context(), target(`eu.${SONNET4}`));
    expect(region).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
    expect(region.summary).toContain('bedrock:GetInferenceProfile');
    expect(region.summary).not.toContain('ListInferenceProfiles');
  });

  it('a denied GetFoundationModelAvailability names it on model-access', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(denied('bedrock:GetFoundationModelAvailability'));
    const access = await checkModelAccess(context(), target(HAIKU));
    expect(access).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
    expect(access.summary).toContain('bedrock:GetFoundationModelAvailability');
  });

  it('a denied GetUseCaseForModelAccess names it on provider-terms', async () => {
    m.bedrock.on(GetUseCaseForModelAccessCommand).rejects(denied('bedrock:GetUseCaseForModelAccess'));
    const terms = await checkProviderTerms(context(), target(HAIKU));
    expect(terms).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
    expect(terms.summary).toContain('bedrock:GetUseCaseForModelAccess');
  });

  it('a denied SimulatePrincipalPolicy is a warning that names it', async () => {
    m.iam.on(SimulatePrincipalPolicyCommand).rejects(denied('iam:SimulatePrincipalPolicy'));
    const iam = await checkIam(context(), target(HAIKU));
    expect(iam).toMatchObject({ status: 'warn', cause: 'cannot-simulate' });
    expect(iam.summary).toContain('iam:SimulatePrincipalPolicy');
  });
});

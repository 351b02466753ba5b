import { GetFoundationModelAvailabilityCommand, ListFoundationModelAgreementOffersCommand, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkModelAccess } from '../../../src/gates/model-access.js';
import { awsError, context, healthy, mocks, target, HAIKU, NOVA, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

const availability = (overrides: object) =>
  m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
    modelId: HAIKU,
    agreementAvailability: { status: 'AVAILABLE' },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
    ...overrides,
  });

describe('model-access gate', () => {
  it('passes an authorized, available model', async () => {
    expect(await checkModelAccess(context(), target(HAIKU))).toMatchObject({ status: 'pass' });
  });

  it('ignores entitlementAvailability, which has meant nothing since Oct 2025', async () => {
    availability({ entitlementAvailability: 'NOT_AVAILABLE' });
    expect((await checkModelAccess(context(), target(HAIKU))).status).toBe('pass');
  });

  it('warns on NOT_AUTHORIZED (the invoke call decides)', async () => {
    availability({ authorizationStatus: 'NOT_AUTHORIZED' });
    expect(await checkModelAccess(context(), target(HAIKU))).toMatchObject({ status: 'warn', cause: 'account-not-authorized-for-model' });
  });

  it('fails when Bedrock reports the model unavailable in the Region', async () => {
    availability({ regionAvailability: 'NOT_AVAILABLE' });
    expect(await checkModelAccess(context(), target(HAIKU))).toMatchObject({ status: 'fail', cause: 'model-not-available-in-region' });
  });

  it('warns on a Legacy model', async () => {
    expect(await checkModelAccess(context(), target('anthropic.claude-v2:1'))).toMatchObject({ status: 'warn', cause: 'model-legacy' });
  });

  it('fails a model past its end of life', async () => {
    m.bedrock.on(ListFoundationModelsCommand).resolves({
      modelSummaries: [{ modelId: HAIKU, modelArn: 'arn', providerName: 'Anthropic', modelLifecycle: { status: 'LEGACY', endOfLifeTime: new Date('2026-01-01T00:00:00Z') } as never }],
    });
    expect(await checkModelAccess(context(), target(HAIKU))).toMatchObject({ status: 'fail', cause: 'model-end-of-life' });
  });

  it('uses the base model of an inference profile', async () => {
    await checkModelAccess(context(), target(`us.${NOVA}`));
    expect(m.bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]!.args[0].input.modelId).toBe(NOVA);
  });

  describe('a Marketplace model with no agreement yet', () => {
    beforeEach(() => availability({ agreementAvailability: { status: 'NOT_AVAILABLE' } }));

    it('fails when the caller could not create the subscription, with an administrator fix', async () => {
      m.iam.on(SimulatePrincipalPolicyCommand).resolves({
        EvaluationResults: [
          { EvalActionName: 'aws-marketplace:ViewSubscriptions', EvalResourceName: '*', EvalDecision: 'implicitDeny' },
          { EvalActionName: 'aws-marketplace:Subscribe', EvalResourceName: '*', EvalDecision: 'implicitDeny' },
        ],
      });
      const result = await checkModelAccess(context(), target(HAIKU));
      expect(result).toMatchObject({ status: 'fail', cause: 'marketplace-permissions-missing' });
      expect(result.fix?.actor).toBe('administrator');
      const input = m.iam.commandCalls(SimulatePrincipalPolicyCommand)[0]!.args[0].input;
      expect(input.ContextEntries).toContainEqual(expect.objectContaining({ ContextKeyName: 'aws:CalledViaLast', ContextKeyValues: ['bedrock.amazonaws.com'] }));
    });

    it('warns when the caller could subscribe', async () => {
      expect(await checkModelAccess(context(), target(HAIKU))).toMatchObject({ status: 'warn', cause: 'marketplace-subscription-needed' });
    });

    it('passes a model with no Marketplace offer', async () => {
      m.bedrock.on(ListFoundationModelAgreementOffersCommand).resolves({ modelId: HAIKU, offers: [] });
      expect((await checkModelAccess(context(), target(HAIKU))).status).toBe('pass');
    });
  });

  it('is not applicable when availability does not know the model', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(awsError('ValidationException', 400, 'Model id is not valid'));
    expect(await checkModelAccess(context(), target(NOVA))).toMatchObject({ status: 'skip', cause: 'not-applicable' });
  });

  it('is inconclusive when throttled', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(awsError('ThrottlingException', 429, 'Too many requests, please wait before trying again.'));
    expect((await checkModelAccess(context(), target(HAIKU))).status).toBe('inconclusive');
  });
});

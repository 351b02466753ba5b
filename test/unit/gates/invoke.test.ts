import { GetFoundationModelAvailabilityCommand, ListFoundationModelAgreementOffersCommand, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvoke } from '../../../src/gates/invoke.js';
import { awsError, context, healthy, mocks, target, HAIKU, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

describe('invoke gate', () => {
  it('makes one minimal Converse call and passes when it answers', async () => {
    const result = await checkInvoke(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'pass', invoke: { answered: true } });
    const input = m.runtime.commandCalls(ConverseCommand)[0]!.args[0].input;
    expect(input.modelId).toBe(HAIKU);
    expect(input.inferenceConfig).toMatchObject({ temperature: 0 });
    expect(input.inferenceConfig!.maxTokens).toBeLessThanOrEqual(16);
  });

  it('makes no call with --no-invoke', async () => {
    expect(await checkInvoke(context({ noInvoke: true }), target(HAIKU))).toMatchObject({ status: 'skip', cause: 'not-requested' });
    expect(m.runtime.calls()).toHaveLength(0);
  });

  it('does not call a Marketplace model without an agreement unless allowed', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: HAIKU, agreementAvailability: { status: 'NOT_AVAILABLE' }, authorizationStatus: 'AUTHORIZED', entitlementAvailability: 'AVAILABLE', regionAvailability: 'AVAILABLE',
    });
    expect(await checkInvoke(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'invoke-would-subscribe' });
    expect(m.runtime.calls()).toHaveLength(0);
    expect((await checkInvoke(context({ allowSubscribe: true }), target(HAIKU))).status).toBe('pass');
    expect(m.runtime.calls()).toHaveLength(1);
  });

  it('fails closed: no call when there is no agreement and the offers cannot be read', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: HAIKU, agreementAvailability: { status: 'NOT_AVAILABLE' }, authorizationStatus: 'AUTHORIZED', entitlementAvailability: 'AVAILABLE', regionAvailability: 'AVAILABLE',
    });
    m.bedrock.on(ListFoundationModelAgreementOffersCommand).rejects(awsError('ThrottlingException', 429, 'Too many requests, please wait before trying again.'));
    expect(await checkInvoke(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'invoke-would-subscribe' });
    expect(m.runtime.calls()).toHaveLength(0);
  });

  it('calls when the agreement cannot be read at all (a least-privilege caller)', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(awsError('AccessDeniedException', 403, 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:GetFoundationModelAvailability because no identity-based policy allows the bedrock:GetFoundationModelAvailability action'));
    expect((await checkInvoke(context(), target(HAIKU))).status).toBe('pass');
  });

  it('does not call an embedding model with Converse', async () => {
    m.bedrock.on(ListFoundationModelsCommand).resolves({ modelSummaries: [{ modelId: 'amazon.titan-embed-text-v2:0', modelArn: 'arn', outputModalities: ['EMBEDDING'] }] });
    expect(await checkInvoke(context(), target('amazon.titan-embed-text-v2:0'))).toMatchObject({ status: 'skip', cause: 'converse-unsupported' });
    expect(m.runtime.calls()).toHaveLength(0);
  });

  it.each([
    ['ThrottlingException', 429, 'Too many requests, please wait before trying again.'],
    ['ServiceUnavailableException', 503, 'Bedrock is unable to process your request.'],
    ['ModelNotReadyException', 429, 'The model specified in the request is not ready to serve inference requests.'],
    ['InternalServerException', 500, 'The system encountered an unexpected error during processing. Try your request again.'],
  ])('is inconclusive, never pass or fail, on %s', async (name, status, message) => {
    m.runtime.on(ConverseCommand).rejects(awsError(name, status, message));
    const result = await checkInvoke(context(), target(HAIKU));
    expect(result.status).toBe('inconclusive');
  });

  it('does not take an empty 200 for an answer', async () => {
    m.runtime.on(ConverseCommand).resolves({} as never);
    expect(await checkInvoke(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'garbage-response' });
  });

  it('reports its own minimal request being refused as inconclusive, not as denied access', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('ValidationException', 400, 'Malformed input request: #: extraneous key [temperature] is not permitted, please reformat your input and try again.'));
    expect(await checkInvoke(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'probe-request-rejected' });
  });

  it('hands a denial to the gate at fault', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('AccessDeniedException', 403, "You don't have access to the model with the specified model ID."));
    const result = await checkInvoke(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'fail', invoke: { answered: false, diagnosis: { gate: 'model-access' } } });
  });
});

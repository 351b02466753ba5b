import { GetFoundationModelAvailabilityCommand, GetUseCaseForModelAccessCommand } from '@aws-sdk/client-bedrock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProviderTerms } from '../../../src/gates/provider-terms.js';
import { awsError, context, healthy, mocks, target, HAIKU, NOVA, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

const agreement = (status: string, errorMessage?: string) =>
  m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
    modelId: HAIKU,
    agreementAvailability: { status: status as never, errorMessage },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
  });

describe('provider-terms gate', () => {
  it('passes with the agreement in place and the Anthropic form on file, naming the company only', async () => {
    const result = await checkProviderTerms(context(), target(HAIKU));
    expect(result.status).toBe('pass');
    expect(result.summary).toContain('Example Corp');
  });

  it('does not ask for the Anthropic form for other providers', async () => {
    await checkProviderTerms(context(), target(NOVA));
    expect(m.bedrock.commandCalls(GetUseCaseForModelAccessCommand)).toHaveLength(0);
  });

  it('fails when the Anthropic use-case form is missing', async () => {
    m.bedrock.on(GetUseCaseForModelAccessCommand).rejects(awsError('ResourceNotFoundException', 404, 'You have not filled out the request form'));
    const result = await checkProviderTerms(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'fail', cause: 'anthropic-use-case-missing' });
    expect(result.fix?.commands?.join('\n')).toContain('put-use-case-for-model-access');
  });

  it('reads a bare 404 from GetUseCaseForModelAccess as no form on file', async () => {
    m.bedrock.on(GetUseCaseForModelAccessCommand).rejects(awsError('Unknown', 404, 'Not Found'));
    expect(await checkProviderTerms(context(), target(HAIKU))).toMatchObject({ status: 'fail', cause: 'anthropic-use-case-missing' });
  });

  it('reports a pending agreement as pending', async () => {
    agreement('PENDING');
    expect(await checkProviderTerms(context(), target(HAIKU))).toMatchObject({ status: 'pending', cause: 'marketplace-subscription-pending' });
  });

  it('fails a failed agreement with its message', async () => {
    agreement('ERROR', 'INVALID_PAYMENT_INSTRUMENT');
    const result = await checkProviderTerms(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'fail', cause: 'marketplace-agreement-failed' });
    expect(result.summary).toContain('INVALID_PAYMENT_INSTRUMENT');
  });

  it('warns that the offer is not accepted yet, with the terms link', async () => {
    agreement('NOT_AVAILABLE');
    const result = await checkProviderTerms(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'warn', cause: 'marketplace-agreement-not-accepted' });
    expect(result.summary).toContain('https://example.com/eula');
  });

  it('does not pass when it could not read the agreement', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(awsError('AccessDeniedException', 403, 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:GetFoundationModelAvailability because no identity-based policy allows the bedrock:GetFoundationModelAvailability action'));
    expect(await checkProviderTerms(context(), target(NOVA))).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
  });

  it('is inconclusive when it may not read the form', async () => {
    m.bedrock.on(GetUseCaseForModelAccessCommand).rejects(awsError('AccessDeniedException', 403, 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:GetUseCaseForModelAccess because no identity-based policy allows the bedrock:GetUseCaseForModelAccess action'));
    expect(await checkProviderTerms(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
  });
});

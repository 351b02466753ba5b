import { GetFoundationModelCommand, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegion } from '../../../src/gates/region.js';
import { awsError, context, healthy, mocks, target, HAIKU, SONNET4, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

describe('region gate', () => {
  it('passes a model offered on demand in the Region', async () => {
    expect(await checkRegion(context(), target(HAIKU))).toMatchObject({ status: 'pass', cause: null });
  });

  it('fails a Region whose Bedrock endpoint does not exist, and names Regions that have it', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND bedrock.ap-east-1.amazonaws.com'), { code: 'ENOTFOUND', hostname: 'bedrock.ap-east-1.amazonaws.com' });
    m.bedrock.on(ListFoundationModelsCommand).rejects(notFound);
    m.bedrock.on(GetFoundationModelCommand).rejects(notFound);
    const result = await checkRegion(context(), target(HAIKU, 'ap-east-1'));
    expect(result).toMatchObject({ status: 'fail', cause: 'bedrock-not-in-region' });
  });

  it('trusts an endpoint that answers over the list of Bedrock Regions', async () => {
    expect((await checkRegion(context(), target(HAIKU, 'ap-southeast-9'))).status).toBe('pass');
  });

  it('fails a model the Region does not offer, confirmed by GetFoundationModel, and suggests similar ids', async () => {
    const result = await checkRegion(context(), target('anthropic.claude-3-haiku-20990101-v1:0'));
    expect(result).toMatchObject({ status: 'fail', cause: 'model-not-in-region' });
    expect(result.summary).toContain(HAIKU);
    expect(m.bedrock.commandCalls(GetFoundationModelCommand)).toHaveLength(1);
  });

  it('names the inference profile to use for a model without on-demand throughput', async () => {
    const result = await checkRegion(context(), target(SONNET4));
    expect(result).toMatchObject({ status: 'fail', cause: 'inference-profile-required' });
    expect(result.summary).toContain(`us.${SONNET4}`);
    expect(result.fix?.text).toContain(`us.${SONNET4}`);
  });

  it('passes an inference profile offered from the Region and records its destinations', async () => {
    const result = await checkRegion(context(), target(`us.${SONNET4}`));
    expect(result.status).toBe('pass');
    expect(result.evidence.details?.destinations).toHaveLength(3);
  });

  it('fails a profile not offered from the Region and lists the ones that are', async () => {
    const result = await checkRegion(context(), target(`eu.${SONNET4}`));
    expect(result).toMatchObject({ status: 'fail', cause: 'profile-not-in-region' });
    expect(result.summary).toContain(`us.${SONNET4}`);
  });

  it('fails a foundation-model ARN from another Region', async () => {
    const result = await checkRegion(context(), target(`arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`));
    expect(result).toMatchObject({ status: 'fail', cause: 'arn-region-mismatch' });
  });

  it('is inconclusive, naming the read permission, when it may not list models', async () => {
    const denied = awsError('AccessDeniedException', 403, 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action');
    m.bedrock.on(ListFoundationModelsCommand).rejects(denied);
    m.bedrock.on(GetFoundationModelCommand).rejects(denied);
    const result = await checkRegion(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'inconclusive', cause: 'lookup-denied' });
  });

  it('is skipped, handing the failure on, when credentials are expired', async () => {
    const expired = awsError('ExpiredTokenException', 403, 'The security token included in the request is expired');
    m.bedrock.on(ListFoundationModelsCommand).rejects(expired);
    m.bedrock.on(GetFoundationModelCommand).rejects(expired);
    const result = await checkRegion(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'skip', cause: 'blocked-by-credentials' });
    expect(result.blockedBy?.gate).toBe('credentials');
  });
});

describe('region gate against an endpoint that lacks a read', () => {
  it('warns, rather than failing the network gate, when GetFoundationModel is an unknown operation', async () => {
    const m2 = healthy(mocks());
    m2.bedrock.on(ListFoundationModelsCommand).resolves({ modelSummaries: [] });
    m2.bedrock.on(GetFoundationModelCommand).rejects(awsError('UnknownOperationException', 404, 'Unknown operation'));
    const result = await checkRegion(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'warn', cause: 'lookup-unsupported' });
    expect(result.blockedBy).toBeUndefined();
    Object.values(m2).forEach((mock) => mock.restore());
  });
});

describe('region gate against answers that are not answers', () => {
  it('does not read a 200 without modelSummaries as "model not in Region"', async () => {
    const m2 = healthy(mocks());
    m2.bedrock.on(ListFoundationModelsCommand).resolves({} as never);
    const result = await checkRegion(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'skip', blockedBy: { gate: 'network', cause: 'garbage-response' } });
    Object.values(m2).forEach((mock) => mock.restore());
  });

  it('keeps another gate\'s guess from a look-up (a bare 404) on itself as an open question', async () => {
    const m2 = healthy(mocks());
    m2.bedrock.on(ListFoundationModelsCommand).rejects(awsError('NotFound', 404, 'Not Found'));
    const result = await checkRegion(context(), target(HAIKU));
    expect(result.blockedBy).toBeUndefined();
    Object.values(m2).forEach((mock) => mock.restore());
  });
});

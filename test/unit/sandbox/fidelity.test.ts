/**
 * The emulator speaks the wire formats the real SDK clients expect: every emulated operation
 * parses into the right output, and every error kind becomes an exception with the AWS name
 * and HTTP status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import {
  BedrockClient,
  CreateFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
} from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, type Emulator } from '../../../src/sandbox/index.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' };

function clients(emulator: Emulator, region = 'us-east-1') {
  const common = { region, endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() };
  return {
    sts: new STSClient(common),
    iam: new IAMClient(common),
    bedrock: new BedrockClient(common),
    runtime: new BedrockRuntimeClient(common),
  };
}

async function thrown(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
const ping = (modelId: string) =>
  new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'ping' }] }], inferenceConfig: { maxTokens: 1 } });

describe('healthy world through the real SDK clients', () => {
  let emulator: Emulator;
  let c: ReturnType<typeof clients>;
  beforeAll(async () => {
    emulator = await startEmulator('healthy');
    c = clients(emulator);
  });
  afterAll(() => emulator.close());

  it('STS GetCallerIdentity', async () => {
    const out = await c.sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/dev', UserId: 'AIDAEXAMPLEUSERID0001' });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', auth: 'sigv4', region: 'us-east-1', mutating: false });
  });

  it('IAM GetRole returns the path of an SSO role', async () => {
    const out = await c.iam.send(new GetRoleCommand({ RoleName: 'AWSReservedSSO_BedrockDev_0123456789abcdef' }));
    expect(out.Role).toMatchObject({
      Path: '/aws-reserved/sso.amazonaws.com/',
      RoleName: 'AWSReservedSSO_BedrockDev_0123456789abcdef',
      Arn: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDev_0123456789abcdef',
      MaxSessionDuration: 43200,
    });
    expect(out.Role?.CreateDate).toBeInstanceOf(Date);
    const missing = await thrown(c.iam.send(new GetRoleCommand({ RoleName: 'Nope' })));
    expect(missing.name).toBe('NoSuchEntityException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it('IAM SimulatePrincipalPolicy decodes the request and answers every pair', async () => {
    const out = await c.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: 'arn:aws:iam::111122223333:user/dev',
        ActionNames: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        ResourceArns: [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`],
        ContextEntries: [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['us-east-1'], ContextKeyType: 'string' }],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults).toHaveLength(2);
    const first = out.EvaluationResults![0]!;
    expect(first).toMatchObject({
      EvalActionName: 'bedrock:InvokeModel',
      EvalResourceName: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
      EvalDecision: 'allowed',
      OrganizationsDecisionDetail: { AllowedByOrganizations: true },
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
      ResourceSpecificResults: [{ EvalResourceName: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`, EvalResourceDecision: 'allowed' }],
    });
    expect(first.MatchedStatements?.[0]?.SourcePolicyId).toBe('AmazonBedrockLimitedAccess');
    expect(first.MissingContextValues ?? []).toEqual([]);
    expect(emulator.requests.at(-1)).toMatchObject({
      service: 'iam',
      operation: 'SimulatePrincipalPolicy',
      params: {
        PolicySourceArn: 'arn:aws:iam::111122223333:user/dev',
        ActionNames: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        ResourceArns: [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`],
        ContextEntries: [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['us-east-1'], ContextKeyType: 'string' }],
      },
    });
  });

  it('IAM SimulatePrincipalPolicy pages with MaxItems/Marker and rejects an STS ARN', async () => {
    const input = {
      PolicySourceArn: 'arn:aws:iam::111122223333:user/dev',
      ActionNames: ['bedrock:InvokeModel'],
      ResourceArns: ['arn:a', 'arn:b', 'arn:c'],
      MaxItems: 2,
    };
    const page1 = await c.iam.send(new SimulatePrincipalPolicyCommand(input));
    expect(page1.IsTruncated).toBe(true);
    expect(page1.EvaluationResults).toHaveLength(2);
    const page2 = await c.iam.send(new SimulatePrincipalPolicyCommand({ ...input, Marker: page1.Marker }));
    expect(page2.IsTruncated).toBe(false);
    expect(page2.EvaluationResults?.map((r) => r.EvalResourceName)).toEqual(['arn:c']);

    const sts = await thrown(
      c.iam.send(new SimulatePrincipalPolicyCommand({ ...input, PolicySourceArn: 'arn:aws:sts::111122223333:assumed-role/R/s' })),
    );
    expect(sts.name).toBe('InvalidInputException');
    expect(sts.$metadata?.httpStatusCode).toBe(400);
    expect(sts.message).toContain('does not clearly define entity type and name');
  });

  it('Bedrock ListFoundationModels and GetFoundationModel', async () => {
    const list = await c.bedrock.send(new ListFoundationModelsCommand({}));
    expect(list.modelSummaries?.map((m) => m.modelId)).toEqual(
      expect.arrayContaining(['amazon.nova-lite-v1:0', HAIKU, SONNET4, 'meta.llama3-8b-instruct-v1:0', 'anthropic.claude-v2:1']),
    );
    const filtered = await c.bedrock.send(new ListFoundationModelsCommand({ byProvider: 'meta' }));
    expect(filtered.modelSummaries?.map((m) => m.modelId)).toEqual(['meta.llama3-8b-instruct-v1:0']);

    const sonnet = await c.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: SONNET4 }));
    expect(sonnet.modelDetails).toMatchObject({
      modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${SONNET4}`,
      providerName: 'Anthropic',
      inferenceTypesSupported: ['INFERENCE_PROFILE'],
      modelLifecycle: { status: 'ACTIVE' },
    });
    const legacy = await c.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1' }));
    expect(legacy.modelDetails?.modelLifecycle?.status).toBe('LEGACY');
    expect(legacy.modelDetails?.modelLifecycle?.legacyTime).toBeInstanceOf(Date);
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'bedrock', operation: 'GetFoundationModel', path: expect.stringContaining('%3A') });

    const missing = await thrown(c.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.claude-opus-9-v1:0' })));
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', message: 'Could not resolve the foundation model from the provided model identifier.' });
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it('Bedrock ListInferenceProfiles pages, GetInferenceProfile takes an id or an ARN', async () => {
    const first = await c.bedrock.send(new ListInferenceProfilesCommand({ maxResults: 3 }));
    expect(first.inferenceProfileSummaries).toHaveLength(3);
    expect(first.nextToken).toBeTruthy();
    const rest = await c.bedrock.send(new ListInferenceProfilesCommand({ maxResults: 3, nextToken: first.nextToken }));
    expect(rest.nextToken).toBeUndefined();
    const all = [...first.inferenceProfileSummaries!, ...rest.inferenceProfileSummaries!];
    expect(all.map((p) => p.inferenceProfileId)).toEqual([
      `us.${SONNET4}`,
      'us.amazon.nova-lite-v1:0',
      `us.${HAIKU}`,
      `global.${SONNET4}`,
    ]);
    const global = all[3]!;
    expect(global).toMatchObject({
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.${SONNET4}`,
      type: 'SYSTEM_DEFINED',
      status: 'ACTIVE',
    });
    expect(global.createdAt).toBeInstanceOf(Date);
    expect(global.models?.map((m) => m.modelArn)).toEqual([
      `arn:aws:bedrock:us-east-1::foundation-model/${SONNET4}`,
      `arn:aws:bedrock:us-east-2::foundation-model/${SONNET4}`,
      `arn:aws:bedrock:us-west-2::foundation-model/${SONNET4}`,
      `arn:aws:bedrock:::foundation-model/${SONNET4}`,
    ]);

    const byId = await c.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `us.${HAIKU}` }));
    const byArn = await c.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: byId.inferenceProfileArn }));
    expect(byArn.inferenceProfileId).toBe(`us.${HAIKU}`);
    expect(byId.models).toHaveLength(3);
  });

  it('Bedrock availability, agreement offers and the use-case form', async () => {
    const availability = await c.bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: HAIKU }));
    expect(availability).toMatchObject({
      modelId: HAIKU,
      agreementAvailability: { status: 'AVAILABLE' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'AVAILABLE',
    });
    const offers = await c.bedrock.send(new ListFoundationModelAgreementOffersCommand({ modelId: HAIKU }));
    expect(offers.offers).toHaveLength(1);
    expect(offers.offers![0]!.offerToken).toBeTruthy();
    expect(offers.offers![0]!.termDetails?.legalTerm?.url).toMatch(/^https:\/\//);

    const useCase = await c.bedrock.send(new GetUseCaseForModelAccessCommand({}));
    expect(useCase.formData).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(Buffer.from(useCase.formData!).toString('utf8'))).toEqual({
      companyName: 'Example Corp',
      companyWebsite: 'https://example.com',
      intendedUsers: '0',
      industryOption: 'Technology',
      useCases: 'Internal assistant',
    });
  });

  it('mutating operations answer and are recorded as mutating', async () => {
    const out = await c.bedrock.send(new CreateFoundationModelAgreementCommand({ modelId: HAIKU, offerToken: 'tok' }));
    expect(out.modelId).toBe(HAIKU);
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'CreateFoundationModelAgreement', mutating: true, params: { modelId: HAIKU, offerToken: 'tok' } });
  });

  it('Bedrock Runtime Converse: base id, profile id, profile ARN', async () => {
    const out = await c.runtime.send(ping(HAIKU));
    expect(out.output?.message).toEqual({ role: 'assistant', content: [{ text: 'pong' }] });
    expect(out).toMatchObject({ stopReason: 'max_tokens', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 }, metrics: { latencyMs: 42 } });
    expect(emulator.requests.at(-1)).toMatchObject({
      service: 'bedrock-runtime',
      operation: 'Converse',
      auth: 'sigv4',
      mutating: false,
      path: `/model/${encodeURIComponent(HAIKU)}/converse`,
      params: { modelId: HAIKU, inferenceConfig: { maxTokens: 1 } },
    });
    await expect(c.runtime.send(ping(`us.${SONNET4}`))).resolves.toBeDefined();
    await expect(c.runtime.send(ping(`arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.${SONNET4}`))).resolves.toBeDefined();
  });

  it('Bedrock Runtime Converse errors as AWS words them', async () => {
    const unknown = await thrown(c.runtime.send(ping('anthropic.claude-opus-9-v1:0')));
    expect(unknown).toMatchObject({ name: 'ValidationException', message: 'The provided model identifier is invalid.' });
    expect(unknown.$metadata?.httpStatusCode).toBe(400);
    const profileOnly = await thrown(c.runtime.send(ping(SONNET4)));
    expect(profileOnly.name).toBe('ValidationException');
    expect(profileOnly.message).toBe(
      `Invocation of model ID ${SONNET4} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    );
  });

  it('answers every Region that hosts Bedrock from the credential scope', async () => {
    const eu = clients(emulator, 'eu-west-1');
    const out = await eu.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: HAIKU }));
    expect(out.modelDetails?.modelArn).toBe(`arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}`);
    expect(emulator.requests.at(-1)?.region).toBe('eu-west-1');
  });
});

describe('error kinds', () => {
  let emulator: Emulator;
  afterAll(() => emulator?.close());

  it('awsQuery error: STS ExpiredToken 403', async () => {
    emulator = await startEmulator('expired-token');
    const c = clients(emulator);
    const e = await thrown(c.sts.send(new GetCallerIdentityCommand({})));
    // The wire code is STS's awsQuery code; the SDK names the exception after it.
    expect(e.name).toBe('ExpiredToken');
    expect(e.message).toBe('The security token included in the request is expired');
    expect(e.$metadata?.httpStatusCode).toBe(403);
    const iam = await thrown(c.iam.send(new GetRoleCommand({ RoleName: 'x' })));
    expect(iam.name).toBe('ExpiredToken');
    const runtime = await thrown(c.runtime.send(ping(HAIKU)));
    expect(runtime.name).toBe('ExpiredTokenException');
    expect(runtime.$metadata?.httpStatusCode).toBe(403);
    await emulator.close();
  });

  it('awsQuery error: STS InvalidClientTokenId and SignatureDoesNotMatch', async () => {
    emulator = await startEmulator('invalid-access-key');
    const e = await thrown(clients(emulator).sts.send(new GetCallerIdentityCommand({})));
    expect(e).toMatchObject({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    expect(e.$metadata?.httpStatusCode).toBe(403);
    await emulator.close();

    emulator = await startEmulator('clock-skew');
    const skew = await thrown(clients(emulator).sts.send(new GetCallerIdentityCommand({})));
    expect(skew.name).toBe('SignatureDoesNotMatch');
    expect(skew.message).toMatch(/^Signature expired: /);
    await emulator.close();
  });

  it('restJson error with x-amzn-errortype', async () => {
    emulator = await startEmulator('throttled-invoke');
    const e = await thrown(clients(emulator).runtime.send(ping(HAIKU)));
    expect(e).toMatchObject({ name: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' });
    expect(e.$metadata?.httpStatusCode).toBe(429);
    await emulator.close();
  });
});

describe('Bedrock API keys (bearer)', () => {
  const goodKey = (): string =>
    'bedrock-api-key-' +
    Buffer.from(
      `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261125%2Feu-west-1%2Fbedrock%2Faws4_request&X-Amz-Date=${new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}&X-Amz-Expires=43200&X-Amz-Signature=00&Version=1`,
    ).toString('base64');
  const bearer = (emulator: Emulator, token: string) => {
    const common = {
      region: 'eu-west-1',
      endpoint: emulator.url,
      token: { token },
      authSchemePreference: ['httpBearerAuth'],
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler(),
    };
    return { bedrock: new BedrockClient(common), runtime: new BedrockRuntimeClient(common) };
  };

  it('a valid key reaches the control plane and the runtime', async () => {
    const emulator = await startEmulator('healthy');
    try {
      const c = bearer(emulator, goodKey());
      await c.bedrock.send(new ListFoundationModelsCommand({}));
      const out = await c.runtime.send(ping(HAIKU));
      expect(out.output?.message?.content?.[0]?.text).toBe('pong');
      expect(emulator.requests.map((r) => [r.service, r.operation, r.auth, r.region])).toEqual([
        ['bedrock', 'ListFoundationModels', 'bearer', 'eu-west-1'],
        ['bedrock-runtime', 'Converse', 'bearer', 'eu-west-1'],
      ]);
    } finally {
      await emulator.close();
    }
  });

  it('a rejected key: 403 with {"Message"} and no x-amzn-errortype', async () => {
    const emulator = await startEmulator('invalid-api-key');
    try {
      const c = bearer(emulator, goodKey());
      for (const call of [() => c.bedrock.send(new ListFoundationModelsCommand({})), () => c.runtime.send(ping(HAIKU))]) {
        const e = await thrown(call());
        expect(e.$metadata?.httpStatusCode).toBe(403);
        // No error type on the wire (none in the header, none in the body): the SDK cannot
        // name the exception, so classification must rest on the status and the message.
        expect(e.name).toBe('Unknown');
        expect(e.message).toBe('Authentication failed: Please make sure your API Key is valid.');
      }
      const badFormat = await thrown(bearer(emulator, 'sk-ant-xyz').runtime.send(ping(HAIKU)));
      expect(badFormat.message).toBe('Invalid API Key format: Must start with pre-defined prefix');
    } finally {
      await emulator.close();
    }
  });
});

describe('endpoint from the environment', () => {
  it('AWS_ENDPOINT_URL_BEDROCK_RUNTIME reaches the emulator with no endpoint option', async () => {
    const emulator = await startEmulator();
    const saved = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = emulator.url;
    try {
      const runtime = new BedrockRuntimeClient({ region: 'us-west-2', credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
      const out = await runtime.send(ping(HAIKU));
      expect(out.stopReason).toBe('max_tokens');
      expect(emulator.requests).toMatchObject([{ service: 'bedrock-runtime', operation: 'Converse', region: 'us-west-2' }]);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
      else process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = saved;
      await emulator.close();
    }
  });
});

describe('cleartext HTTP/2 (the Bedrock Runtime client default handler)', () => {
  it('answers successes and errors over h2c on the same port', async () => {
    const healthy = await startEmulator();
    const throttled = await startEmulator('throttled-invoke');
    try {
      const h2 = (e: Emulator) => new BedrockRuntimeClient({ region: 'us-east-1', endpoint: e.url, credentials, maxAttempts: 1 });
      const client = h2(healthy);
      const out = await client.send(ping(HAIKU));
      expect(out.output?.message?.content?.[0]?.text).toBe('pong');
      client.destroy();
      const other = h2(throttled);
      const e = await thrown(other.send(ping(HAIKU)));
      expect(e.name).toBe('ThrottlingException');
      expect(e.$metadata?.httpStatusCode).toBe(429);
      other.destroy();
    } finally {
      await healthy.close();
      await throttled.close();
    }
  });

  it('close() ends a hanging h2 request promptly', async () => {
    const emulator = await startEmulator('hanging-endpoint');
    const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
    const pending = thrown(client.send(ping(HAIKU)));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pending).name).toMatch(/Error/);
    client.destroy();
  });
});

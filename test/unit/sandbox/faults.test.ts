/** Faults (hang, reset, garbage, delay) and the answers to requests AWS would not recognise. */
import { afterEach, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, type Emulator } from '../../../src/sandbox/index.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' };
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ping = new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'user', content: [{ text: 'ping' }] }] });

function runtime(emulator: Emulator, region = 'us-east-1'): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ region, endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
}

async function thrown(promise: Promise<unknown>): Promise<Error & { code?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail');
}

/** A request signed for `service` (the signature itself is never checked). */
function signedHeaders(service: string, region = 'us-east-1'): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261125/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    'x-amz-date': '20261125T000000Z',
  };
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('faults', () => {
  it('hang: never answers; the abort signal ends the call and close() ends the rest promptly', async () => {
    emulator = await startEmulator('hanging-endpoint');
    const client = runtime(emulator);
    const aborted = thrown(client.send(ping, { abortSignal: AbortSignal.timeout(150) }));
    const e = await aborted;
    expect(e.name).toBe('AbortError');

    const left = thrown(runtime(emulator).send(ping));
    // Wait until the second request has arrived (a fixed sleep loses the race on a busy machine).
    const converse = () => emulator!.requests.filter((r) => r.operation === 'Converse');
    for (let i = 0; i < 200 && converse().length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(converse()).toHaveLength(2);
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    const closed = await left;
    expect(closed.code).toBe('ECONNRESET');
    emulator = undefined;
  });

  it('reset: the connection is destroyed without a response', async () => {
    emulator = await startEmulator('connection-reset');
    const e = await thrown(runtime(emulator).send(ping));
    expect(e.code).toBe('ECONNRESET');
    // @smithy/node-http-handler renames ECONNRESET/EPIPE/ETIMEDOUT errors to TimeoutError.
    expect(e.name).toBe('TimeoutError');
  });

  it('garbage: a 200 that is not JSON fails to parse', async () => {
    emulator = await startEmulator('garbage-response');
    const e = await thrown(runtime(emulator).send(ping));
    expect(e.name).toBe('SyntaxError');
    expect(e.$metadata?.httpStatusCode).toBe(200);
    expect(e.message).toContain('<html>oops</html>');
    expect(e.message).toContain('Deserialization error');
  });

  it('delayMs: answers normally, late', async () => {
    emulator = await startEmulator('slow-network');
    const sts = new STSClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
    const started = Date.now();
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('111122223333');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('a scenario fault applies on every attempt (the SDK retries)', async () => {
    emulator = await startEmulator('service-unavailable');
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials,
      maxAttempts: 2,
      retryStrategy: undefined,
      requestHandler: new NodeHttpHandler(),
    });
    const e = await thrown(client.send(ping));
    expect(e.name).toBe('ServiceUnavailableException');
    expect(e.$metadata?.httpStatusCode).toBe(503);
    expect(emulator.requests.filter((r) => r.operation === 'Converse')).toHaveLength(2);
  });

  it('a Region without Bedrock has no endpoint: the connection is reset', async () => {
    emulator = await startEmulator();
    const e = await thrown(runtime(emulator, 'ap-east-1').send(ping));
    expect(e.code).toBe('ECONNRESET');
  });
});

describe('custom scenarios', () => {
  it('a body behaviour replaces the answer, in the service protocol', async () => {
    emulator = await startEmulator({
      name: 'custom',
      title: 'A scenario built inline by a test.',
      gate: null,
      exitCode: 0,
      world: { identity: { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/ci' } },
      behaviours: {
        ListFoundationModels: { body: { modelSummaries: [] } },
        'iam:*': { error: { code: 'Throttling', status: 400, message: 'Rate exceeded' } },
      },
    });
    const common = { region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() };
    expect((await new STSClient(common).send(new GetCallerIdentityCommand({}))).Account).toBe('444455556666');
    expect((await new BedrockClient(common).send(new ListFoundationModelsCommand({}))).modelSummaries).toEqual([]);
    const e = await thrown(new IAMClient(common).send(new ListUsersCommand({})));
    expect(e.name).toBe('Throttling');
    expect(e.message).toBe('Rate exceeded');
  });
});

describe('requests AWS would not recognise', () => {
  it('awsQuery: an operation the emulator does not know gives InvalidAction', async () => {
    emulator = await startEmulator();
    const iam = new IAMClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
    const e = await thrown(iam.send(new ListUsersCommand({})));
    expect(e.name).toBe('InvalidAction');
    expect(e.message).toBe('Could not find operation ListUsers for version 2010-05-08');
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'iam', operation: 'ListUsers', mutating: false });

    const raw = await fetch(emulator.url + '/', {
      method: 'POST',
      headers: { ...signedHeaders('sts'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=NoSuchThing&Version=2011-06-15',
    });
    expect(raw.status).toBe(400);
    const xml = await raw.text();
    expect(xml).toContain('<Code>InvalidAction</Code>');
    expect(xml).toContain('Could not find operation NoSuchThing for version 2011-06-15');
  });

  it('restJson: an unknown path gives 404 UnknownOperationException', async () => {
    emulator = await startEmulator();
    const raw = await fetch(emulator.url + '/no/such/path', { headers: signedHeaders('bedrock') });
    expect(raw.status).toBe(404);
    expect(raw.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(raw.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'bedrock', operation: 'unknown', auth: 'sigv4', path: '/no/such/path' });
  });

  it('a request without authentication is refused', async () => {
    emulator = await startEmulator();
    const raw = await fetch(emulator.url + '/foundation-models');
    expect(raw.status).toBe(403);
    expect(raw.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'bedrock', operation: 'ListFoundationModels', auth: 'none' });
  });

  it('records mutating operations by name', async () => {
    emulator = await startEmulator();
    await fetch(emulator.url + '/create-foundation-model-agreement', {
      method: 'POST',
      headers: { ...signedHeaders('bedrock'), 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: HAIKU, offerToken: 't' }),
    });
    await fetch(emulator.url + '/use-case-for-model-access', {
      method: 'POST',
      headers: { ...signedHeaders('bedrock'), 'content-type': 'application/json' },
      body: JSON.stringify({ formData: 'e30=' }),
    });
    expect(emulator.requests.map((r) => [r.operation, r.mutating])).toEqual([
      ['CreateFoundationModelAgreement', true],
      ['PutUseCaseForModelAccess', true],
    ]);
    const bedrock = new BedrockClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
    await bedrock.send(new ListFoundationModelsCommand({}));
    expect(emulator.requests.at(-1)?.mutating).toBe(false);
  });
});

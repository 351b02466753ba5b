import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createClients } from '../../../src/aws/clients.js';
import { findScenario, startEmulator, type Emulator } from '../../../src/sandbox/index.js';

let emulator: Emulator | undefined;
const saved = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
afterEach(async () => {
  await emulator?.close();
  if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  else process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = saved;
});

describe('AWS clients', () => {
  it('give up on a request that hangs after the request timeout, with a timeout error', async () => {
    emulator = await startEmulator('hanging-endpoint');
    // No endpoint option: the client must find the emulator through the standard variable.
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = emulator.url;
    const clients = createClients({
      credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' }),
      requestTimeoutMs: 300,
      connectionTimeoutMs: 300,
      maxAttempts: 1,
    });
    const started = Date.now();
    const error = await (await clients.runtime('us-east-1'))
      .send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }))
      .catch((e: unknown) => e as Error & { code?: string });
    clients.destroy();
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(emulator.requests.map((r) => r.operation)).toEqual(['Converse']);
  });

  it('announce themselves with a bedrock-doctor user agent', async () => {
    emulator = await startEmulator('healthy');
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = emulator.url;
    const clients = createClients({ credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' }), requestTimeoutMs: 2000, connectionTimeoutMs: 1000, maxAttempts: 1 });
    await (await clients.runtime('us-east-1')).send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
    clients.destroy();
    expect(emulator.requests[0]?.userAgent).toMatch(/bedrock-doctor\/\d+\.\d+\.\d+/);
  });
});

describe('concurrency per client', () => {
  it('keeps at most maxConcurrency calls of one client in flight, and runs that many at once', async () => {
    emulator = await startEmulator({ ...findScenario('healthy')!, behaviours: { '*': { delayMs: 100 } } });
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = emulator.url;
    const clients = createClients({
      credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' }),
      requestTimeoutMs: 5000,
      connectionTimeoutMs: 1000,
      maxAttempts: 1,
      maxConcurrency: 4,
    });
    const converse = async () =>
      (await clients.runtime('us-east-1')).send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
    await Promise.all(Array.from({ length: 20 }, converse));
    clients.destroy();
    expect(emulator.requests).toHaveLength(20);
    expect(emulator.peakInFlight).toBe(4);
  });

  it('gives each Region its own limit', async () => {
    emulator = await startEmulator({ ...findScenario('healthy')!, behaviours: { '*': { delayMs: 100 } } });
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = emulator.url;
    const clients = createClients({
      credentials: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' }),
      requestTimeoutMs: 5000,
      connectionTimeoutMs: 1000,
      maxAttempts: 1,
      maxConcurrency: 3,
    });
    const converse = async (region: string) =>
      (await clients.runtime(region)).send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
    await Promise.all([...Array.from({ length: 6 }, () => converse('us-east-1')), ...Array.from({ length: 6 }, () => converse('us-west-2'))]);
    clients.destroy();
    expect(emulator.peakInFlight).toBe(6);
  });
});

import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint } from '../../../src/aws/endpoints.js';
import { checkNetwork } from '../../../src/gates/network.js';
import { context, target, HAIKU } from './harness.js';

let server: Server;
let open: string;
let closed: string;

beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const spare = createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closed = `http://127.0.0.1:${(spare.address() as { port: number }).port}`;
  await new Promise((resolve) => spare.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The gate with the real connection probe, only ever against 127.0.0.1. */
function networkContext(env: NodeJS.ProcessEnv) {
  const ctx = context({}, undefined, env);
  const signal = new AbortController().signal;
  ctx.probe = async (url) => {
    try {
      const value = await probeEndpoint(url, 1000, signal);
      return { ok: true, value, durationMs: value.durationMs, evidence: {} };
    } catch (error) {
      const { classify } = await import('../../../src/diagnosis/index.js');
      return { ok: false, error, diagnosis: classify(error, { service: url.host, operation: 'connect' }), durationMs: 0, evidence: { operation: 'connect' } };
    }
  };
  return ctx;
}

describe('network gate', () => {
  it('passes when both endpoints accept a connection, naming the override variables', async () => {
    const result = await checkNetwork(networkContext({ AWS_ENDPOINT_URL_BEDROCK: open, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: open }), target(HAIKU));
    expect(result.status).toBe('pass');
    expect(result.summary).toContain('AWS_ENDPOINT_URL_BEDROCK');
  });

  it('reports a refused connection as a network result, not a crash', async () => {
    const result = await checkNetwork(networkContext({ AWS_ENDPOINT_URL_BEDROCK: open, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: closed }), target(HAIKU));
    expect(result.gate).toBe('network');
    expect(['fail', 'inconclusive']).toContain(result.status);
    expect(result.cause).toBe('connection-refused');
  });

  it('uses AWS_ENDPOINT_URL for every service unless a service-specific variable is set', async () => {
    const result = await checkNetwork(networkContext({ AWS_ENDPOINT_URL: closed, AWS_ENDPOINT_URL_BEDROCK: open }), target(HAIKU));
    expect(result.cause).toBe('connection-refused');
    expect(result.evidence.details).toMatchObject({ controlPlane: open, runtime: closed });
  });

  it('through a configured proxy, names it (without its password) and leaves the path to the calls', async () => {
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = 'http://user:secret-pass@127.0.0.1:3128';
    try {
      const ctx = networkContext({ AWS_ENDPOINT_URL: closed });
      const result = await checkNetwork(ctx, target(HAIKU));
      expect(result.status).toBe('pass');
      expect(result.summary).toContain('127.0.0.1:3128');
      expect(JSON.stringify(result)).not.toContain('secret-pass');
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });

  it('leaves a Region without Bedrock to the region gate', async () => {
    const ctx = context();
    const { classify } = await import('../../../src/diagnosis/index.js');
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND bedrock.ap-east-1.amazonaws.com'), { code: 'ENOTFOUND', hostname: 'bedrock.ap-east-1.amazonaws.com' });
    ctx.probe = async () => ({ ok: false, error, diagnosis: classify(error), durationMs: 1, evidence: { operation: 'connect' } });
    const result = await checkNetwork(ctx, target(HAIKU, 'ap-east-1'));
    expect(result).toMatchObject({ status: 'skip', cause: 'blocked-by-region', blockedBy: { gate: 'region', cause: 'bedrock-not-in-region' } });
  });
});

import { createServer, request, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { runCli } from './cli.js';
import { reportOf } from '../schemas.js';

let emulator: Emulator | undefined;
let proxy: Server | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  if (home) await rm(home, { recursive: true, force: true });
});

/** A forward proxy on 127.0.0.1 that relays absolute-URI requests, and counts them. */
async function startProxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  proxy = createServer((req, res) => {
    seen.push(req.url ?? '');
    const upstream = request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`, seen };
}

describe('proxies', () => {
  it('sends every AWS call through HTTP(S)_PROXY, as the AWS CLI would', async () => {
    const scenario = findScenario('healthy')!;
    emulator = await startEmulator(scenario);
    const { url, seen } = await startProxy();
    home = await mkdtemp(join(tmpdir(), 'bd-proxy-'));
    const env = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), HTTP_PROXY: url };
    const run = await runCli(['check', ...scenarioArgs(scenario), '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.checks.find((c: { gate: string }) => c.gate === 'network').summary).toContain(new URL(url).host);
    expect(seen.length).toBe(emulator.requests.length);
    expect(seen.some((u) => u.includes('/converse'))).toBe(true);
  });

  it('reports a dead proxy on the network gate', async () => {
    const scenario = findScenario('healthy')!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-proxy-'));
    const env = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), HTTP_PROXY: 'http://127.0.0.1:9' };
    const run = await runCli(['check', ...scenarioArgs(scenario), '--json'], env);
    expect(run.code).toBe(3);
    const network = reportOf(run.stdout).checks.find((c: { gate: string }) => c.gate === 'network');
    expect(network.status).toBe('inconclusive');
  });
});

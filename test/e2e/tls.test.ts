import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { classify } from '../../src/diagnosis/index.js';
import { makeTestPki, type TestPki } from '../support/test-ca.js';
import { runCli, STACK_TRACE } from './cli.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME'];

let pki: TestPki;
let emulator: Emulator;
let home: string;
let rootFile: string;
const fronts: Server[] = [];
const sockets = new Set<Socket>();

/**
 * A TLS front on 127.0.0.1 for the emulator, as an intercepting proxy presents itself: a
 * certificate from a private CA. `chain` is what the server sends after its leaf.
 */
async function tlsFront(chain: string[]): Promise<string> {
  const server = createServer({ key: pki.leafKeyPem, cert: [pki.leafPem, ...chain].join('') }, (socket) => {
    const upstream = connect(emulator.port, '127.0.0.1');
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fronts.push(server);
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function check(url: string, extra: Record<string, string> = {}) {
  const env = await scenarioEnvironment(findScenario('healthy')!, emulator, { home, inherit: process.env });
  for (const variable of ENDPOINT_VARIABLES) env[variable] = url;
  const run = await runCli(['check', '--region', 'us-east-1', '--model', MODEL, '--json'], { ...env, ...extra });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return { run, report: run.stdout ? JSON.parse(run.stdout) : null };
}

beforeAll(async () => {
  pki = makeTestPki();
  emulator = await startEmulator('healthy');
  home = await mkdtemp(join(tmpdir(), 'bd-tls-'));
  rootFile = join(home, 'corporate-root.pem');
  await writeFile(rootFile, pki.rootPem);
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(fronts.map((server) => new Promise((resolve) => server.close(resolve))));
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

describe('TLS through a certificate the trust store does not know', () => {
  it.each([
    ['the leaf alone', () => [], 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['leaf and intermediate, root unknown', () => [pki.intermediatePem], 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
    ['the whole chain, self-signed root', () => [pki.intermediatePem, pki.rootPem], 'SELF_SIGNED_CERT_IN_CHAIN'],
  ])('%s: a network failure whose fix names NODE_EXTRA_CA_CERTS and AWS_CA_BUNDLE', async (_, chain, code) => {
    const { run, report } = await check(await tlsFront(chain()));
    expect(run.code, run.stderr).toBe(1);
    const network = report.checks.find((c: { gate: string }) => c.gate === 'network');
    expect(network).toMatchObject({ status: 'fail', cause: 'tls-interception', evidence: { errorName: code } });
    expect(network.fix).toContain('NODE_EXTRA_CA_CERTS');
    expect(network.fix).toContain('AWS_CA_BUNDLE');
    expect(network.remediation.commands).toContain('export NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem');
    // Not a credentials or IAM problem: the failed Converse call is put down to the network too.
    const failed = report.checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failed.map((c: { gate: string; cause: string }) => `${c.gate}:${c.cause}`)).toEqual(['network:tls-interception', 'invoke:tls-interception']);
  });

  it('AWS_CA_BUNDLE naming the private root CA makes the same endpoint trusted: ready', async () => {
    const { run, report } = await check(await tlsFront([pki.intermediatePem]), { AWS_CA_BUNDLE: rootFile });
    expect(run.code, run.stdout).toBe(0);
    expect(report.checks.find((c: { gate: string }) => c.gate === 'invoke').status).toBe('pass');
  });

  it('NODE_EXTRA_CA_CERTS (read by Node at start-up) does the same', async () => {
    const { run, report } = await check(await tlsFront([pki.intermediatePem]), { NODE_EXTRA_CA_CERTS: rootFile });
    expect(run.code, run.stdout).toBe(0);
    expect(report.checks.find((c: { gate: string }) => c.gate === 'network').status).toBe('pass');
  });

  it('an AWS_CA_BUNDLE that cannot be read is bad input: one line, exit 2, no request', async () => {
    const before = emulator.requests.length;
    const { run } = await check(emulator.url, { AWS_CA_BUNDLE: join(home, 'missing.pem') });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bedrock-doctor: AWS_CA_BUNDLE=.*missing\.pem cannot be read \(ENOENT\)$/)]);
    expect(emulator.requests.length).toBe(before);
  });
});

describe('the classifier reads the unknown-CA codes of any client', () => {
  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'])('%s', (code) => {
    const error = Object.assign(new Error('certificate verification failed'), { code });
    expect(classify(error)).toMatchObject({ gate: 'network', cause: 'tls-interception' });
  });
});

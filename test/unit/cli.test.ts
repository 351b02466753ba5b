import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { bufferIo } from './buffer-io.js';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { main } from '../../src/cli.js';
import { runCheck } from '../../src/pipeline/run.js';

// check must stop at validation: should a case ever get past it, it ends here, not at AWS.
vi.mock('../../src/pipeline/run.js', () => ({
  runCheck: vi.fn(async () => {
    throw new Error('test guard: check got past validation');
  }),
}));

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const home = mkdtempSync(join(tmpdir(), 'bedrock-doctor-cli-'));
const ENV = { AWS_EC2_METADATA_DISABLED: 'true', HOME: home };
afterAll(() => rmSync(home, { recursive: true, force: true }));

// No test here opens a socket: fail loudly instead of sending anything.
let connect: MockInstance;
beforeEach(() => {
  connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
    throw new Error('test guard: no network in unit tests');
  });
});
afterEach(() => {
  expect(connect).not.toHaveBeenCalled();
  expect(runCheck).not.toHaveBeenCalled();
  connect.mockRestore();
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], options: { stdin?: string; stdinTTY?: boolean } = {}): Promise<Ran> {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinTTY });
  if (!options.stdinTTY) stdin.end(options.stdin ?? '');
  const io = bufferIo({ ...ENV }, stdin);
  const code = await main(['node', 'bedrock-doctor', ...args], io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: io.out(), stderr: io.err() };
}

const ONE_ERROR_LINE = /^bedrock-doctor: [^\n]+\n$/;
const EXPIRED = 'ExpiredTokenException: The security token included in the request is expired';
const MODEL = 'amazon.nova-lite-v1:0';

describe('main(argv, io)', () => {
  it.each([['--version'], ['-V']])('%s prints the package version and returns 0', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([[['--help']], [['check', '--help']], [['explain', '-h']]])('%j prints help and returns 0', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: bedrock-doctor/);
  });

  it('prints help and returns 2 with no arguments', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: bedrock-doctor .*\n[\s\S]*\bcheck\b[\s\S]*\bexplain\b/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['chek'], /unknown command 'chek' \(Did you mean check\?\)/],
    [['check', '--bogus'], /unknown option '--bogus'/],
    [['check', '--format', 'xml'], /--format must be one of human, json, markdown/],
    [['explain', '--format', 'markdown'], /--format must be one of human, json/],
    [['policy', '--model'], /argument missing/],
    [['explain'], /give the error text as an argument/],
  ])('%j is a usage error: exit 2, one line on stderr, nothing on stdout', async (args, message) => {
    const r = await cli(args, { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(ONE_ERROR_LINE);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    [['check', '--json', '--bogus'], /unknown option '--bogus'/],
    [['check', '--format', 'json', '--region', 'mars-north-9', '--model', MODEL], /not an AWS Region/],
    [['explain', '--json', '--format', 'yaml'], /--format must be one of human, json/],
  ])('%j with JSON wanted prints one JSON document with exitCode 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(ONE_ERROR_LINE);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, tool: { name: 'bedrock-doctor', version: pkg.version }, ready: false, exitCode: 2, error: { kind: 'usage' } });
    expect(doc.error.message).toMatch(message);
  });

  it.each([
    ['as an argument', [EXPIRED], undefined],
    ['on stdin with -', ['-'], EXPIRED],
    ['piped with no argument', [], EXPIRED],
  ])('explain reads the text %s and names gate credentials', async (_case, args, stdin) => {
    const r = await cli(['explain', ...args], { stdin });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^✖ credentials fail {2}cause: /);
    expect(r.stdout).toContain('Fix (you must act):');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([['--json'], ['--format=json'], ['-f', 'json']])('explain %s prints the diagnosis as JSON', async (...flags) => {
    const r = await cli(['explain', ...flags, EXPIRED]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ gate: 'credentials', status: 'fail', actor: 'caller' });
  });

  it('policy prints a policy that allows bedrock:InvokeModel, offline', async () => {
    const r = await cli(['policy', '--model', MODEL, '--region', 'us-east-1']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const policy = JSON.parse(r.stdout) as { Version: string; Statement: { Effect: string; Action: string | string[] }[] };
    expect(policy.Version).toBe('2012-10-17');
    const allowed = policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action);
    expect(allowed).toContain('bedrock:InvokeModel');
  });

  it.each([
    ['no --model', ['policy', '--region', 'us-east-1'], /--model is required/],
    ['no Region (empty HOME, no AWS_REGION)', ['policy', '--model', MODEL], /No Region/],
    ['a bad --account', ['policy', '--model', MODEL, '--region', 'us-east-1', '--account', '12'], /12-digit/],
  ])('policy with %s returns 2', async (_case, args, message) => {
    const r = await cli(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(ONE_ERROR_LINE);
    expect(r.stderr).toMatch(message);
  });

  // Every case fails validation before any AWS call (runCheck and sockets are guarded above).
  it.each([
    ['an unknown Region', ['--region', 'mars-north-9', '--model', MODEL], /--region "mars-north-9" is not an AWS Region name/],
    ['no --model', ['--region', 'us-east-1'], /--model is required/],
    ['a timeout in words', ['--region', 'us-east-1', '--model', MODEL, '--timeout', 'soon'], /--timeout "soon" is not a number of seconds/],
    ['a timeout out of range', ['--region', 'us-east-1', '--model', MODEL, '--timeout', '0'], /between 1 and 3600/],
    ['no Region (empty HOME, no AWS_REGION)', ['--model', MODEL], /No Region/],
    ['a bad --expect-account', ['--region', 'us-east-1', '--model', MODEL, '--expect-account', 'abc'], /12-digit/],
  ])('check with %s returns 2 before any AWS call', async (_case, args, message) => {
    const r = await cli(['check', ...args]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(ONE_ERROR_LINE);
    expect(r.stderr).toMatch(message);
  });
});

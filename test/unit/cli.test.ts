import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    [['explain', 'ThrottlingException', '--output', 'yaml'], /--output yaml asks for yaml, which this command does not print/],
    [['policy', '--model'], /argument missing/],
    [['demo', 'helthy'], /no scenario "helthy" \(did you mean healthy\?\)/],
    [['check', '--region', 'us-easst-1', '--model', MODEL], /--region "us-easst-1" is not an AWS Region name; did you mean us-east-1\?/],
    [['check', '--region', 'mars-west', '--model', MODEL], /\(Bedrock Regions: \S+, \S+, \S+, \S+ and \d+ more\)/],
    [['check', 'anthropic.claude-3-haiku-20240307-v1:0'], /^bedrock-doctor: check takes the model as a flag: --model anthropic\.claude-3-haiku-20240307-v1:0\n$/],
    [['check', '--model', MODEL, 'us-east-1'], /check takes the Region as a flag: --region us-east-1/],
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
    [['check', '--output', 'json', '--format', 'markdown', '--model', MODEL, '--region', 'us-east-1'], /--output json asks for json, but --format says markdown/],
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
    expect(r.stdout).toMatch(/^ {2}✖ credentials {4}The temporary AWS credentials/);
    expect(r.stdout).toContain('\n      fix (you): ');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([
    ['an empty argument', [''], undefined],
    ['nothing piped', [], ''],
    ['blank lines piped', ['-'], '\n  \n'],
  ])('explain with %s: "no error text given", exit 2', async (_case, args, stdin) => {
    const r = await cli(['explain', ...args], { stdin });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(ONE_ERROR_LINE);
    expect(r.stderr).toMatch(/^bedrock-doctor: no error text given/);
  });

  it('explain on a terminal with nothing given says how to paste and end the text, then reads it', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const io = bufferIo({ ...ENV }, stdin);
    const running = main(['node', 'bedrock-doctor', 'explain'], io);
    await new Promise((resolve) => setImmediate(resolve));
    expect(io.err()).toMatch(/^Paste the error text \(a log is fine\), then press Ctrl-D on an empty line to end it:\n$/);
    stdin.end(EXPIRED);
    expect(await running).toBe(0);
    expect(io.out()).toContain('✖ credentials');
  });

  const LOG = [
    '2026-12-01T10:00:00Z INFO starting worker',
    EXPIRED,
    '2026-12-01T10:00:01Z INFO retrying',
    'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the InvokeModel operation: User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no identity-based policy allows the bedrock:InvokeModel action',
    '    at the call site',
    EXPIRED,
    'ThrottlingException: Too many requests, please wait before trying again.',
  ].join('\n');

  it('explain diagnoses every distinct error of a log in order, once each; the JSON keeps the first at the top', async () => {
    const r = await cli(['explain', '--format', 'json'], { stdin: LOG });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnoses.map((d: { gate: string; cause: string }) => `${d.gate}/${d.cause}`)).toEqual(['credentials/expired-credentials', 'iam/iam-implicit-deny', 'invoke/throttled']);
    expect(json).toMatchObject({ gate: 'credentials', cause: 'expired-credentials', fix: json.diagnoses[0].fix });
    const human = await cli(['explain'], { stdin: LOG });
    expect(human.stdout.match(/^Error \d of 3: /gm)).toHaveLength(3);
    expect(human.stdout.trimEnd().split('\n').at(-1)).toBe('3 distinct errors; gates: credentials, iam, invoke.');
  });

  it('explain reads a file given as its argument', async () => {
    const file = join(home, 'app.log');
    writeFileSync(file, LOG);
    const r = await cli(['explain', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnoses).toHaveLength(3);
  });

  it.each([['JSON'], ['Json'], ['json']])('--format %s is accepted (any case)', async (word) => {
    const r = await cli(['explain', '--format', word, EXPIRED]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ gate: 'credentials' });
  });

  it.each([
    ['json', (out: string) => expect(JSON.parse(out)).toMatchObject({ gate: 'credentials' })],
    ['text', (out: string) => expect(out).toMatch(/^ {2}✖ credentials/)],
    ['-', (out: string) => expect(out).toMatch(/^ {2}✖ credentials/)],
  ] as const)('--output %s picks the format or stdout, as in the AWS CLI: no file is written', async (word, check) => {
    const r = await cli(['explain', '--output', word, EXPIRED]);
    expect(r.code).toBe(0);
    check(r.stdout);
    expect(existsSync(word)).toBe(false);
  });

  it('--output with any other word is a file, as before', async () => {
    const file = join(home, 'report.json');
    const r = await cli(['explain', '--output', file, '--json', EXPIRED]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ gate: 'credentials' });
  });

  it('a global option typed before the command is moved after it', async () => {
    const r = await cli(['--format', 'json', 'explain', EXPIRED]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ gate: 'credentials' });
  });

  it('a profile in neither shared file is named in the AWS CLI\'s words, with the nearest profile, before any AWS call', async () => {
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(join(home, '.aws', 'config'), '[profile dev]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n');
    try {
      const r = await cli(['check', '--profile', 'devv', '--model', MODEL, '--region', 'us-east-1']);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'bedrock-doctor: The config profile (devv) could not be found; did you mean dev?\n' });
    } finally {
      rmSync(join(home, '.aws'), { recursive: true, force: true });
    }
  });

  it.each([
    [['-r', 'us-east-1,mars-west'], /"mars-west" is not an AWS Region name/],
    [['-r', 'us-east-1', '-r', 'us-easst-1'], /"us-easst-1" is not an AWS Region name/],
  ])('%j: a comma list of Regions is read as repeated flags (each is checked)', async (args, message) => {
    const r = await cli(['check', '--model', MODEL, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([['check'], ['explain'], ['policy'], ['demo']])('%s --help shows examples and exit codes', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}\$ bedrock-doctor /);
    expect(r.stdout).toMatch(/\nExit codes:\n {2}0 /);
    expect(r.stdout).toMatch(/\nEnvironment:\n/);
    expect(r.stdout).not.toMatch(/\(default: /);
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

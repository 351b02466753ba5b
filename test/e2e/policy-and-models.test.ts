import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioEnvironment, secretCanaries, startEmulator, type Emulator, type Scenario } from '../../src/sandbox/index.js';
import { evaluate } from '../unit/policy/iam-evaluator.js';
import { runCli, STACK_TRACE, type CliRun } from './cli.js';

const SONNET = 'anthropic.claude-sonnet-4-20250514-v1:0';
const ACCOUNT = '111122223333';
const READS = new Set(['GetCallerIdentity', 'GetFoundationModel', 'ListFoundationModels', 'ListInferenceProfiles', 'GetInferenceProfile', 'GetFoundationModelAvailability']);

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

/** The built CLI against the emulator (a healthy account unless the scenario says otherwise). */
async function run(args: string[], scenario: Partial<Scenario> = {}, input?: string): Promise<CliRun> {
  const full: Scenario = { name: 'e2e', title: 'policy and models', gate: null, exitCode: 0, ...scenario };
  emulator = await startEmulator(full);
  home = await mkdtemp(join(tmpdir(), 'bd-e2e-'));
  const env = await scenarioEnvironment(full, emulator, { home, inherit: process.env });
  const result = await runCli(args, env, input);
  const output = result.stdout + result.stderr;
  for (const secret of secretCanaries(env)) expect(output).not.toContain(secret);
  expect(output).not.toMatch(STACK_TRACE);
  // Read-only, always.
  expect(emulator.requests.filter((r) => !READS.has(r.operation)).map((r) => r.operation)).toEqual([]);
  return result;
}

describe('policy against the emulator', () => {
  it("reads the profile's destinations and the account, and prints a document that allows exactly them", async () => {
    const r = await run(['policy', '--model', `us.${SONNET}`, '--region', 'us-east-1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const policy = JSON.parse(r.stdout);
    const profile = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`;
    // The emulator's profile routes to three Regions: a Region outside them gets nothing.
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) {
      expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:${region}::foundation-model/${SONNET}`, context: { 'aws:RequestedRegion': region, 'bedrock:InferenceProfileArn': profile } })).toBe('allowed');
    }
    expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:us-west-1::foundation-model/${SONNET}`, context: { 'aws:RequestedRegion': 'us-west-1', 'bedrock:InferenceProfileArn': profile } })).toBe('implicitDeny');
    expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: profile, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('allowed');
    expect(r.stderr).toMatch(/destination Regions us-east-1, us-east-2, us-west-2, from GetInferenceProfile/);
    expect(emulator!.requests.map((q) => q.operation).sort()).toEqual(['GetCallerIdentity', 'GetInferenceProfile']);
  });

  it("resolves an application profile's models with GetInferenceProfile, and cannot offline (exit 3)", async () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcdef123456`;
    const world = { profiles: [{ inferenceProfileId: 'abcdef123456', inferenceProfileName: 'team-a', description: 'Team A', modelId: SONNET, destinationRegions: ['us-east-1', 'us-west-2'], application: true }] };
    const r = await run(['policy', '--model', arn, '--region', 'us-east-1'], { world });
    expect(r.code, r.stderr).toBe(0);
    const policy = JSON.parse(r.stdout);
    expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: arn, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('allowed');
    for (const region of ['us-east-1', 'us-west-2']) {
      const model = `arn:aws:bedrock:${region}::foundation-model/${SONNET}`;
      expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: model, context: { 'aws:RequestedRegion': region, 'bedrock:InferenceProfileArn': arn } })).toBe('allowed');
      expect(evaluate(policy, { action: 'bedrock:InvokeModel', resource: model, context: { 'aws:RequestedRegion': region } })).toBe('implicitDeny');
    }
    await emulator!.close();
    emulator = undefined;
    const offline = await run(['policy', '--model', arn, '--region', 'us-east-1', '--offline'], { world });
    expect(offline.code).toBe(3);
    expect(offline.stdout).toBe('');
    expect(offline.stderr).toMatch(/not in its ARN: run with credentials/);
  });

  it('refuses a profile-only model by its base id, naming the profiles to use (exit 2, nothing on stdout)', async () => {
    const r = await run(['policy', '--model', SONNET, '--region', 'us-east-1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no on-demand throughput/);
    expect(r.stderr).toContain(`us.${SONNET} or global.${SONNET}`);
  });

  it('--offline sends nothing, and says where the Region list came from', async () => {
    const r = await run(['policy', '--model', `us.${SONNET}`, '--region', 'us-east-1', '--account', ACCOUNT, '--offline', '--format', 'terraform']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^resource "aws_iam_policy" "bedrock_invoke" \{\n[\s\S]*policy = jsonencode\(\{[\s\S]*"bedrock:InferenceProfileArn" = /);
    // The documented US destinations, and no Region AWS does not document for a US profile.
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) expect(r.stdout).toContain(`arn:aws:bedrock:${region}::foundation-model/${SONNET}`);
    expect(r.stdout).not.toContain(`arn:aws:bedrock:us-west-1::foundation-model/`);
    expect(r.stderr).toMatch(/documented Regions of the geography/);
    expect(emulator!.requests).toEqual([]);
  });

  it('its output lints clean, and a broken policy does not (line numbers, exit 1, JSON findings)', async () => {
    const generated = await run(['policy', '--model', `global.${SONNET}`, '--model', 'amazon.nova-lite-v1:0', '--region', 'us-east-1', '--stream']);
    expect(generated.code).toBe(0);
    await emulator!.close();
    emulator = undefined;
    const clean = await run(['policy', 'lint', '-', '--stream'], {}, generated.stdout);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/no known mistakes/);
    await emulator!.close();
    emulator = undefined;

    const file = join(home!, 'broken.json');
    await writeFile(file, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:Converse'], Resource: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`] }] }, null, 2));
    const broken = await run(['policy', 'lint', file, '--format', 'json']);
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report.findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)).toEqual(['7 dead-action']);
  });

  it('a file that holds no policy is bad input: one line, exit 2', async () => {
    const r = await run(['policy', 'lint', '/nonexistent/policy.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('models against the emulator', () => {
  it('lists every model with its provider, lifecycle, inference types, profiles and availability (JSON array, exit 0)', async () => {
    const r = await run(['models', '--region', 'us-east-1', '--json'], { world: { availability: { 'meta.llama3-8b-instruct-v1:0': { agreementAvailability: { status: 'NOT_AVAILABLE' } } } } });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(['modelId', 'provider', 'lifecycle', 'inferenceTypes', 'profiles', 'availability']));
    expect(rows.find((m) => m.modelId === SONNET)).toMatchObject({
      provider: 'Anthropic',
      lifecycle: 'ACTIVE',
      inferenceTypes: ['INFERENCE_PROFILE'],
      profiles: [`global.${SONNET}`, `us.${SONNET}`],
      availability: { authorization: 'AUTHORIZED', agreement: 'AVAILABLE', region: 'AVAILABLE' },
    });
    expect(rows.find((m) => m.modelId === 'anthropic.claude-v2:1')).toMatchObject({ lifecycle: 'LEGACY' });
    expect(rows.find((m) => m.modelId === 'meta.llama3-8b-instruct-v1:0')).toMatchObject({ availability: { agreement: 'NOT_AVAILABLE' } });
    expect(r.stderr).not.toMatch(/Partial/);
  });

  it('says the answer is partial when availability look-ups are denied, and still exits 0', async () => {
    const denied = { error: { code: 'AccessDeniedException', status: 403, message: 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:GetFoundationModelAvailability' } };
    const r = await run(['models', '--region', 'us-east-1'], { behaviours: { GetFoundationModelAvailability: denied } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MODEL\s+PROVIDER\s+LIFECYCLE/);
    expect(r.stdout).toMatch(/Partial answer: .*GetFoundationModelAvailability in us-east-1: AccessDeniedException/);
    expect(r.stdout).toMatch(/amazon\.nova-lite-v1:0\s+Amazon\s+ACTIVE\s+ON_DEMAND,INFERENCE_PROFILE\s+us\.amazon\.nova-lite-v1:0\s+unknown/);
  });

  it.each([
    ['denied', { error: { code: 'AccessDeniedException', status: 403, message: 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:ListFoundationModels' } }, 1],
    ['throttled', { error: { code: 'ThrottlingException', status: 429, message: 'Too many requests, please wait before trying again.' } }, 3],
  ] as const)('a model list that cannot be read (%s) is one line on stderr and a non-zero exit', async (_, behaviour, code) => {
    const r = await run(['models', '--region', 'us-east-1', '--json'], { behaviours: { ListFoundationModels: behaviour } });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/cannot list the models of us-east-1/);
  });
});

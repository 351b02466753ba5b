import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioArgs, scenarioEnvironment, secretCanaries, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { CAUSE_IDS } from '../../src/causes/index.js';
import { policyProblems } from '../unit/causes/policy-problems.js';
import { runCli, STACK_TRACE } from './cli.js';
import { reportOf } from '../schemas.js';

const READ_OPERATIONS = new Set([
  'GetCallerIdentity', 'GetRole', 'SimulatePrincipalPolicy', 'GetContextKeysForPrincipalPolicy', 'ListUserTags', 'ListRoleTags',
  'ListFoundationModels', 'GetFoundationModel', 'ListInferenceProfiles', 'GetInferenceProfile',
  'GetFoundationModelAvailability', 'ListFoundationModelAgreementOffers', 'GetUseCaseForModelAccess',
  'Converse',
]);

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

/**
 * Every scenario, end to end: the built CLI, spawned as a user would run it, against the
 * emulator on 127.0.0.1, reached only through the standard AWS_ENDPOINT_URL_* variables.
 */
describe.each(SCENARIOS.map((s) => [s.name, s] as const))('check against the emulator: %s', (_, scenario) => {
  it(`reports ${scenario.gate ?? 'ready'} and exits ${scenario.exitCode}`, async () => {
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-e2e-'));
    const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
    const run = await runCli(['check', ...scenarioArgs(scenario), '--format', 'json', '--verbose'], env);

    expect(run.code, run.stderr).toBe(scenario.exitCode);
    const report = reportOf(run.stdout); // stdout holds only the JSON
    expect(report).toMatchObject({ schemaVersion: 1, exitCode: scenario.exitCode, ready: scenario.exitCode === 0 });
    expect(report.checks).toHaveLength(7);
    // Every cause the run reports is a catalog id.
    for (const check of report.checks) if (check.cause !== null) expect(CAUSE_IDS, check.gate).toContain(check.cause);
    // No printed policy names an action IAM does not have, or answers an explicit deny with an Allow.
    for (const check of report.checks) expect(policyProblems(check.remediation?.policy, `${check.summary} ${check.evidence.message ?? ''}`, check.cause), check.gate).toEqual([]);

    const findings = report.checks.filter((c: { status: string }) => c.status !== 'pass' && c.status !== 'skip');
    if (scenario.gate) {
      const atFault = report.checks.find((c: { gate: string }) => c.gate === scenario.gate);
      expect(atFault.status, JSON.stringify(findings)).toBe(scenario.status ?? 'fail');
      // The gate at fault is the first finding (warnings aside) in gate order.
      const firstFinding = findings.find((c: { status: string }) => c.status !== 'warn') ?? atFault;
      expect(firstFinding.gate).toBe(scenario.gate);
    } else {
      expect(findings.filter((c: { status: string }) => c.status !== 'warn'), JSON.stringify(findings)).toEqual([]);
    }

    const output = run.stdout + run.stderr;
    for (const secret of secretCanaries(env)) expect(output).not.toContain(secret);
    expect(output).not.toMatch(STACK_TRACE);
    // Read-only: every request is one of the reads the doctor makes (not merely "not known mutating").
    expect(emulator.requests.filter((r) => !READ_OPERATIONS.has(r.operation)).map((r) => r.operation)).toEqual([]);
    for (const operation of scenario.mustNotCall ?? []) {
      expect(emulator.requests.map((r) => r.operation)).not.toContain(operation);
    }
  });
});

describe('scenario specifics', () => {
  async function runScenario(name: string, extra: string[] = []) {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-e2e-'));
    const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
    const run = await runCli(['check', ...scenarioArgs(scenario), '--json', ...extra], env);
    return { run, report: reportOf(run.stdout), requests: emulator.requests };
  }

  it('--no-invoke sends no Converse request', async () => {
    const { requests } = await runScenario('no-invoke');
    expect(requests.filter((r) => r.service === 'bedrock-runtime')).toEqual([]);
  });

  it('an SSO session is simulated as its role, path included', async () => {
    const { report, requests } = await runScenario('sso-session');
    const simulate = requests.find((r) => r.operation === 'SimulatePrincipalPolicy');
    expect(simulate?.params?.PolicySourceArn).toBe('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDev_0123456789abcdef');
    expect(report.identity.principalArn).toBe('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDev_0123456789abcdef');
  });

  it('a hanging endpoint is cut at --timeout 5', async () => {
    const { run } = await runScenario('hanging-endpoint');
    expect(run.ms).toBeLessThan(9000);
  });

  it('a healthy run makes each read once, identified by its user agent', async () => {
    const { report, requests } = await runScenario('healthy');
    expect(report.durationMs).toBeLessThan(5000);
    const count = (op: string) => requests.filter((r) => r.operation === op).length;
    expect(count('GetCallerIdentity')).toBe(1);
    expect(count('ListFoundationModels')).toBe(1);
    expect(count('Converse')).toBe(1);
    // Every call carries the doctor's user-agent suffix, so a security team can recognise it.
    for (const request of requests) expect(request.userAgent).toMatch(/bedrock-doctor\/\d+\.\d+\.\d+/);
  });

  it('a matrix checks every cell, quietly (no warnings on stderr)', async () => {
    const { run, report } = await runScenario('healthy', [
      '--region', 'us-west-2', '--model', 'amazon.nova-lite-v1:0', '--model', 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    ]);
    expect(run.code).toBe(0);
    expect(report.targets).toHaveLength(6);
    expect(report.checks).toHaveLength(42);
    expect(run.stderr).not.toMatch(/Warning/);
  });

  it('--only iam runs iam and the gates it depends on, makes no model call, and says so', async () => {
    const { run, report, requests } = await runScenario('iam-implicit-deny', ['--only', 'iam']);
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ only: ['iam'], gatesRun: ['credentials', 'network', 'region', 'iam'] });
    expect(report.checks.map((c: { gate: string }) => c.gate)).toEqual(['credentials', 'network', 'region', 'iam']);
    expect(report.checks.find((c: { gate: string }) => c.gate === 'iam')).toMatchObject({ status: 'fail', cause: 'iam-implicit-deny' });
    expect(requests.map((r) => r.operation)).not.toContain('Converse');
    expect(requests.map((r) => r.operation)).not.toContain('GetUseCaseForModelAccess');
  });

  it('--list-checks lists every gate with what it runs after, and needs no model', async () => {
    const run = await runCli(['check', '--list-checks', '--format', 'json'], { PATH: process.env.PATH ?? '' });
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { gate: string; dependsOn: string[]; actions: string[] }[];
    expect(list.map((g) => g.gate)).toEqual(['credentials', 'network', 'region', 'model-access', 'iam', 'provider-terms', 'invoke']);
    expect(list.find((g) => g.gate === 'iam')).toMatchObject({ dependsOn: ['credentials', 'network', 'region'], actions: expect.arrayContaining(['iam:SimulatePrincipalPolicy']) });
    const human = await runCli(['check', '--list-checks'], { PATH: process.env.PATH ?? '' });
    expect(human.stdout).toMatch(/^iam\s+policies, SCPs/m);
  });

  it('--redact masks account ids but keeps request ids', async () => {
    const { run } = await runScenario('iam-implicit-deny', ['--redact']);
    expect(run.stdout).not.toContain('111122223333');
    expect(run.stdout).toMatch(/"requestId": "[0-9a-f-]{8,}"/);
  });
});

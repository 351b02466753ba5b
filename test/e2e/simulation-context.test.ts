import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioEnvironment, startEmulator, type Emulator, type Scenario, type WorldPatch } from '../../src/sandbox/index.js';
import { runCli } from './cli.js';

const SONNET4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

/** The built CLI against an emulated account whose policies carry conditions. */
async function check(world: WorldPatch, model = 'anthropic.claude-3-haiku-20240307-v1:0', behaviours: Scenario['behaviours'] = {}) {
  const scenario: Scenario = { name: 'conditions', title: 'conditions', gate: null, exitCode: 0, model, world, behaviours };
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-context-'));
  const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
  const run = await runCli(['check', '--region', 'us-east-1', '--model', model, '--json'], env);
  const report = JSON.parse(run.stdout);
  const iam = report.checks.find((c: { gate: string }) => c.gate === 'iam');
  const simulations = emulator.requests.filter((r) => r.operation === 'SimulatePrincipalPolicy');
  const contexts = simulations.map((r) =>
    Object.fromEntries(((r.params?.ContextEntries ?? []) as { ContextKeyName: string; ContextKeyValues: string[] }[]).map((e) => [e.ContextKeyName, e.ContextKeyValues])),
  );
  return { run, report, iam, contexts, operations: emulator.requests.map((r) => r.operation) };
}

describe('the simulation sees the conditions the real call meets (against the emulator)', () => {
  it('aws:RequestedRegion and bedrock:InferenceProfileArn per destination: a Region lock denies us-west-2, as the live call is', async () => {
    const { run, iam, contexts, report } = await check(
      {
        policies: [
          { action: 'bedrock:InvokeModel*', resource: 'arn:aws:bedrock:*::foundation-model/*', decision: 'explicitDeny', condition: { key: 'aws:RequestedRegion', values: ['us-east-1', 'us-east-2'], negate: true } },
        ],
      },
      `us.${SONNET4}`,
    );
    expect(run.code).toBe(1);
    expect(iam).toMatchObject({ status: 'fail', cause: 'iam-explicit-deny' });
    expect(iam.summary).toContain(`arn:aws:bedrock:us-west-2::foundation-model/${SONNET4}`);
    expect(iam.summary).not.toContain('us-east-2::');
    expect(report.checks.find((c: { gate: string }) => c.gate === 'invoke').status).toBe('fail');
    const profileArn = `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET4}`;
    expect(contexts).toContainEqual(expect.objectContaining({ 'aws:RequestedRegion': ['us-west-2'], 'bedrock:InferenceProfileArn': [profileArn] }));
    expect(contexts).toContainEqual(expect.objectContaining({ 'aws:RequestedRegion': ['us-east-1'] }));
  });

  it.each([
    ['ml', 0, 'pass'],
    ['web', 1, 'fail'],
  ])("aws:PrincipalTag/team from iam:ListUserTags: a user tagged team=%s is %s", async (team, code, status) => {
    const { run, iam, contexts, operations } = await check({
      users: [{ userName: 'dev', path: '/', userId: 'AIDAEXAMPLEUSERID0001', tags: { team } }],
      policies: [{ action: 'bedrock:InvokeModel*', decision: 'implicitDeny', condition: { key: 'aws:PrincipalTag/team', values: ['ml'], negate: true } }],
    });
    expect(run.code).toBe(code);
    expect(iam.status).toBe(status);
    expect(operations).toContain('GetContextKeysForPrincipalPolicy');
    expect(operations).toContain('ListUserTags');
    expect(contexts.at(-1)).toMatchObject({ 'aws:PrincipalTag/team': [team] });
  });

  it('a key the simulation cannot supply (aws:SourceIp) is named, narrowing simulation-incomplete to it', async () => {
    const { run, iam, report } = await check({
      policies: [
        { action: 'bedrock:InvokeModel*', decision: 'explicitDeny', condition: { key: 'aws:SourceIp', values: ['198.51.100.*'] } },
        { action: 'bedrock:InvokeModel*', decision: 'explicitDeny', condition: { key: 'aws:RequestedRegion', values: ['eu-*'] } },
      ],
    });
    expect(run.code).toBe(0);
    expect(iam).toMatchObject({ status: 'warn', cause: 'simulation-incomplete' });
    expect(iam.summary).toContain('could not supply: aws:SourceIp.');
    expect(iam.summary).not.toContain('aws:RequestedRegion');
    expect(iam.evidence.details.unsuppliedContextKeys).toEqual(['aws:SourceIp']);
    expect(report.checks.find((c: { gate: string }) => c.gate === 'invoke').status).toBe('pass');
  });

  it('policies without conditions: one GetContextKeysForPrincipalPolicy, no tag read, one simulation, a plain pass', async () => {
    const { run, iam, operations } = await check({});
    expect(run.code).toBe(0);
    expect(iam.status).toBe('pass');
    expect(operations.filter((o) => o === 'GetContextKeysForPrincipalPolicy')).toHaveLength(1);
    expect(operations.filter((o) => o === 'SimulatePrincipalPolicy')).toHaveLength(1);
    expect(operations).not.toContain('ListUserTags');
  });

  it("an SSO role's tags come from iam:ListRoleTags, and session tags are said to be invisible", async () => {
    const role = 'AWSReservedSSO_BedrockDev_0123456789abcdef';
    const { iam, operations, contexts } = await check({
      identity: { arn: `arn:aws:sts::111122223333:assumed-role/${role}/alice@example.com`, userId: 'AROAEXAMPLEROLEID0001:alice@example.com' },
      roles: [{ roleName: role, path: '/aws-reserved/sso.amazonaws.com/', roleId: 'AROAEXAMPLEROLEID0001', createDate: '2025-03-01T09:00:00Z', tags: { team: 'ml' } }],
      policies: [{ action: 'bedrock:InvokeModel*', decision: 'implicitDeny', condition: { key: 'aws:PrincipalTag/team', values: ['ml'], negate: true } }],
    });
    expect(iam.status).toBe('pass');
    expect(operations).toContain('ListRoleTags');
    expect(contexts.at(-1)).toMatchObject({ 'aws:PrincipalTag/team': ['ml'], 'aws:PrincipalArn': [`arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/${role}`] });
    expect(iam.evidence.details.note).toContain('Session tags');
  });
});

import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { GetFoundationModelAvailabilityCommand, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GATE_ABOUT, withDependencies } from '../../../src/gates/about.js';
import { parseGates, planCheck } from '../../../src/pipeline/plan.js';
import { runCheck } from '../../../src/pipeline/run.js';
import { buildReport } from '../../../src/report/json.js';
import { renderHuman } from '../../../src/report/human.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { UsageError } from '../../../src/errors.js';
import { GATES, type Gate } from '../../../src/types.js';
import { ACTION_OF_OPERATION } from '../../../src/vocabulary/iam-actions.js';
import { healthy, mocks, sigv4Auth, HAIKU, type Mocks } from '../gates/harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

async function runOnly(only: string[]) {
  return buildReport(await runOnlyChecks(only), { strict: false });
}

async function runOnlyChecks(only: string[]) {
  const plan = await planCheck({ regions: ['us-east-1'], models: [HAIKU], noInvoke: false, allowSubscribe: false, stream: false, timeoutSeconds: 10, only }, {});
  return runCheck(plan, { env: {}, auth: sigv4Auth(), probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }) });
}

describe('gate dependencies', () => {
  it.each<[Gate[], Gate[]]>([
    [['credentials'], ['credentials']],
    [['network'], ['network']],
    [['iam'], ['credentials', 'network', 'region', 'iam']],
    [['provider-terms', 'credentials'], ['credentials', 'network', 'region', 'provider-terms']],
    [['invoke'], [...GATES]],
  ])('--only %j runs %j, in gate order', (chosen, runs) => {
    expect(withDependencies(chosen)).toEqual(runs);
  });

  it('a gate depends only on gates reported before it (no cycle), and names only real IAM actions', () => {
    for (const gate of GATES) {
      for (const dependency of GATE_ABOUT[gate].dependsOn) expect(GATES.indexOf(dependency), `${gate} -> ${dependency}`).toBeLessThan(GATES.indexOf(gate));
      for (const call of GATE_ABOUT[gate].calls) expect(ACTION_OF_OPERATION[call]).toMatch(/^(sts|iam|bedrock):[A-Z]/);
    }
  });

  it.each([
    ['iam-policy', /not a gate \(did you mean iam\?\)/],
    ['credentails', /not a gate \(did you mean credentials\?\)/],
    ['', /not a gate; gates: credentials, network/],
    ['invoke,nope', /"nope" is not a gate/],
  ])('rejects --only %j with one line naming the gates', (value, message) => {
    expect(() => parseGates(value.split(','))).toThrow(UsageError);
    expect(() => parseGates(value.split(','))).toThrow(message);
  });

  it('accepts any case and drops repeats', () => {
    expect(parseGates(['IAM', 'iam', ' region '])).toEqual(['iam', 'region']);
  });
});

describe('a run with --only', () => {
  it('iam: runs iam and what it depends on, makes no model call, and says which gates ran', async () => {
    const report = await runOnly(['iam']);
    expect(report.only).toEqual(['iam']);
    expect(report.gatesRun).toEqual(['credentials', 'network', 'region', 'iam']);
    expect(report.checks.map((c) => [c.gate, c.status])).toEqual([['credentials', 'pass'], ['network', 'pass'], ['region', 'pass'], ['iam', 'pass']]);
    expect(report.exitCode).toBe(0);
    expect(m.iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(1);
    expect(m.runtime.commandCalls(ConverseCommand)).toHaveLength(0);
    expect(m.bedrock.commandCalls(GetFoundationModelAvailabilityCommand)).toHaveLength(0);
  });

  it('the human and markdown reports say which gates ran, and a ready run claims only those', async () => {
    const run = await runOnlyChecks(['iam']);
    const report = buildReport(run, { strict: false });
    const human = renderHuman(report, run.checks, { color: false, verbose: false, strict: false });
    expect(human).toContain('Only iam: ran credentials, network, region, iam.');
    expect(human).toContain('Ready: the gates checked pass; model-access, provider-terms, invoke not checked.');
    expect(human).not.toContain('can call every model checked');
    expect(renderMarkdown(report)).toContain('- Only: iam (ran: credentials, network, region, iam)');
  });

  it('credentials: calls STS only', async () => {
    const report = await runOnly(['credentials']);
    expect(report.gatesRun).toEqual(['credentials']);
    expect(m.sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(m.bedrock.commandCalls(ListFoundationModelsCommand)).toHaveLength(0);
    expect(m.iam.calls()).toHaveLength(0);
  });

  it("a finding met on an unselected gate's ground is reported on that gate, and counts", async () => {
    m.sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', name: 'Error' }));
    const report = await runOnly(['credentials']);
    expect(report.checks.find((c) => c.gate === 'credentials')).toMatchObject({ status: 'skip', cause: 'blocked-by-network' });
    const network = report.checks.find((c) => c.gate === 'network');
    expect(network?.status).not.toBe('pass');
    expect(network?.fix).toBeTruthy();
    expect(report.gatesRun).toEqual(['credentials', 'network']);
    expect(report.ready).toBe(false);
  });

  it('every gate without --only: only is null and gatesRun lists all seven', async () => {
    const plan = await planCheck({ regions: ['us-east-1'], models: [HAIKU], noInvoke: false, allowSubscribe: false, stream: false, timeoutSeconds: 10 }, {});
    const report = buildReport(await runCheck(plan, { env: {}, auth: sigv4Auth(), probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }) }), { strict: false });
    expect(report.only).toBeNull();
    expect(report.gatesRun).toEqual([...GATES]);
  });
});

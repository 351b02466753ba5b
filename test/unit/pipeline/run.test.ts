import { ListFoundationModelsCommand, ListInferenceProfilesCommand, GetFoundationModelAvailabilityCommand, GetUseCaseForModelAccessCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCheck, type CheckInput } from '../../../src/pipeline/plan.js';
import { exitCodeOf } from '../../../src/pipeline/result.js';
import { runCheck } from '../../../src/pipeline/run.js';
import { awsError, healthy, mocks, sigv4Auth, HAIKU, NOVA, type Mocks } from '../gates/harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

const input = (overrides: Partial<CheckInput> = {}): CheckInput => ({
  regions: ['us-east-1'],
  models: [HAIKU],
  noInvoke: false,
  allowSubscribe: false,
  stream: false,
  timeoutSeconds: 10,
  ...overrides,
});

async function run(overrides: Partial<CheckInput> = {}) {
  const plan = await planCheck(input(overrides), {});
  return runCheck(plan, {
    env: {},
    auth: sigv4Auth(),
    probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }),
  });
}
const statusOf = (result: Awaited<ReturnType<typeof run>>, gate: string) => result.checks.find((c) => c.gate === gate)?.status;

describe('check pipeline', () => {
  it('a healthy run passes every gate and exits 0', async () => {
    const result = await run();
    expect(exitCodeOf(result.checks, false)).toBe(0);
    expect(result.checks.map((c) => [c.gate, c.status])).toEqual([
      ['credentials', 'pass'], ['network', 'pass'], ['region', 'pass'], ['model-access', 'pass'], ['iam', 'pass'], ['provider-terms', 'pass'], ['invoke', 'pass'],
    ]);
    expect(result.identity).toMatchObject({ account: '111122223333', credentialSource: 'env' });
  });

  it('a matrix shares one identity lookup and one model list per Region', async () => {
    const result = await run({ regions: ['us-east-1', 'us-west-2'], models: [HAIKU, NOVA] });
    expect(result.targets).toHaveLength(4);
    expect(result.checks).toHaveLength(28);
    expect(m.sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(m.bedrock.commandCalls(ListFoundationModelsCommand)).toHaveLength(2);
    expect(m.bedrock.commandCalls(ListInferenceProfilesCommand).length).toBeLessThanOrEqual(2);
    expect(m.bedrock.commandCalls(GetUseCaseForModelAccessCommand)).toHaveLength(2);
    expect(m.runtime.commandCalls(ConverseCommand)).toHaveLength(4);
    // One simulation per Region, covering both models, each target reading only its own results.
    const simulations = m.iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(simulations).toHaveLength(2);
    expect(simulations.every((i) => i.ResourceArns?.length === 2)).toBe(true);
    expect(result.checks.filter((c) => c.gate === 'iam').every((c) => c.status === 'pass' && c.summary.includes('1 ARN'))).toBe(true);
  });

  it('a merged simulation still gives each target its own verdict', async () => {
    m.iam.on(SimulatePrincipalPolicyCommand).callsFake((i) => ({
      EvaluationResults: (i.ResourceArns ?? []).map((r: string) => ({
        EvalActionName: 'bedrock:InvokeModel', EvalResourceName: r, EvalDecision: r.includes(NOVA) ? 'implicitDeny' : 'allowed',
      })),
    }));
    const result = await run({ models: [HAIKU, NOVA], noInvoke: true });
    const iam = (model: string) => result.checks.find((c) => c.gate === 'iam' && c.model === model)?.status;
    expect([iam(HAIKU), iam(NOVA)]).toEqual(['pass', 'fail']);
    expect(m.iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(1);
  });

  it('an invoke denial marks the gate at fault even when its prediction passed', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('AccessDeniedException', 403,
      `User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/${HAIKU} because no session policy allows the bedrock:InvokeModel action`));
    const result = await run();
    expect(exitCodeOf(result.checks, false)).toBe(1);
    const iam = result.checks.find((c) => c.gate === 'iam')!;
    expect(iam).toMatchObject({ status: 'fail', cause: 'session-policy-deny' });
    expect(iam.summary).toContain('predictive check had passed');
  });

  it('a predicted failure contradicted by a successful invoke becomes a warning that says so', async () => {
    m.iam.on(SimulatePrincipalPolicyCommand).callsFake((i) => ({
      EvaluationResults: (i.ResourceArns ?? []).map((r: string) => ({ EvalActionName: 'bedrock:InvokeModel', EvalResourceName: r, EvalDecision: 'implicitDeny' })),
    }));
    const result = await run();
    const iam = result.checks.find((c) => c.gate === 'iam')!;
    expect(iam.status).toBe('warn');
    expect(iam.summary).toContain('a real Converse call succeeded');
    expect(exitCodeOf(result.checks, false)).toBe(0);
  });

  it('throttling makes invoke inconclusive and the run exit 3', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('ThrottlingException', 429, 'Too many requests, please wait before trying again.'));
    const result = await run();
    expect(statusOf(result, 'invoke')).toBe('inconclusive');
    expect(exitCodeOf(result.checks, false)).toBe(3);
  });

  it('expired credentials fail credentials and skip the gates that need them, saying why', async () => {
    const expired = awsError('ExpiredTokenException', 403, 'The security token included in the request is expired');
    m.sts.on(GetCallerIdentityCommand).rejects(awsError('ExpiredToken', 403, 'The security token included in the request is expired'));
    m.bedrock.onAnyCommand().rejects(expired);
    m.runtime.onAnyCommand().rejects(expired);
    const result = await run();
    expect(exitCodeOf(result.checks, false)).toBe(1);
    expect(result.checks.find((c) => c.gate === 'credentials')).toMatchObject({ status: 'fail', cause: 'expired-credentials' });
    for (const gate of ['region', 'iam']) {
      const check = result.checks.find((c) => c.gate === gate)!;
      expect(check.status).toBe('skip');
      expect(check.summary).toMatch(/^Not checked/);
    }
  });

  it('a pending subscription exits 3 with provider-terms pending', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: HAIKU, agreementAvailability: { status: 'PENDING' }, authorizationStatus: 'AUTHORIZED', entitlementAvailability: 'AVAILABLE', regionAvailability: 'AVAILABLE',
    });
    m.runtime.on(ConverseCommand).rejects(awsError('AccessDeniedException', 403, 'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed'));
    const result = await run();
    expect(result.checks.find((c) => c.gate === 'provider-terms')).toMatchObject({ status: 'pending', cause: 'marketplace-subscription-pending' });
    expect(exitCodeOf(result.checks, false)).toBe(3);
  });

  it('never hangs: a call that never answers is cut by the deadline and reported inconclusive', async () => {
    m.runtime.on(ConverseCommand).callsFake(() => new Promise(() => {}));
    const started = Date.now();
    const result = await run({ timeoutSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(statusOf(result, 'invoke')).toBe('inconclusive');
    expect(exitCodeOf(result.checks, false)).toBe(3);
  });

  it('a bug inside a gate is reported on that gate as doctor-bug (not an AWS internal-error), not thrown', async () => {
    const plan = await planCheck(input(), {});
    const result = await runCheck(plan, {
      env: {},
      auth: sigv4Auth(),
      probe: () => {
        throw new TypeError('probe exploded');
      },
    });
    const network = result.checks.find((c) => c.gate === 'network')!;
    expect(network.cause).toBe('doctor-bug');
    expect(network.summary).toContain('probe exploded');
    expect(result.checks.find((c) => c.gate === 'invoke')?.status).toBe('pass');
  });

  it('a credential source that never answers is cut by the deadline', async () => {
    const plan = await planCheck(input({ timeoutSeconds: 1 }), {});
    const started = Date.now();
    const result = await runCheck(plan, {
      env: {},
      auth: { mode: 'sigv4', apiKey: null, provider: () => new Promise(() => {}) },
      probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.checks.find((c) => c.gate === 'credentials')).toMatchObject({ status: 'inconclusive', cause: 'credential-source-timeout' });
    expect(exitCodeOf(result.checks, false)).toBe(3);
  });

  it('Ctrl-C stops the run and blames no gate', async () => {
    m.runtime.on(ConverseCommand).callsFake(() => new Promise(() => {}));
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 200);
    const plan = await planCheck(input(), {});
    const result = await runCheck(plan, { env: {}, auth: sigv4Auth(), signal: interrupt.signal, probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }) });
    expect(result.interrupted).toBe(true);
    expect(result.checks.find((c) => c.gate === 'network')?.status).toBe('pass');
    expect(result.checks.find((c) => c.gate === 'invoke')?.status).toBe('inconclusive');
  });
});

describe('gates that share the Marketplace agreement agree', () => {
  it('a failed agreement (INVALID_PAYMENT_INSTRUMENT) fails provider-terms with its message, predicts no subscription, and exits 1', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: HAIKU,
      agreementAvailability: { status: 'ERROR', errorMessage: 'INVALID_PAYMENT_INSTRUMENT: A valid payment instrument must be provided.' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'AVAILABLE',
    });
    const result = await run();
    const check = (gate: string) => result.checks.find((c) => c.gate === gate)!;
    expect(check('provider-terms')).toMatchObject({ status: 'fail', cause: 'marketplace-agreement-failed' });
    expect(check('provider-terms').summary).toContain('INVALID_PAYMENT_INSTRUMENT');
    for (const gate of ['model-access', 'invoke']) {
      expect(check(gate)).toMatchObject({ status: 'skip', cause: 'blocked-by-provider-terms' });
      expect(check(gate).summary).not.toMatch(/should subscribe|would subscribe|may use/);
    }
    expect(m.runtime.commandCalls(ConverseCommand)).toHaveLength(0);
    expect(exitCodeOf(result.checks, false)).toBe(1);
  });

  it('a pending agreement: model-access does not say the account may use the model', async () => {
    m.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      modelId: HAIKU,
      agreementAvailability: { status: 'PENDING' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'AVAILABLE',
    });
    m.runtime.on(ConverseCommand).rejects(awsError('AccessDeniedException', 403, 'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed'));
    const result = await run();
    const access = result.checks.find((c) => c.gate === 'model-access')!;
    expect(access.summary).not.toMatch(/may use/);
    expect(access).toMatchObject({ status: 'skip', cause: 'blocked-by-provider-terms' });
    expect(statusOf(result, 'provider-terms')).toBe('pending');
    expect(exitCodeOf(result.checks, false)).toBe(3);
  });
});

describe('fixes printed inside check', () => {
  it('fill the Region, the model and the runtime endpoint an override sets, and never say "run bedrock-doctor check"', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('ThrottlingException', 429, 'Too many tokens, please wait before trying again.'));
    const plan = await planCheck(input({ regions: ['eu-west-1'] }), {});
    const result = await runCheck(plan, {
      env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:4599' },
      auth: sigv4Auth(),
      probe: async () => ({ ok: true, value: { durationMs: 1 }, evidence: {}, durationMs: 1 }),
    });
    const invoke = result.checks.find((c) => c.gate === 'invoke')!;
    expect(invoke.cause).toBe('throttled');
    expect(invoke.fix!.commands!.join('\n')).toContain('--region eu-west-1');
    expect(JSON.stringify(result.checks)).not.toMatch(/<region>|<model-id>/);
    for (const check of result.checks) expect(`${check.fix?.text ?? ''} ${(check.fix?.commands ?? []).join(' ')}`).not.toMatch(/bedrock-doctor check/i);
  });

  it('an access denial without a reason: the fix points at the other gates, not at check', async () => {
    m.runtime.on(ConverseCommand).rejects(awsError('AccessDeniedException', 403, 'Access denied'));
    const result = await run();
    const iam = result.checks.find((c) => c.gate === 'iam')!;
    expect(iam.cause).toBe('access-denied');
    expect(iam.fix!.text).not.toMatch(/bedrock-doctor check/);
  });
});

/**
 * The scenario catalogue: well-formed as data, and each scenario's world really sends the
 * signals (through the real SDK clients) that the doctor must turn into the declared gate.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
} from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { GATES } from '../../../src/types.js';
import {
  findScenario,
  SCENARIOS,
  scenarioArgs,
  scenarioEnvironment,
  SECRET_CANARIES,
  secretCanaries,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../../../src/sandbox/index.js';
import { decodeShortTermKey } from '../../../src/sandbox/operations.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' };
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
const USER = 'arn:aws:iam::111122223333:user/dev';

describe('the catalogue as data', () => {
  it('has at least 15 scenarios with unique kebab-case names', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(15);
    const names = SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('puts every gate at fault in some scenario', () => {
    const gates = new Set(SCENARIOS.map((s) => s.gate));
    for (const gate of GATES) expect(gates, gate).toContain(gate);
    expect(gates).toContain(null);
  });

  it('pairs gate, status and exit code consistently', () => {
    const exitFor = { fail: 1, inconclusive: 3, pending: 3, warn: 0 } as const;
    for (const s of SCENARIOS) {
      expect(s.title.length, s.name).toBeGreaterThan(10);
      if (s.gate === null) {
        expect(s.status, s.name).toBeUndefined();
        expect(s.exitCode, s.name).toBe(0);
      } else {
        expect(s.status, s.name).toBeDefined();
        expect(s.exitCode, s.name).toBe(exitFor[s.status!]);
      }
    }
  });

  it('finds scenarios by name and builds check arguments', () => {
    expect(findScenario('nope')).toBeUndefined();
    expect(scenarioArgs(findScenario('healthy')!)).toEqual(['--region', 'us-east-1', '--model', HAIKU]);
    expect(scenarioArgs(findScenario('hanging-endpoint')!)).toEqual(['--region', 'us-east-1', '--model', HAIKU, '--timeout', '5']);
    expect(scenarioArgs(findScenario('cross-region-profile-deny')!)).toEqual(['--region', 'us-east-1', '--model', `us.${SONNET4}`]);
  });

  it('refuses an unknown scenario name', async () => {
    await expect(startEmulator('no-such-scenario')).rejects.toThrow(/Unknown emulator scenario/);
  });
});

type Expected = 'ok' | 'not-through-emulator' | { name: string; status?: number; message?: string | RegExp; code?: string };

/** What the live Converse call says in each scenario (the invoke gate's ground truth). */
const CONVERSE: Record<string, Expected> = {
  healthy: 'ok',
  'expired-token': { name: 'ExpiredTokenException', status: 403, message: 'The security token included in the request is expired' },
  'invalid-access-key': { name: 'UnrecognizedClientException', status: 403, message: 'The security token included in the request is invalid.' },
  'model-not-in-region': { name: 'ValidationException', status: 400, message: 'The provided model identifier is invalid.' },
  'inference-profile-required': { name: 'ValidationException', status: 400, message: /with on-demand throughput isn\u2019t supported/ },
  'access-not-granted': { name: 'AccessDeniedException', status: 403, message: "You don't have access to the model with the specified model ID." },
  'agreement-pending': { name: 'AccessDeniedException', status: 403, message: /subscription for this model is still being processed$/ },
  'anthropic-use-case-missing': { name: 'ResourceNotFoundException', status: 404, message: /^Model use case details have not been submitted/ },
  'iam-implicit-deny': {
    name: 'AccessDeniedException',
    status: 403,
    message: `User: ${USER} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/${HAIKU} because no identity-based policy allows the bedrock:InvokeModel action`,
  },
  'scp-deny': {
    name: 'AccessDeniedException',
    status: 403,
    message: `User: ${USER} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/${HAIKU} with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-example/service_control_policy/p-example`,
  },
  'cannot-simulate': 'ok',
  'least-privilege': 'ok',
  'sso-session': 'ok',
  'no-invoke': 'ok',
  'throttled-invoke': { name: 'ThrottlingException', status: 429, message: 'Too many requests, please wait before trying again.' },
  'endpoint-down': 'not-through-emulator',
  'hanging-endpoint': 'not-through-emulator',
  'garbage-response': { name: 'SyntaxError', status: 200 },
  'invalid-api-key': { name: 'Unknown', status: 403, message: 'Authentication failed: Please make sure your API Key is valid.' },
  'wrong-account': 'ok',
  'legacy-model': { name: 'ResourceNotFoundException', status: 404, message: /^Access denied. This Model is marked by provider as Legacy/ },
  'marketplace-permissions': { name: 'AccessDeniedException', status: 403, message: /aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe/ },
  'subscription-not-accepted': 'ok',
  'clock-skew': { name: 'InvalidSignatureException', status: 403, message: /^Signature expired: / },
  'service-unavailable': { name: 'ServiceUnavailableException', status: 503, message: 'Bedrock is unable to process your request.' },
  'slow-network': 'ok',
  'connection-reset': { name: 'TimeoutError', code: 'ECONNRESET' },
  'captive-portal': { name: 'SyntaxError', status: 200 },
  offline: 'not-through-emulator',
  'session-policy-deny': {
    name: 'AccessDeniedException',
    status: 403,
    message: /because no session policy allows the bedrock:InvokeModel action$/,
  },
  'cross-region-profile-deny': {
    name: 'AccessDeniedException',
    status: 403,
    message: `User: ${USER} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/${SONNET4} because no identity-based policy allows the bedrock:InvokeModel action`,
  },
  'api-key-healthy': 'ok',
  'global-profile': 'ok',
};

async function clientsFor(scenario: Scenario, emulator: Emulator) {
  const env = await scenarioEnvironment(scenario, emulator, { home: await mkdtemp(join(tmpdir(), 'bd-sandbox-')), inherit: process.env });
  const token = env.AWS_BEARER_TOKEN_BEDROCK;
  const common = { region: scenario.region ?? 'us-east-1', endpoint: emulator.url, maxAttempts: 1, requestHandler: new NodeHttpHandler() };
  const bedrockAuth = token ? { token: { token }, authSchemePreference: ['httpBearerAuth'] } : { credentials };
  return {
    sts: new STSClient({ ...common, credentials }),
    iam: new IAMClient({ ...common, credentials }),
    bedrock: new BedrockClient({ ...common, ...bedrockAuth }),
    runtime: new BedrockRuntimeClient({ ...common, ...bedrockAuth }),
  };
}

async function outcome(promise: Promise<unknown>): Promise<'ok' | { name: string; status?: number; message: string; code?: string }> {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    const error = e as { name: string; message: string; code?: string; $metadata?: { httpStatusCode?: number } };
    return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message, code: error.code };
  }
}

describe('each scenario sends the live signal the doctor must read', () => {
  it('has an expectation for every scenario', () => {
    expect(Object.keys(CONVERSE).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
  });

  for (const scenario of SCENARIOS) {
    const expected = CONVERSE[scenario.name];
    if (expected === 'not-through-emulator' || expected === undefined) continue;
    it(`${scenario.name}: Converse`, async () => {
      const emulator = await startEmulator(scenario);
      try {
        const c = await clientsFor(scenario, emulator);
        const modelId = scenario.model ?? HAIKU;
        const got = await outcome(
          c.runtime.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'ping' }] }], inferenceConfig: { maxTokens: 1 } })),
        );
        if (expected === 'ok') {
          expect(got).toBe('ok');
        } else {
          expect(got).not.toBe('ok');
          const error = got as Exclude<typeof got, 'ok'>;
          expect(error.name).toBe(expected.name);
          if (expected.status !== undefined) expect(error.status).toBe(expected.status);
          if (expected.code !== undefined) expect(error.code).toBe(expected.code);
          if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
          else if (expected.message) expect(error.message).toMatch(expected.message);
        }
      } finally {
        await emulator.close();
      }
    });
  }
});

describe('predictive signals per scenario', () => {
  const running: Emulator[] = [];
  const start = async (name: string) => {
    const scenario = findScenario(name)!;
    const emulator = await startEmulator(scenario);
    running.push(emulator);
    return { emulator, c: await clientsFor(scenario, emulator), scenario };
  };
  afterAll(async () => {
    await Promise.all(running.map((e) => e.close()));
  });

  const simulate = (iam: IAMClient, source: string, resources: string[]) =>
    iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: ['bedrock:InvokeModel'], ResourceArns: resources }));

  it('model-not-in-region: GetFoundationModel and availability answer 404', async () => {
    const { c } = await start('model-not-in-region');
    for (const call of [
      () => c.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.claude-opus-9-v1:0' })),
      () => c.bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: 'anthropic.claude-opus-9-v1:0' })),
    ]) {
      expect(await outcome(call())).toMatchObject({
        name: 'ResourceNotFoundException',
        status: 404,
        message: 'Could not resolve the foundation model from the provided model identifier.',
      });
    }
  });

  it('access-not-granted / agreement-pending / subscription-not-accepted: availability says so', async () => {
    const notGranted = await start('access-not-granted');
    expect(await notGranted.c.bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: HAIKU }))).toMatchObject({
      authorizationStatus: 'NOT_AUTHORIZED',
      agreementAvailability: { status: 'AVAILABLE' },
    });
    const pending = await start('agreement-pending');
    expect((await pending.c.bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: HAIKU }))).agreementAvailability).toEqual({
      status: 'PENDING',
    });
    const notAccepted = await start('subscription-not-accepted');
    expect((await notAccepted.c.bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: HAIKU }))).agreementAvailability?.status).toBe(
      'NOT_AVAILABLE',
    );
    const offers = await notAccepted.c.bedrock.send(new ListFoundationModelAgreementOffersCommand({ modelId: HAIKU }));
    expect(offers.offers?.[0]?.offerToken).toBeTruthy();
  });

  it('anthropic-use-case-missing: GetUseCaseForModelAccess answers 404', async () => {
    const { c } = await start('anthropic-use-case-missing');
    expect(await outcome(c.bedrock.send(new GetUseCaseForModelAccessCommand({})))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
      message: 'You have not filled out the request form',
    });
  });

  it('iam-implicit-deny / scp-deny / session-policy-deny: what the simulator sees', async () => {
    const fm = `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`;
    const implicit = (await simulate((await start('iam-implicit-deny')).c.iam, USER, [fm])).EvaluationResults![0]!;
    expect(implicit).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    const scp = (await simulate((await start('scp-deny')).c.iam, USER, [fm])).EvaluationResults![0]!;
    expect(scp).toMatchObject({ EvalDecision: 'explicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
    const session = (await simulate((await start('session-policy-deny')).c.iam, USER, [fm])).EvaluationResults![0]!;
    expect(session.EvalDecision).toBe('allowed');
  });

  it('cannot-simulate: SimulatePrincipalPolicy is denied', async () => {
    const { c } = await start('cannot-simulate');
    expect(await outcome(simulate(c.iam, USER, ['*']))).toMatchObject({ name: 'AccessDenied', status: 403, message: expect.stringContaining('iam:SimulatePrincipalPolicy') });
  });

  it('cross-region-profile-deny: only the us-west-2 foundation model is denied', async () => {
    const { c } = await start('cross-region-profile-deny');
    const arns = [
      `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET4}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${SONNET4}`,
      `arn:aws:bedrock:us-east-2::foundation-model/${SONNET4}`,
      `arn:aws:bedrock:us-west-2::foundation-model/${SONNET4}`,
    ];
    const out = await simulate(c.iam, USER, arns);
    expect(out.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['allowed', 'allowed', 'allowed', 'implicitDeny']);
  });

  it('sso-session: an assumed-role caller whose role has the SSO path', async () => {
    const { c, emulator } = await start('sso-session');
    const who = await c.sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_BedrockDev_0123456789abcdef/alice@example.com');
    const roleArn = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDev_0123456789abcdef';
    const out = await simulate(c.iam, roleArn, ['*']);
    expect(out.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(emulator.requests.at(-1)?.params?.PolicySourceArn).toBe(roleArn);
    expect(await outcome(simulate(c.iam, who.Arn!, ['*']))).toMatchObject({ name: 'InvalidInputException', status: 400 });
  });
});

describe('scenarioEnvironment', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('is clean: only PATH from the parent, fake credentials, endpoints, empty AWS files', async () => {
    const home = await mkdtemp(join(tmpdir(), 'bd-env-'));
    const env = await scenarioEnvironment(findScenario('healthy')!, emulator, { home, inherit: process.env });
    const allowed = new Set([
      'PATH',
      'SystemRoot',
      'HOME',
      'USERPROFILE',
      'AWS_CONFIG_FILE',
      'AWS_SHARED_CREDENTIALS_FILE',
      'AWS_EC2_METADATA_DISABLED',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'NO_COLOR',
      'AWS_ENDPOINT_URL_STS',
      'AWS_ENDPOINT_URL_IAM',
      'AWS_ENDPOINT_URL_BEDROCK',
      'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
    ]);
    for (const key of Object.keys(env)) expect(allowed, key).toContain(key);
    expect(env).toMatchObject({
      HOME: home,
      AWS_CONFIG_FILE: join(home, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      NO_COLOR: '1',
      AWS_ENDPOINT_URL_STS: emulator.url,
      AWS_ENDPOINT_URL_IAM: emulator.url,
      AWS_ENDPOINT_URL_BEDROCK: emulator.url,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
    });
    expect(env.AWS_REGION).toBeUndefined();
    expect(SECRET_CANARIES).toContain(env.AWS_SECRET_ACCESS_KEY);
    expect(SECRET_CANARIES).toContain(env.AWS_SESSION_TOKEN);
    expect(await readFile(env.AWS_CONFIG_FILE!, 'utf8')).toBe('');
    expect(await readFile(env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8')).toBe('');
  });

  it('points a down service at a closed port', async () => {
    const env = await scenarioEnvironment(findScenario('endpoint-down')!, emulator, { inherit: process.env });
    expect(env.AWS_ENDPOINT_URL_BEDROCK).toBe(emulator.url);
    expect(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME).not.toBe(emulator.url);
    const e = await fetch(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME! + '/').catch((error: Error & { cause?: { code?: string } }) => error);
    expect((e as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('makes a fresh, well-formed short-term API key whose signature is a canary', async () => {
    const env = await scenarioEnvironment(findScenario('invalid-api-key')!, emulator, { inherit: process.env });
    const token = env.AWS_BEARER_TOKEN_BEDROCK!;
    expect(token).toMatch(/^bedrock-api-key-[A-Za-z0-9+/=]+$/);
    const url = Buffer.from(token.slice('bedrock-api-key-'.length), 'base64').toString('utf8');
    expect(url).toMatch(
      /^bedrock\.amazonaws\.com\/\?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F\d{8}%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=\d{8}T\d{6}Z&X-Amz-Expires=43200&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}&Version=1$/,
    );
    const decoded = decodeShortTermKey(token)!;
    expect(decoded.region).toBe('us-east-1');
    expect(Math.abs(decoded.expiresAt.getTime() - (Date.now() + 43200_000))).toBeLessThan(60_000);
    const signature = /X-Amz-Signature=([0-9a-f]{64})/.exec(url)![1]!;
    expect(SECRET_CANARIES).toContain(signature);
    expect(secretCanaries(env)).toEqual(expect.arrayContaining([...SECRET_CANARIES, token]));
  });
});

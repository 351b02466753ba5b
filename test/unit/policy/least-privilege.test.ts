import { describe, expect, it } from 'vitest';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';
import { leastPrivilegePolicy, type PolicyOptions, type PolicyTarget } from '../../../src/policy/least-privilege.js';
import { evaluate, type Request } from './iam-evaluator.js';

const ACCOUNT = '111122223333';
const SONNET = 'anthropic.claude-sonnet-4-20250514-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';
const fm = (region: string, model: string) => `arn:aws:bedrock:${region}::foundation-model/${model}`;
const profileArn = (region: string, id: string, account = ACCOUNT) => `arn:aws:bedrock:${region}:${account}:inference-profile/${id}`;

function generate(targets: [region: string, model: string, extra?: Partial<PolicyTarget>][], options: Partial<PolicyOptions> = {}) {
  return leastPrivilegePolicy(
    targets.map(([region, model, extra]) => ({ region, ref: parseModelRef(model), ...extra })),
    { stream: false, account: ACCOUNT, doctor: false, ...options },
  );
}

/** What a Converse call touches, written out by hand from AWS's documentation (not from the code under test). */
function needed(region: string, model: string, destinations: string[] = []): Request[] {
  const ref = parseModelRef(model);
  if (ref.kind === 'base') return [{ action: 'bedrock:InvokeModel', resource: fm(region, model), context: { 'aws:RequestedRegion': region } }];
  if (ref.kind !== 'profile') throw new Error('test covers base models and profile ids');
  const profile = profileArn(region, ref.profileId);
  const via = (resource: string, requested: string): Request => ({
    action: 'bedrock:InvokeModel',
    resource,
    context: { 'aws:RequestedRegion': requested, 'bedrock:InferenceProfileArn': profile },
  });
  const calls: Request[] = [{ action: 'bedrock:InvokeModel', resource: profile, context: { 'aws:RequestedRegion': region } }];
  if (ref.prefix === 'global') return [...calls, via(fm(region, ref.baseId), region), via(`arn:aws:bedrock:::foundation-model/${ref.baseId}`, 'unspecified')];
  return [...calls, ...destinations.map((d) => via(fm(d, ref.baseId), d))];
}

const stream = (requests: Request[]) => requests.map((r) => ({ ...r, action: 'bedrock:InvokeModelWithResponseStream' }));

/** Real Bedrock actions beyond the two a call needs: control plane (mutating and read-only) and other runtime actions. */
const OTHER_BEDROCK_ACTIONS = [
  'bedrock:CreateModelCustomizationJob', 'bedrock:DeleteCustomModel', 'bedrock:CreateInferenceProfile', 'bedrock:DeleteInferenceProfile',
  'bedrock:CreateProvisionedModelThroughput', 'bedrock:DeleteProvisionedModelThroughput', 'bedrock:PutUseCaseForModelAccess',
  'bedrock:CreateFoundationModelAgreement', 'bedrock:DeleteFoundationModelAgreement', 'bedrock:PutModelInvocationLoggingConfiguration',
  'bedrock:TagResource', 'bedrock:UntagResource', 'bedrock:CreateGuardrail', 'bedrock:CreateModelInvocationJob', 'bedrock:CreateEvaluationJob',
  'bedrock:ApplyGuardrail', 'bedrock:CountTokens', 'bedrock:CallWithBearerToken', 'bedrock:InvokeModelWithBidirectionalStream',
  'bedrock:ListFoundationModels', 'bedrock:GetFoundationModel', 'bedrock:GetInferenceProfile', 'bedrock:ListInferenceProfiles',
  'aws-marketplace:Subscribe', 'aws-marketplace:ViewSubscriptions', 'iam:SimulatePrincipalPolicy',
];
const READ_ONLY = /^bedrock:(Get|List)\w+$/;

const US = ['us-east-1', 'us-east-2', 'us-west-2'];

/** Each case: the targets, and what every call of each needs. */
const CASES: { name: string; targets: Parameters<typeof generate>[0]; needs: Request[]; others: Request[] }[] = [
  {
    name: 'a base model in two Regions',
    targets: [['us-east-1', NOVA], ['eu-west-1', NOVA]],
    needs: [...needed('us-east-1', NOVA), ...needed('eu-west-1', NOVA)],
    others: [
      { action: 'bedrock:InvokeModel', resource: fm('us-west-2', NOVA), context: { 'aws:RequestedRegion': 'us-west-2' } },
      { action: 'bedrock:InvokeModel', resource: fm('us-east-1', 'amazon.nova-pro-v1:0'), context: { 'aws:RequestedRegion': 'us-east-1' } },
      { action: 'bedrock:InvokeModel', resource: profileArn('us-east-1', `us.${NOVA}`), context: { 'aws:RequestedRegion': 'us-east-1' } },
    ],
  },
  {
    name: 'a US profile resolved by GetInferenceProfile',
    targets: [['us-east-1', `us.${SONNET}`, { profile: { arn: profileArn('us-east-1', `us.${SONNET}`), destinations: US.map((r) => fm(r, SONNET)) } }]],
    needs: needed('us-east-1', `us.${SONNET}`, US),
    others: [
      // The model outside the profile's destinations, or called directly, or another account's profile.
      { action: 'bedrock:InvokeModel', resource: fm('us-west-1', SONNET), context: { 'aws:RequestedRegion': 'us-west-1', 'bedrock:InferenceProfileArn': profileArn('us-east-1', `us.${SONNET}`) } },
      { action: 'bedrock:InvokeModel', resource: fm('us-east-2', SONNET), context: { 'aws:RequestedRegion': 'us-east-2' } },
      { action: 'bedrock:InvokeModel', resource: profileArn('us-east-1', `us.${SONNET}`, '999988887777'), context: { 'aws:RequestedRegion': 'us-east-1' } },
      { action: 'bedrock:InvokeModel', resource: profileArn('us-west-2', `us.${SONNET}`), context: { 'aws:RequestedRegion': 'us-west-2' } },
      { action: 'bedrock:InvokeModel', resource: fm('us-east-2', NOVA), context: { 'aws:RequestedRegion': 'us-east-2', 'bedrock:InferenceProfileArn': profileArn('us-east-1', `us.${SONNET}`) } },
    ],
  },
  {
    name: 'a US profile offline, from the documented geography',
    targets: [['us-east-2', `us.${SONNET}`]],
    needs: needed('us-east-2', `us.${SONNET}`, US),
    others: [
      { action: 'bedrock:InvokeModel', resource: fm('eu-west-1', SONNET), context: { 'aws:RequestedRegion': 'eu-west-1', 'bedrock:InferenceProfileArn': profileArn('us-east-2', `us.${SONNET}`) } },
      { action: 'bedrock:InvokeModel', resource: fm('us-east-1', SONNET), context: { 'aws:RequestedRegion': 'us-east-1' } },
    ],
  },
  {
    // AWS documents Canada (Central) as a source Region of US profiles; the model in the source Region needs an Allow too.
    name: 'a US profile offline, from Canada (Central)',
    targets: [['ca-central-1', `us.${SONNET}`]],
    needs: needed('ca-central-1', `us.${SONNET}`, ['ca-central-1', ...US]),
    others: [
      { action: 'bedrock:InvokeModel', resource: fm('ca-central-1', SONNET), context: { 'aws:RequestedRegion': 'ca-central-1' } },
      { action: 'bedrock:InvokeModel', resource: fm('us-west-1', SONNET), context: { 'aws:RequestedRegion': 'us-west-1', 'bedrock:InferenceProfileArn': profileArn('ca-central-1', `us.${SONNET}`) } },
    ],
  },
  {
    name: 'a global profile',
    targets: [['eu-west-1', `global.${SONNET}`]],
    needs: needed('eu-west-1', `global.${SONNET}`),
    others: [
      // The Region-less ARN outside "unspecified", the profile from another Region, the model in a third Region.
      { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:::foundation-model/${SONNET}`, context: { 'aws:RequestedRegion': 'eu-west-1', 'bedrock:InferenceProfileArn': profileArn('eu-west-1', `global.${SONNET}`) } },
      { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:::foundation-model/${SONNET}`, context: { 'aws:RequestedRegion': 'unspecified' } },
      { action: 'bedrock:InvokeModel', resource: profileArn('eu-west-1', `global.${SONNET}`), context: { 'aws:RequestedRegion': 'us-east-1' } },
      { action: 'bedrock:InvokeModel', resource: fm('us-east-1', SONNET), context: { 'aws:RequestedRegion': 'us-east-1', 'bedrock:InferenceProfileArn': profileArn('eu-west-1', `global.${SONNET}`) } },
    ],
  },
];

describe.each(CASES.map((c) => [c.name, c] as const))('the generated policy, evaluated by an independent IAM evaluator: %s', (_, c) => {
  const { policy, problems } = generate(c.targets);
  const streaming = generate(c.targets, { stream: true }).policy;

  it('allows every needed action on every needed ARN, in its request context', () => {
    expect(problems).toEqual([]);
    for (const request of c.needs) expect(evaluate(policy, request), JSON.stringify(request)).toBe('allowed');
    for (const request of stream(c.needs)) expect(evaluate(streaming, request), JSON.stringify(request)).toBe('allowed');
  });

  it('allows no other model, Region, account or context', () => {
    for (const request of [...c.others, ...stream(c.others)]) {
      expect(evaluate(policy, request), JSON.stringify(request)).toBe('implicitDeny');
      expect(evaluate(streaming, request), JSON.stringify(request)).toBe('implicitDeny');
    }
  });

  it('allows the streaming action only with --stream', () => {
    for (const request of stream(c.needs)) expect(evaluate(policy, request)).toBe('implicitDeny');
  });

  it('allows no other Bedrock action, no Marketplace right and no read, on any ARN', () => {
    const resources = ['*', ...c.needs.map((r) => r.resource)];
    for (const action of OTHER_BEDROCK_ACTIONS) {
      for (const resource of resources) {
        for (const context of [{}, ...c.needs.map((r) => r.context ?? {})]) {
          expect(evaluate(streaming, { action, resource, context }), `${action} on ${resource}`).toBe('implicitDeny');
        }
      }
    }
  });

  it('names no wildcard Region or account in any Bedrock resource, even behind a condition', () => {
    for (const statement of streaming.Statement) {
      for (const resource of [statement.Resource].flat()) {
        const [, , service, region, account] = resource.split(':');
        expect(service).toBe('bedrock');
        expect(region, resource).not.toContain('*');
        expect(account, resource).not.toContain('*');
      }
    }
  });
});

describe('extra statements and why the output names them', () => {
  it('--doctor adds only read-only Bedrock actions, and a note says why', () => {
    const { policy, notes } = generate([['us-east-1', NOVA]], { doctor: true, principal: `arn:aws:iam::${ACCOUNT}:role/app` });
    const allowed = OTHER_BEDROCK_ACTIONS.filter((action) => evaluate(policy, { action, resource: '*' }) === 'allowed');
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.every((a) => READ_ONLY.test(a))).toBe(true);
    expect(notes.join(' ')).toMatch(/read-only look-ups bedrock-doctor makes/);
  });

  it('--admin adds a separate, labelled statement: Marketplace through Bedrock for the named product, the agreement and the form', () => {
    const { policy, notes } = generate([['us-east-1', `us.${SONNET}`]], { admin: true, productIds: ['prod-abcdefghijkl'] });
    const subscribe = (context: Record<string, string | string[]>) => evaluate(policy, { action: 'aws-marketplace:Subscribe', resource: '*', context });
    expect(subscribe({ 'aws:CalledViaLast': 'bedrock.amazonaws.com', 'aws-marketplace:ProductId': 'prod-abcdefghijkl' })).toBe('allowed');
    expect(subscribe({ 'aws:CalledViaLast': 'bedrock.amazonaws.com', 'aws-marketplace:ProductId': 'prod-zzzzzzzzzzzz' })).toBe('implicitDeny');
    expect(subscribe({ 'aws-marketplace:ProductId': 'prod-abcdefghijkl' })).toBe('implicitDeny');
    // ViewSubscriptions carries no product id (AWS: the key is for Subscribe only): it is allowed through Bedrock without one.
    const view = (context: Record<string, string | string[]>) => evaluate(policy, { action: 'aws-marketplace:ViewSubscriptions', resource: '*', context });
    expect(view({ 'aws:CalledViaLast': 'bedrock.amazonaws.com' })).toBe('allowed');
    expect(view({})).toBe('implicitDeny');
    for (const action of ['bedrock:PutUseCaseForModelAccess', 'bedrock:CreateFoundationModelAgreement']) expect(evaluate(policy, { action, resource: '*' })).toBe('allowed');
    for (const action of ['bedrock:DeleteFoundationModelAgreement', 'bedrock:CreateModelCustomizationJob', 'aws-marketplace:Unsubscribe']) {
      expect(evaluate(policy, { action, resource: '*', context: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' } })).toBe('implicitDeny');
    }
    const admin = policy.Statement.filter((s) => s.Sid?.startsWith('AdminOneTime'));
    expect(admin).toHaveLength(3);
    expect(policy.Statement.filter((s) => !s.Sid?.startsWith('AdminOneTime')).flatMap((s) => [s.Action].flat()).every((a) => a === 'bedrock:InvokeModel')).toBe(true);
    expect(notes.join(' ')).toMatch(/administrator who enables a model once/);
  });

  it('Sids are unique, as IAM requires, across several profiles', () => {
    const { policy } = generate([['us-east-1', `us.${SONNET}`], ['us-east-1', `us.${NOVA}`], ['us-east-1', `global.${SONNET}`], ['us-east-1', NOVA]]);
    const sids = policy.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid ?? ''))).toBe(true);
  });

  it("follows AWS's documented pattern for a global profile whatever GetInferenceProfile's models[] lists", () => {
    const resolved = { arn: profileArn('us-east-1', `global.${SONNET}`), destinations: ['us-east-1', 'eu-west-1', 'ap-south-1'].map((r) => fm(r, SONNET)) };
    const { policy, notes } = generate([['us-east-1', `global.${SONNET}`, { profile: resolved }]]);
    expect(policy.Statement.flatMap((s) => [s.Resource].flat()).sort()).toEqual([`arn:aws:bedrock:::foundation-model/${SONNET}`, fm('us-east-1', SONNET), resolved.arn].sort());
    expect(notes.join(' ')).toMatch(/documented pattern for global profiles/);
  });

  it('uses the GovCloud partition in GovCloud', () => {
    const { policy } = generate([['us-gov-west-1', NOVA]]);
    expect(policy.Statement[0]!.Resource).toEqual([fm('us-gov-west-1', NOVA).replace('arn:aws:', 'arn:aws-us-gov:')]);
  });
});

describe('a policy that cannot work is not printed: the problem says why', () => {
  it.each([
    ['an EU profile from us-east-1', [['us-east-1', `eu.${SONNET}`]], /routes within Europe.*us\.anthropic.*global\.anthropic/],
    ['a model ARN from another Region', [['us-east-1', `arn:aws:bedrock:eu-west-1::foundation-model/${NOVA}`]], /is in eu-west-1, but --region is us-east-1/],
    ['a profile-only model by its base id', [['us-east-1', SONNET, { profileOnly: [`us.${SONNET}`, `global.${SONNET}`] }]], /no on-demand throughput.*us\.anthropic/],
  ] as const)('%s', (_, targets, message) => {
    const { problems } = generate(targets as unknown as Parameters<typeof generate>[0]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'input', message: expect.stringMatching(message) });
  });

  it('a profile id without the account, offline, asks for --account; an application profile offline cannot be known', () => {
    expect(generate([['us-east-1', `us.${SONNET}`]], { account: undefined }).problems[0]).toMatchObject({ kind: 'input', message: expect.stringMatching(/--account/) });
    expect(generate([['us-east-1', `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abcdef123456`]]).problems[0]).toMatchObject({ kind: 'unknown' });
  });

  it('says where an offline Region list came from', () => {
    const { notes } = generate([['eu-west-1', `eu.${SONNET}`]]);
    expect(notes.join(' ')).toMatch(/documented Regions of the geography.*not looked up/);
  });
});

import { GetContextKeysForPrincipalPolicyCommand, ListRoleTagsCommand, ListUserTagsCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIam } from '../../../src/gates/iam.js';
import { vpcEndpointId, unsuppliedKeys, callContext } from '../../../src/vocabulary/request-context.js';
import { USER_ARN, awsError, context, healthy, mocks, target, HAIKU, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

/** The context of the simulation that decided (the last one: it is made again when tags are read). */
const contextOf = () =>
  Object.fromEntries((m.iam.commandCalls(SimulatePrincipalPolicyCommand).at(-1)!.args[0].input.ContextEntries ?? []).map((e) => [e.ContextKeyName, e.ContextKeyValues]));
const VPCE_URL = 'https://vpce-0a1b2c3d4e5f67890-abcd1234.bedrock-runtime.us-east-1.vpce.amazonaws.com';

describe('the simulation gets the context the real call carries', () => {
  it('aws:SourceVpce when the runtime endpoint override is a VPC endpoint, with the principal and transport', async () => {
    await checkIam(context({}, undefined, { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: VPCE_URL }), target(HAIKU));
    expect(contextOf()).toMatchObject({
      'aws:RequestedRegion': ['us-east-1'],
      'aws:SourceVpce': ['vpce-0a1b2c3d4e5f67890'],
      'aws:PrincipalArn': [USER_ARN],
      'aws:PrincipalAccount': ['111122223333'],
      'aws:SecureTransport': ['true'],
    });
  });

  it('no aws:SourceVpce for the public endpoint: with private DNS nothing shows a VPC endpoint', async () => {
    m.iam.on(GetContextKeysForPrincipalPolicyCommand).resolves({ ContextKeyNames: ['aws:SourceVpce'] });
    const result = await checkIam(context(), target(HAIKU));
    expect(contextOf()['aws:SourceVpce']).toBeUndefined();
    expect(result).toMatchObject({ status: 'warn', cause: 'simulation-incomplete' });
    expect(result.summary).toContain('could not supply: aws:SourceVpce');
  });

  it("reads the user's tags only when the policies test aws:PrincipalTag/*, and passes them", async () => {
    await checkIam(context(), target(HAIKU));
    expect(m.iam.commandCalls(ListUserTagsCommand)).toHaveLength(0);
    m.iam.reset();
    healthy(m);
    m.iam.on(GetContextKeysForPrincipalPolicyCommand).resolves({ ContextKeyNames: ['aws:PrincipalTag/team', 'aws:RequestedRegion'] });
    m.iam.on(ListUserTagsCommand).resolves({ Tags: [{ Key: 'team', Value: 'ml' }], IsTruncated: false });
    const result = await checkIam(context(), target(HAIKU));
    expect(m.iam.commandCalls(ListUserTagsCommand)[0]!.args[0].input).toEqual({ UserName: 'dev' });
    expect(m.iam.commandCalls(ListRoleTagsCommand)).toHaveLength(0);
    expect(contextOf()['aws:PrincipalTag/team']).toEqual(['ml']);
    expect(result.status).toBe('pass');
  });

  it('tags that cannot be read are a key the simulation could not supply', async () => {
    m.iam.on(GetContextKeysForPrincipalPolicyCommand).resolves({ ContextKeyNames: ['aws:PrincipalTag/team'] });
    m.iam.on(ListUserTagsCommand).rejects(awsError('AccessDenied', 403, `User: ${USER_ARN} is not authorized to perform: iam:ListUserTags`));
    const result = await checkIam(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'warn', cause: 'simulation-incomplete' });
    expect(result.summary).toContain('aws:PrincipalTag/team');
    expect(JSON.stringify(result.evidence.details)).toContain('iam:ListUserTags: AccessDenied');
  });

  it('a denied GetContextKeysForPrincipalPolicy does not stop the simulation, and is said', async () => {
    m.iam.on(GetContextKeysForPrincipalPolicyCommand).rejects(awsError('AccessDenied', 403, 'not authorized to perform: iam:GetContextKeysForPrincipalPolicy'));
    const result = await checkIam(context(), target(HAIKU));
    expect(result.status).toBe('pass');
    expect(String((result.evidence.details as { note: string }).note)).toContain('iam:GetContextKeysForPrincipalPolicy: AccessDenied');
  });

  it('a key the direct call never carries (bedrock:InferenceProfileArn, aws:CalledVia) is not reported missing', async () => {
    m.iam.on(GetContextKeysForPrincipalPolicyCommand).resolves({ ContextKeyNames: ['bedrock:InferenceProfileArn', 'aws:CalledViaLast'] });
    expect((await checkIam(context(), target(HAIKU))).status).toBe('pass');
  });
});

describe('request-context vocabulary', () => {
  it.each([
    ['vpce-0a1b2c3d4e5f67890-abcd1234.bedrock-runtime.us-east-1.vpce.amazonaws.com', 'vpce-0a1b2c3d4e5f67890'],
    ['vpce-0a1b2c3d4e5f67890-abcd1234-us-east-1a.bedrock-runtime.us-east-1.vpce.amazonaws.com', 'vpce-0a1b2c3d4e5f67890'],
    ['vpce-12345678-abcd.bedrock.eu-west-1.vpce.amazonaws.com', 'vpce-12345678'],
    ['bedrock-runtime.us-east-1.amazonaws.com', undefined],
    ['vpce-0a1b2c3d4e5f67890-abcd1234.s3.us-east-1.vpce.amazonaws.com', undefined],
    ['127.0.0.1', undefined],
  ])('vpcEndpointId(%s) = %s', (host, id) => expect(vpcEndpointId(host)).toBe(id));

  it('compares keys case-insensitively, as IAM does', () => {
    const supplied = callContext({ requestedRegion: 'us-east-1', principalArn: USER_ARN, account: '111122223333', secureTransport: true });
    expect(unsuppliedKeys(['AWS:requestedregion', 'aws:SourceIp', 'aws:sourceip'], supplied)).toEqual(['aws:SourceIp']);
  });
});

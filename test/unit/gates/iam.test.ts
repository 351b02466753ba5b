import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIam } from '../../../src/gates/iam.js';
import { evaluate } from '../policy/iam-evaluator.js';
import { ACCOUNT, USER_ARN, apiKeyAuth, awsError, context, healthy, mocks, shortTermKey, target, HAIKU, SONNET4, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

const simulateInputs = () => m.iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);

function decide(decide: (action: string, resource: string) => object) {
  m.iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => ({
    EvaluationResults: (input.ActionNames ?? []).flatMap((action: string) =>
      (input.ResourceArns ?? []).map((resource: string) => ({ EvalActionName: action, EvalResourceName: resource, EvalDecision: 'allowed', ...decide(action, resource) })),
    ),
  }));
}

describe('iam gate', () => {
  it('simulates bedrock:InvokeModel on the exact model ARN for a user', async () => {
    const result = await checkIam(context(), target(HAIKU));
    expect(result.status).toBe('pass');
    const [input] = simulateInputs();
    expect(input).toMatchObject({ PolicySourceArn: USER_ARN, ActionNames: ['bedrock:InvokeModel'], ResourceArns: [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`] });
    expect(input!.ContextEntries).toContainEqual(expect.objectContaining({ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['us-east-1'] }));
  });

  it('adds the streaming action with --stream', async () => {
    await checkIam(context({ stream: true }), target(HAIKU));
    expect(simulateInputs()[0]!.ActionNames).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
  });

  it('resolves an SSO assumed-role session to its role ARN with the path, via iam:GetRole', async () => {
    const roleName = 'AWSReservedSSO_BedrockDev_0123456789abcdef';
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${roleName}`;
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/alice@example.com`, UserId: 'AROA:alice' });
    m.iam.on(GetRoleCommand, { RoleName: roleName }).resolves({ Role: { Arn: roleArn, RoleName: roleName, Path: '/aws-reserved/sso.amazonaws.com/', RoleId: 'AROA', CreateDate: new Date() } });
    expect((await checkIam(context(), target(HAIKU))).status).toBe('pass');
    expect(simulateInputs()[0]!.PolicySourceArn).toBe(roleArn);
  });

  it('for an inference profile simulates the profile and the model in every destination Region, one call per Region', async () => {
    await checkIam(context(), target(`us.${SONNET4}`));
    const inputs = simulateInputs();
    const resources = inputs.flatMap((i) => i.ResourceArns ?? []);
    expect(resources).toContain(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET4}`);
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) expect(resources).toContain(`arn:aws:bedrock:${region}::foundation-model/${SONNET4}`);
    const regions = inputs.map((i) => i.ContextEntries?.find((e) => e.ContextKeyName === 'aws:RequestedRegion')?.ContextKeyValues?.[0]);
    expect(new Set(regions)).toEqual(new Set(['us-east-1', 'us-east-2', 'us-west-2']));
    const viaProfile = inputs.filter((i) => i.ContextEntries?.some((e) => e.ContextKeyName === 'bedrock:InferenceProfileArn'));
    expect(viaProfile.length).toBeGreaterThanOrEqual(3);
  });

  it('simulates the global model ARN with aws:RequestedRegion "unspecified" for a global profile', async () => {
    decide((_, resource) => (resource === `arn:aws:bedrock:::foundation-model/${SONNET4}` ? { EvalDecision: 'explicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } } : {}));
    const result = await checkIam(context(), target(`global.${SONNET4}`));
    expect(result).toMatchObject({ status: 'fail', cause: 'scp-deny' });
    expect(result.summary).toContain('global model ARN');
    expect(result.fix?.text).toContain('unspecified');
    const global = simulateInputs().find((i) => i.ResourceArns?.includes(`arn:aws:bedrock:::foundation-model/${SONNET4}`));
    expect(global!.ContextEntries).toContainEqual(expect.objectContaining({ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['unspecified'] }));
  });

  it.each([
    [{ EvalDecision: 'implicitDeny' }, 'iam-implicit-deny'],
    [{ EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'DenyBedrock' }] }, 'iam-explicit-deny'],
    [{ EvalDecision: 'implicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } }, 'scp-deny'],
    [{ EvalDecision: 'implicitDeny', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } }, 'permissions-boundary'],
  ])('names the layer that denied: %j', async (decision, cause) => {
    decide(() => decision);
    const result = await checkIam(context(), target(HAIKU));
    expect(result).toMatchObject({ gate: 'iam', status: 'fail', cause });
    expect(result.fix?.actor).toBe('administrator');
  });

  it('on an explicit deny, offers no Allow and a simulation command with the caller and the denied ARN filled in', async () => {
    decide(() => ({ EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'DenyBedrock' }] }));
    const result = await checkIam(context(), target(HAIKU));
    expect(result.fix?.policy).toBeUndefined();
    expect(result.fix?.commands).toEqual([
      `aws iam simulate-principal-policy --policy-source-arn ${USER_ARN} --action-names bedrock:InvokeModel --resource-arns arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
    ]);
  });

  it('gives a least-privilege statement with the exact missing ARNs on an implicit deny', async () => {
    decide((_, resource) => (resource.includes('us-west-2') ? { EvalDecision: 'implicitDeny' } : {}));
    const result = await checkIam(context(), target(`us.${SONNET4}`));
    const profile = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET4}`;
    expect(result.fix?.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ModelsThroughProfile',
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel'],
          Resource: [`arn:aws:bedrock:us-west-2::foundation-model/${SONNET4}`],
          Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profile } },
        },
      ],
    });
    // The Allow lifts the denial through the profile, and only through it.
    const missing = { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:us-west-2::foundation-model/${SONNET4}` };
    const policy = result.fix!.policy as Parameters<typeof evaluate>[0];
    expect(evaluate(policy, { ...missing, context: { 'aws:RequestedRegion': 'us-west-2', 'bedrock:InferenceProfileArn': profile } })).toBe('allowed');
    expect(evaluate(policy, { ...missing, context: { 'aws:RequestedRegion': 'us-west-2' } })).toBe('implicitDeny');
  });

  it('for a global profile, the printed Allow for the Region-less model ARN carries aws:RequestedRegion "unspecified" and the profile', async () => {
    decide((_, resource) => (resource.startsWith('arn:aws:bedrock:::') ? { EvalDecision: 'implicitDeny' } : {}));
    const result = await checkIam(context(), target(`global.${SONNET4}`));
    expect((result.fix?.policy as { Statement: unknown[] }).Statement).toEqual([
      expect.objectContaining({
        Resource: [`arn:aws:bedrock:::foundation-model/${SONNET4}`],
        Condition: { StringEquals: { 'aws:RequestedRegion': 'unspecified', 'bedrock:InferenceProfileArn': `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET4}` } },
      }),
    ]);
  });

  it('warns, naming the permission, when the caller may not simulate', async () => {
    m.iam.on(SimulatePrincipalPolicyCommand).rejects(awsError('AccessDenied', 403, `User: ${USER_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${USER_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`));
    const result = await checkIam(context(), target(HAIKU));
    expect(result).toMatchObject({ status: 'warn', cause: 'cannot-simulate' });
    expect(result.summary).toContain('iam:SimulatePrincipalPolicy');
  });

  it('warns when it may not resolve the role path', async () => {
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/session`, UserId: 'x' });
    m.iam.on(GetRoleCommand).rejects(awsError('AccessDenied', 403, `User: arn:aws:sts::${ACCOUNT}:assumed-role/app/session is not authorized to perform: iam:GetRole on resource: role app because no identity-based policy allows the iam:GetRole action`));
    expect(await checkIam(context(), target(HAIKU))).toMatchObject({ status: 'warn', cause: 'cannot-resolve-role' });
  });

  it('warns about the root user instead of simulating', async () => {
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, UserId: ACCOUNT });
    expect(await checkIam(context(), target(HAIKU))).toMatchObject({ status: 'warn', cause: 'root-identity' });
    expect(simulateInputs()).toHaveLength(0);
  });

  it('skips in API-key mode', async () => {
    const result = await checkIam(context({}, apiKeyAuth(shortTermKey('us-east-1', '20261125T070000Z'))), target(HAIKU));
    expect(result).toMatchObject({ status: 'skip', cause: 'api-key-mode' });
  });

  it('warns when the simulation needs context keys it could not supply', async () => {
    decide(() => ({ MissingContextValues: ['aws:SourceVpce'] }));
    expect(await checkIam(context(), target(HAIKU))).toMatchObject({ status: 'warn', cause: 'simulation-incomplete' });
  });
});

describe('iam gate with an empty simulation', () => {
  it('is inconclusive rather than a pass when the simulator decides nothing', async () => {
    const m2 = healthy(mocks());
    m2.iam.on(SimulatePrincipalPolicyCommand).resolves({ IsTruncated: false });
    expect(await checkIam(context(), target(HAIKU))).toMatchObject({ status: 'inconclusive', cause: 'simulation-empty' });
    Object.values(m2).forEach((mock) => mock.restore());
  });
});

/**
 * Every printed fix right for today's Bedrock: one table row per defect a review found, each
 * asserting on the printed summary, fix and policy.
 */
import { describe, expect, it } from 'vitest';
import { describeCause } from '../../../src/causes/index.js';
import { classify } from '../../../src/diagnosis/index.js';
import { leastPrivilegePolicy } from '../../../src/policy/least-privilege.js';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';

const USER = 'arn:aws:sts::111122223333:assumed-role/app/session';
const HAIKU_ARN = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const denial = (action: string, resource: string, reason: string) => `AccessDeniedException: User: ${USER} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;

describe('no policy with an action IAM does not have', () => {
  it.each([
    ['bedrock:Converse', 'bedrock:InvokeModel'],
    ['bedrock:ConverseStream', 'bedrock:InvokeModelWithResponseStream'],
    ['bedrock-runtime:InvokeModel', 'bedrock:InvokeModel'],
    ['bedrock-runtime:Converse', 'bedrock:InvokeModel'],
  ])('%s is granted as %s, and the summary says why', (named, real) => {
    const d = classify(denial(named, HAIKU_ARN, `because no identity-based policy allows the ${named} action`));
    expect(d.cause).toBe('iam-implicit-deny');
    const policy = JSON.stringify(d.fix.policy);
    expect(policy).toContain(real);
    expect(policy).not.toMatch(/bedrock:Converse|bedrock-runtime:/);
    expect(d.summary).toContain(`authorized as ${real}`);
  });

  it('a denial without its resource gets no policy, and its summary names no resource', () => {
    const d = classify(denial('bedrock:InvokeModel', '', 'because no identity-based policy allows the bedrock:InvokeModel action').replace(' on resource: ', ''));
    expect(d.fix.policy).toBeUndefined();
    expect(d.summary).not.toMatch(/undefined| on /);
  });

  it("another service's action gets no policy even where the catalog would offer one", () => {
    const { fix } = describeCause('iam-implicit-deny', { denial: { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' } });
    expect(fix!.policy).toBeUndefined();
  });
});

describe('no Allow against an explicit deny', () => {
  it('CallWithBearerToken denied by an SCP: SigV4 or the Organizations administrator, no policy', () => {
    const d = classify(denial('bedrock:CallWithBearerToken', '*', 'with an explicit deny in a service control policy'));
    expect(d.cause).toBe('bearer-token-denied');
    expect(d.fix.policy).toBeUndefined();
    expect(d.summary).toMatch(/explicit deny in a service control policy .*no Allow can override it/);
    expect(d.fix.text).toMatch(/SigV4/);
    expect(d.fix.text).toMatch(/Organizations administrator changes the SCP/);
    expect(d.fix.text).not.toMatch(/allow bedrock:CallWithBearerToken/i);
  });

  it('CallWithBearerToken with no Allow: a missing Allow, with the Allow', () => {
    const d = classify(denial('bedrock:CallWithBearerToken', '*', 'because no identity-based policy allows the bedrock:CallWithBearerToken action'));
    expect(d.summary).toMatch(/a missing Allow, not a policy that denies it/);
    expect(d.fix.actor).toBe('administrator');
    expect(JSON.stringify(d.fix.policy)).toContain('"Action":"bedrock:CallWithBearerToken"');
  });

  it.each([
    ['a permissions boundary', 'permissions-boundary', /Deny statement in the permissions boundary/],
    ['a session policy', 'session-policy-deny', /Deny in the session policy/],
    ['an identity-based policy', 'iam-explicit-deny', /Deny statement/],
    ['a service control policy', 'scp-deny', /SCP/],
  ])('an explicit deny in %s: %s, no Allow', (where, cause, fix) => {
    const d = classify(denial('bedrock:InvokeModel', HAIKU_ARN, `with an explicit deny in ${where}`));
    expect(d.cause).toBe(cause);
    expect(d.fix.policy).toBeUndefined();
    expect(d.fix.text).toMatch(fix);
    expect(d.summary).not.toMatch(/needs an Allow/);
  });

  it('an explicit deny in a VPC endpoint policy: remove the Deny, no Allow', () => {
    const d = classify(denial('bedrock:InvokeModel', HAIKU_ARN, 'with an explicit deny in a VPC endpoint policy'));
    expect(d.cause).toBe('vpce-policy-deny');
    expect(d.fix.text).toMatch(/removes or narrows the Deny statement/);
    expect(d.fix.policy).toBeUndefined();
  });

  it('an explicit deny in a resource-based policy is named as such', () => {
    const d = classify(denial('bedrock:InvokeModel', HAIKU_ARN, 'with an explicit deny in a resource-based policy'));
    expect(d.summary).toMatch(/an explicit deny in a resource-based policy\.$/);
  });

  it('an SCP denial of an account-level read speaks of any resource, not a model ARN', () => {
    const d = classify(denial('bedrock:ListFoundationModels', '*', 'with an explicit deny in a service control policy'));
    expect(d.summary).toMatch(/on any resource \("\*"\)/);
    expect(d.summary).not.toMatch(/model ARN/);
  });

  it('Marketplace actions denied explicitly: no Subscribe Allow', () => {
    const d = classify('AccessDeniedException: Model access is denied due to arn:aws:iam::111122223333:user/dev is not authorized to perform: aws-marketplace:Subscribe on resource: * with an explicit deny in a service control policy');
    expect(d.cause).toBe('marketplace-permissions-missing');
    expect(d.fix.policy).toBeUndefined();
    expect(d.fix.text).toMatch(/cannot override the Deny/);
    expect(d.fix.text).toMatch(/exempts one designated principal/);
  });
});

describe('words that fit the case', () => {
  it('a base model denial speaks of no inference profile or destination Region, and points at identity-policy examples', () => {
    const d = classify(denial('bedrock:InvokeModel', HAIKU_ARN, 'because no identity-based policy allows the bedrock:InvokeModel action'));
    expect(d.summary).not.toMatch(/inference profile|destination Region/);
    expect(d.fix.docs).toMatch(/security_iam_id-based-policy-examples/);
  });

  it('a destination-Region model denial through a profile says so, and points at the cross-Region page', () => {
    // As Claude Code prints it: the profile id it called, then the denial of a destination Region's model.
    const d = classify(`API Error (us.anthropic.claude-sonnet-4-20250514-v1:0): 403 ${denial('bedrock:InvokeModel', 'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0', 'because no identity-based policy allows the bedrock:InvokeModel action')}`);
    expect(d.summary).toMatch(/destination Region/);
    expect(d.fix.docs).toMatch(/inference-profiles-prereq/);
  });

  it('model access is automatic since October 2025: no "older accounts", no "another Region"', () => {
    const d = classify("AccessDeniedException: You don't have access to the model with the specified model ID.");
    expect(d.cause).toBe('model-access-not-granted');
    expect(`${d.summary} ${d.fix.text}`).not.toMatch(/older accounts|different Region|another Region/);
    expect(d.summary).toMatch(/automatic since October 2025/);
    expect(d.fix.text).toMatch(/payment method/);
    expect(d.fix.text).toMatch(/GovCloud/);
  });

  it('inference-profile-required suggests no profile id it has not seen listed', () => {
    const d = classify('ValidationException: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.');
    expect(d.fix.text).not.toMatch(/e\.g\. us\./);
    expect(d.fix.commands!.join(' ')).toContain("contains(inferenceProfileId, 'anthropic.claude-sonnet-4-20250514-v1:0')");
  });
});

describe('the smaller fixes', () => {
  it('throttling speaks of tokens per minute and names the quota', () => {
    const d = classify('ThrottlingException: Too many tokens, please wait before trying again.');
    expect(d.cause).toBe('throttled');
    expect(d.fix.text).toMatch(/"On-demand InvokeModel tokens per minute for <model>"/);
    expect(`${d.summary} ${d.fix.text}`).not.toMatch(/requests[- ]per[- ]minute/i);
    expect(d.fix.commands![0]).toMatch(/^aws service-quotas list-service-quotas --service-code bedrock/);
  });

  it('clock skew: Linux, macOS and WSL commands, hwclock only for WSL', () => {
    const { fix } = describeCause('clock-skew');
    const commands = fix!.commands!.join('\n');
    expect(commands).toMatch(/timedatectl set-ntp true\s+# Linux/);
    expect(commands).toMatch(/sntp -sS time\.apple\.com\s+# macOS/);
    expect(commands).toMatch(/hwclock -s\s+# WSL2/);
  });

  it.each(['invalid-credentials', 'access-denied-no-message'] as const)('%s lists the variables by name, never their secret values', (cause) => {
    const listing = describeCause(cause).fix!.commands!.filter((c) => c.startsWith('env |'));
    expect(listing.length).toBeGreaterThan(0);
    for (const command of listing) expect(command).toMatch(/\| cut -d= -f1$/);
  });

  it('an explicit identity-policy deny gets the simulation command for the real action, with the IAM principal and ARN it names', () => {
    const d = classify(denial('bedrock:Converse', HAIKU_ARN, 'with an explicit deny in an identity-based policy').replace(USER, 'arn:aws:iam::111122223333:user/dev'));
    expect(d.fix.commands).toEqual([`aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/dev --action-names bedrock:InvokeModel --resource-arns ${HAIKU_ARN}`]);
    // An STS session is not something the simulator takes: the placeholder stays.
    expect(classify(denial('bedrock:InvokeModel', HAIKU_ARN, 'with an explicit deny in an identity-based policy')).fix.commands![0]).toContain('--policy-source-arn <role-or-user-arn>');
  });

  it('instance metadata: no advice to set AWS_EC2_METADATA_DISABLED=true, which causes the message', () => {
    const { fix } = describeCause('imds-unavailable');
    expect(`${fix!.text} ${fix!.commands!.join(' ')}`).not.toMatch(/AWS_EC2_METADATA_DISABLED=true/);
  });

  it('a Cognito guest: the managed session policy cannot be edited, and what can be done', () => {
    const d = classify(denial('bedrock:InvokeModel', HAIKU_ARN, 'because no session policy allows the bedrock:InvokeModel action').replace(USER, 'arn:aws:sts::111122223333:assumed-role/Cognito_poolUnauth_Role/CognitoIdentityCredentials'));
    expect(d.summary).toMatch(/cannot be edited/);
    expect(d.fix.text).toMatch(/authenticated identities/);
    expect(d.fix.text).toMatch(/basic \(classic\) flow/);
    expect(d.fix.policy).toBeUndefined();
  });

  it('the Anthropic form: the six fields, the Region placeholder, base64 without wraps', () => {
    const { fix } = describeCause('anthropic-use-case-missing', { region: 'eu-central-1' });
    expect(fix!.commands![0]).toMatch(/"otherIndustryOption":""/);
    expect(fix!.commands![0]).toMatch(/base64 \| tr -d/);
    expect(fix!.commands![1]).toBe('aws bedrock put-use-case-for-model-access --region eu-central-1 --form-data "$FORM"');
  });

  it.each([
    ['arn:aws:iam::111122223333:user/dev', ['iam:SimulatePrincipalPolicy', 'iam:GetContextKeysForPrincipalPolicy', 'iam:ListUserTags']],
    ['arn:aws:iam::111122223333:role/app', ['iam:SimulatePrincipalPolicy', 'iam:GetContextKeysForPrincipalPolicy', 'iam:GetRole', 'iam:ListRoleTags']],
  ])('policy --doctor --principal %s scopes the simulation to it (GetRole and role tags only for a role)', (principal, actions) => {
    const { policy } = leastPrivilegePolicy([{ region: 'us-east-1', ref: parseModelRef('amazon.nova-lite-v1:0') }], { stream: false, account: '111122223333', doctor: true, principal });
    expect(policy.Statement.find((s) => s.Sid === 'BedrockDoctorSimulateSelf')).toMatchObject({ Action: actions, Resource: [principal] });
  });
});

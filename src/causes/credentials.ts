/** Credentials: the SDK finds valid credentials (or a Bedrock API key) for the intended account. */

import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const CREDENTIAL_CAUSES = causes({
  'bearer-token-empty': {
    gate: 'credentials',
    status: 'fail',
    summary: 'AWS_BEARER_TOKEN_BEDROCK is set but empty: the SDK then uses bearer auth for Bedrock with no key, and every call fails.',
    fix: {
      text: 'Put a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK, or unset it so the SDK signs with your AWS credentials (SigV4).',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeys,
    },
  },
  'api-key-bad-format': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'The bearer token sent to Bedrock is not a Bedrock API key (e.g. an access key pair or another provider\'s key was passed as AWS_BEARER_TOKEN_BEDROCK).',
    fix: {
      text: 'Put a Bedrock API key (it starts with "bedrock-api-key-" or "ABSK") in AWS_BEARER_TOKEN_BEDROCK, or unset the variable to sign with your AWS credentials (SigV4) instead.',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK', 'aws sts get-caller-identity'],
      docs: DOCS.apiKeys,
    },
  },
  'api-key-invalid': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'Bedrock rejected the API key (bearer token): it is invalid, expired, revoked, or a short-term key used outside the Region it was generated in.',
    fix: {
      text: 'Generate a new Bedrock API key in the Region you call (short-term keys work only there and for at most 12 hours) and export it as AWS_BEARER_TOKEN_BEDROCK, or unset it to use SigV4 credentials.',
      actor: 'caller',
      commands: ['export AWS_BEARER_TOKEN_BEDROCK=<new-key>', 'unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeys,
    },
  },
  'malformed-authorization': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'The request reached AWS without a valid SigV4 Authorization header: the client sent another kind of auth header (or none).',
    fix: {
      text: 'Let the AWS SDK sign the request with your credentials (check the tool\'s auth mode: SigV4 vs API key vs an Anthropic/OpenAI key), and make sure nothing rewrites the Authorization header (proxy, gateway).',
      actor: 'caller',
      commands: ['aws sts get-caller-identity'],
      docs: DOCS.sigv4,
    },
  },
  'sso-no-access': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'IAM Identity Center refused role credentials (ForbiddenException "No access"): the SSO session does not (yet) include this account and permission set.',
    fix: {
      text: 'Check the profile\'s sso_account_id and sso_role_name; if the permission set was assigned recently, sign out of the access portal and log in again.',
      actor: 'caller',
      commands: ['aws sso logout', 'aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
  },
  'assume-role-denied': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'The identity could not assume the role: the role\'s trust policy (or the caller\'s sts:AssumeRole permission) does not allow it.',
    fix: {
      text: 'An administrator checks the role\'s trust policy (principal, and for OIDC the aud/sub conditions, which are case-sensitive) and that the source identity may call sts:AssumeRole on it.',
      actor: 'administrator',
      commands: ['aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument'],
      docs: DOCS.assumeRole,
    },
  },
  'sso-misconfigured': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The profile\'s IAM Identity Center (SSO) configuration is incomplete: the sso-session section or a required setting is missing.',
    fix: {
      text: 'Run aws configure sso for the profile (or fix its sso_session / sso_start_url / sso_region settings), then log in.',
      actor: 'caller',
      commands: ['aws configure sso --profile <profile>', 'aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
  },
  'sso-expired': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The IAM Identity Center (SSO) or `aws login` session has expired or is invalid, so no AWS credentials can be issued.',
    fix: {
      text: 'Log in again with the profile the tool uses (check AWS_PROFILE); tools that read the SSO token cache need a fresh login too.',
      actor: 'caller',
      commands: ['aws sso login --profile <profile>'],
      docs: DOCS.sso,
    },
    specialise: (p) => (p.viaLogin ? { fix: { commands: ['aws login --profile <profile>'], docs: DOCS.awsLogin } } : {}),
  },
  'expired-credentials': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The temporary AWS credentials (session token) have expired.',
    fix: {
      text: 'Refresh the session: log in again (aws sso login), re-assume the role, or export fresh AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; long-running processes must use a refreshing credential provider.',
      actor: 'caller',
      commands: ['aws sso login --profile <profile>', 'aws sts get-caller-identity'],
      docs: DOCS.tempCredentials,
    },
  },
  'invalid-credentials': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'AWS does not recognise the credentials: the access key is wrong, deleted or rotated, or static keys were mixed with a stray session token, or another profile than intended was used.',
    fix: {
      text: 'Check which credentials the tool really uses: a stale AWS_SESSION_TOKEN left in the environment (e.g. in Lambda or after a role session) with different keys, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY that shadow (or are shadowed by) AWS_PROFILE, or a rotated key in ~/.aws/credentials.',
      actor: 'caller',
      // Names only: the values include the secret key and session token.
      commands: ['aws sts get-caller-identity', 'env | grep ^AWS_ | cut -d= -f1', 'aws configure list'],
      docs: DOCS.accessKeys,
    },
  },
  'clock-skew': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The request signature is outside AWS\'s time window: this machine\'s clock is wrong (common after sleep in WSL2 or virtual machines).',
    fix: {
      text: 'Synchronise the system clock with network time, then retry: on Linux enable NTP (timedatectl), on macOS sync with sntp, and in WSL2 after the host slept reset the clock from the hardware clock (hwclock -s, WSL only).',
      actor: 'caller',
      commands: ['date -u', 'sudo timedatectl set-ntp true   # Linux', 'sudo sntp -sS time.apple.com   # macOS', 'sudo hwclock -s   # WSL2, after the host slept'],
      docs: DOCS.sigv4,
    },
  },
  'signature-mismatch': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The request signature does not match: the secret access key does not belong to the access key id (or a proxy altered the request).',
    fix: {
      text: 'Re-enter the secret access key (watch for copied whitespace), make sure AWS_SECRET_ACCESS_KEY pairs with AWS_ACCESS_KEY_ID, and check that no proxy rewrites signed headers.',
      actor: 'caller',
      commands: ['aws configure', 'aws sts get-caller-identity'],
      docs: DOCS.sigv4,
    },
  },
  'imds-unavailable': {
    gate: 'credentials',
    status: 'fail',
    summary:
      'No credentials were found in the environment or profile, so the SDK fell back to the EC2/ECS instance metadata service, which is unreachable or has no role.',
    fix: {
      text: 'Off EC2/ECS there is no instance metadata: give the SDK credentials it finds earlier (aws configure, aws configure sso and aws sso login, or AWS_PROFILE naming a profile that exists). On EC2, attach an instance role (containers need an IMDSv2 hop limit of 2), and unset AWS_EC2_METADATA_DISABLED if it is set there.',
      actor: 'caller',
      commands: ['aws configure list', 'aws sso login --profile <profile>', 'aws sts get-caller-identity'],
      docs: DOCS.imds,
    },
  },
  'profile-not-found': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The named AWS profile does not exist in ~/.aws/config or ~/.aws/credentials.',
    fix: {
      text: 'Fix AWS_PROFILE (or --profile) to a profile that exists, or create it.',
      actor: 'caller',
      commands: ['aws configure list-profiles', 'aws configure --profile <profile>'],
      docs: DOCS.credentials,
    },
  },
  'no-credentials': {
    gate: 'credentials',
    status: 'fail',
    summary: 'No AWS credentials were found: no environment keys, no usable profile, no SSO session, no instance role.',
    fix: {
      text: 'Configure credentials the SDK can find: aws configure (access keys), aws configure sso + aws sso login (Identity Center), or export AWS_PROFILE for an existing profile. If you meant to use a Bedrock API key, set AWS_BEARER_TOKEN_BEDROCK and use a client that supports it.',
      actor: 'caller',
      commands: ['aws configure', 'aws sso login --profile <profile>', 'export AWS_PROFILE=<profile>', 'aws sts get-caller-identity'],
      docs: DOCS.credentials,
    },
  },
  'access-denied-no-message': {
    gate: 'credentials',
    status: 'inconclusive',
    summary:
      'AccessDeniedException with no message: Bedrock answers this way when the bearer token is not a Bedrock API key (a placeholder or another provider\'s key sent instead of SigV4 signing).',
    fix: {
      text: 'Check how the client authenticates: unset AWS_BEARER_TOKEN_BEDROCK (or the tool\'s API-key setting) to sign with your AWS profile, or set a valid Bedrock API key.',
      actor: 'caller',
      // Names only: the bearer token is a secret.
      commands: ['env | grep -E "^AWS_(BEARER_TOKEN_BEDROCK|PROFILE)=" | cut -d= -f1', CHECK],
      docs: DOCS.apiKeys,
    },
  },
  'unauthenticated': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The request was not authenticated (401): credentials are missing or invalid.',
    fix: {
      text: 'Check the credentials the client uses (profile, SSO login, API key).',
      actor: 'caller',
      commands: ['aws sts get-caller-identity', CHECK],
      docs: DOCS.credentials,
    },
  },

  // Found by the credentials gate itself, not in an error text.
  'api-key-expired': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The short-term Bedrock API key has expired.',
    fix: {
      text: 'Generate a new short-term key (they last at most 12 hours, or the session that made them).',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK   # to use your AWS credentials (SigV4) instead'],
      docs: DOCS.apiKeys,
    },
  },
  'api-key-wrong-region': {
    gate: 'credentials',
    status: 'fail',
    summary: 'The short-term Bedrock API key was made in another Region; short-term keys work only in the Region they were made in.',
    fix: {
      text: 'Generate a key in the Region you call, or check the Region the key was made in instead.',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK   # to use your AWS credentials (SigV4) instead'],
      docs: DOCS.apiKeys,
    },
  },
  'account-unverified': {
    gate: 'credentials',
    status: 'inconclusive',
    summary: 'Cannot verify the account: Bedrock calls use an API key, and there is no SigV4 identity for STS to name.',
    fix: {
      text: 'Provide SigV4 credentials for the same account beside the key (STS cannot read an API key), or drop --expect-account.',
      actor: 'caller',
      docs: DOCS.apiKeys,
    },
  },
  'wrong-account': {
    gate: 'credentials',
    status: 'fail',
    summary: 'These credentials belong to another account than the expected one.',
    fix: {
      text: 'Select the profile or credentials for the intended account (AWS_PROFILE or --profile), and check that no stray AWS_ACCESS_KEY_ID/AWS_SESSION_TOKEN overrides it.',
      actor: 'caller',
      commands: ['aws sts get-caller-identity', 'aws configure list'],
      docs: DOCS.credentials,
    },
  },
  'identity-mismatch': {
    gate: 'credentials',
    status: 'warn',
    summary: 'Bedrock calls use the API key in AWS_BEARER_TOKEN_BEDROCK, not the SigV4 identity: the SDK prefers the key whenever the variable is set.',
    fix: {
      text: 'That is fine if intended. To call Bedrock as this identity instead, unset AWS_BEARER_TOKEN_BEDROCK.',
      actor: 'caller',
      commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
      docs: DOCS.apiKeys,
    },
  },
  'multiple-credential-sources': {
    gate: 'credentials',
    status: 'warn',
    summary: 'Both a profile and the access keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set: the JS SDK uses the profile, while other tools may use the keys.',
    fix: {
      text: 'Set only one source: unset the access-key variables to use the profile, or unset AWS_PROFILE (and drop --profile) to use the keys.',
      actor: 'caller',
      commands: ['unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN', 'aws configure list'],
      docs: DOCS.credentials,
    },
  },
  'credential-source-timeout': {
    gate: 'credentials',
    status: 'inconclusive',
    summary: 'The credential source did not answer in time (a credential_process, an SSO login, or instance metadata off EC2).',
    fix: {
      text: 'Check the source your profile uses: run its credential_process by hand, run `aws sso login`, or off EC2 set AWS_EC2_METADATA_DISABLED=true.',
      actor: 'caller',
      commands: ['aws configure list', 'aws sts get-caller-identity'],
      docs: DOCS.credentials,
    },
  },
});

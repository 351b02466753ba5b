import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentials } from '../../../src/gates/credentials.js';
import type { AuthSetup } from '../../../src/aws/credentials.js';
import { ACCOUNT, USER_ARN, apiKeyAuth, awsError, context, healthy, mocks, shortTermKey, target, HAIKU, type Mocks } from './harness.js';

let m: Mocks;
beforeEach(() => (m = healthy(mocks())));
afterEach(() => Object.values(m).forEach((mock) => mock.restore()));

describe('credentials gate', () => {
  it('passes with the account, caller ARN and credential source', async () => {
    const result = await checkCredentials(context(), target(HAIKU));
    expect(result.status).toBe('pass');
    expect(result.summary).toContain(ACCOUNT);
    expect(result.summary).toContain(USER_ARN);
    expect(result.evidence.details).toMatchObject({ credentialSource: 'env' });
  });

  it('fails on an account mismatch with --expect-account', async () => {
    const result = await checkCredentials(context({ expectAccount: '999988887777' }), target(HAIKU));
    expect(result).toMatchObject({ status: 'fail', cause: 'wrong-account' });
    expect(result.summary).toContain('999988887777');
  });

  it.each([
    ['ExpiredToken', 403, 'The security token included in the request is expired', 'expired-credentials'],
    ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.', 'invalid-credentials'],
    ['SignatureDoesNotMatch', 403, 'Signature expired: 20261125T010000Z is now earlier than 20261125T012000Z (20261125T012500Z - 5 min.)', 'clock-skew'],
  ])('fails with its own cause on %s', async (name, status, message, cause) => {
    m.sts.on(GetCallerIdentityCommand).rejects(awsError(name, status, message));
    const result = await checkCredentials(context(), target(HAIKU));
    expect(result).toMatchObject({ gate: 'credentials', status: 'fail', cause });
    expect(result.fix?.text).toBeTruthy();
  });

  it('does not pass on an STS answer without an account (an HTML page read as empty XML)', async () => {
    m.sts.on(GetCallerIdentityCommand).resolves({});
    const result = await checkCredentials(context(), target(HAIKU));
    expect(result.status).toBe('skip');
    expect(result.blockedBy).toMatchObject({ gate: 'network', cause: 'garbage-response' });
  });

  it.each([
    ['CredentialsProviderError', 'Could not load credentials from any providers', 'no-credentials'],
    ['CredentialsProviderError', 'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.', 'sso-expired'],
    ['TokenProviderError', "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.", 'sso-expired'],
  ])('tells a provider-chain failure apart: %s %s', async (name, message, cause) => {
    const auth: AuthSetup = { mode: 'sigv4', apiKey: null, provider: async () => { throw Object.assign(new Error(message), { name }); } };
    const result = await checkCredentials(context({}, auth), target(HAIKU));
    expect(result).toMatchObject({ status: 'fail', cause });
    expect(m.sts.calls()).toHaveLength(0);
  });

  describe('with a Bedrock API key', () => {
    const now = '20261125T070000Z';
    it('passes a fresh key for the target Region without a SigV4 identity', async () => {
      const result = await checkCredentials(context({}, apiKeyAuth(shortTermKey('us-east-1', now))), target(HAIKU));
      expect(result.status).toBe('pass');
      expect(result.summary).toContain('API key');
    });
    it('fails an expired short-term key', async () => {
      const result = await checkCredentials(context({}, apiKeyAuth(shortTermKey('us-east-1', '20261120T070000Z'))), target(HAIKU));
      expect(result).toMatchObject({ status: 'fail', cause: 'api-key-expired' });
    });
    it('fails a short-term key from another Region', async () => {
      const result = await checkCredentials(context({}, apiKeyAuth(shortTermKey('eu-west-1', now))), target(HAIKU));
      expect(result).toMatchObject({ status: 'fail', cause: 'api-key-wrong-region' });
    });
    it('fails a key that is not a Bedrock key, and an empty one', async () => {
      expect(await checkCredentials(context({}, apiKeyAuth('sk-ant-api03-xyz')), target(HAIKU))).toMatchObject({ cause: 'api-key-bad-format' });
      expect(await checkCredentials(context({}, apiKeyAuth('')), target(HAIKU))).toMatchObject({ cause: 'bearer-token-empty' });
    });
    it('warns that Bedrock uses the key, not the SigV4 identity, when both exist', async () => {
      const auth = { ...apiKeyAuth(shortTermKey('us-east-1', now)), provider: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }) };
      const result = await checkCredentials(context({}, auth), target(HAIKU));
      expect(result).toMatchObject({ status: 'warn', cause: 'identity-mismatch' });
    });
    it('never echoes the key', async () => {
      const key = shortTermKey('eu-west-1', now);
      const result = await checkCredentials(context({}, apiKeyAuth(key)), target(HAIKU));
      expect(JSON.stringify(result)).not.toContain(key.slice(20, 60));
      expect(JSON.stringify(result)).not.toContain('ab'.repeat(32));
    });
  });
});

import type { ApiKeyInfo } from '../vocabulary/api-key.js';
import type { Evidence } from '../types.js';
import type { GateCheck, GateOutcome, PlannedTarget } from './shared/context.js';
import { fromFailure, outcome, pass } from './shared/finding.js';

const API_KEY_DOCS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html';

/** Checks a Bedrock API key from what it says about itself (never printing it). */
function checkApiKey(key: ApiKeyInfo, target: PlannedTarget, now: Date): GateOutcome | null {
  const regenerate = {
    actor: 'caller' as const,
    docs: API_KEY_DOCS,
    commands: ['unset AWS_BEARER_TOKEN_BEDROCK   # to use your AWS credentials (SigV4) instead'],
  };
  switch (key.kind) {
    case 'empty':
      return outcome('credentials', 'fail', 'bearer-token-empty',
        'AWS_BEARER_TOKEN_BEDROCK is set but empty: the SDK then signs Bedrock calls with an empty API key, and they fail.',
        { ...regenerate, text: 'Set AWS_BEARER_TOKEN_BEDROCK to a valid Bedrock API key, or unset it.' });
    case 'unknown-format':
    case 'short-term-unreadable':
      return outcome('credentials', 'fail', 'api-key-bad-format',
        'AWS_BEARER_TOKEN_BEDROCK does not hold a Bedrock API key (they start with "bedrock-api-key-" or "ABSK").',
        { ...regenerate, text: 'Generate a Bedrock API key in the Bedrock console (API keys) and export it; another provider\'s key does not work here.' });
    case 'short-term': {
      if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
        return outcome('credentials', 'fail', 'api-key-expired',
          `The short-term Bedrock API key expired at ${key.expiresAt.toISOString()}.`,
          { ...regenerate, text: 'Generate a new short-term key (they last at most 12 hours, or the session that made them).' });
      }
      if (key.region && key.region !== target.region) {
        return outcome('credentials', 'fail', 'api-key-wrong-region',
          `The short-term Bedrock API key was made in ${key.region}; short-term keys work only in that Region, not ${target.region}.`,
          { ...regenerate, text: `Generate a key in ${target.region}, or check ${key.region} instead.` });
      }
      return null;
    }
    case 'long-term':
      return null;
  }
}

/**
 * credentials: the SDK finds valid credentials for the intended account (STS
 * GetCallerIdentity), or a usable Bedrock API key. Reports which source in the SDK's chain
 * supplied them.
 */
export const checkCredentials: GateCheck = async (ctx, target) => {
  const apiKey = ctx.auth.mode === 'api-key' ? ctx.auth.apiKey : null;
  if (apiKey) {
    const keyProblem = checkApiKey(apiKey, target, ctx.now());
    if (keyProblem) return keyProblem;
  }
  const identity = await ctx.lookups.identity();
  const keyEvidence: Evidence['details'] = apiKey
    ? { authMode: 'api-key', apiKeyKind: apiKey.kind, ...(apiKey.kind === 'short-term' ? { apiKeyRegion: apiKey.region, apiKeyExpiresAt: apiKey.expiresAt?.toISOString() } : {}) }
    : { authMode: 'sigv4' };

  if (!identity.ok) {
    if (apiKey) {
      if (ctx.options.expectAccount) {
        return outcome('credentials', 'inconclusive', 'account-unverified',
          `Cannot verify the account is ${ctx.options.expectAccount}: Bedrock calls use an API key, and there is no SigV4 identity for STS to name.`,
          { text: 'Provide SigV4 credentials for the same account beside the key (STS cannot read an API key), or drop --expect-account.', actor: 'caller', docs: API_KEY_DOCS },
          { ...identity.evidence, details: keyEvidence });
      }
      // STS needs SigV4; Bedrock calls use the key, so a missing SigV4 identity blocks nothing.
      return pass('credentials',
        `Bedrock calls use the API key in AWS_BEARER_TOKEN_BEDROCK (${apiKey.kind}); no SigV4 identity to look up (${identity.diagnosis.summary}).`,
        { ...identity.evidence, details: keyEvidence });
    }
    return fromFailure('credentials', identity, 'sts:GetCallerIdentity');
  }

  const { account, arn, credentialSource } = identity.value;
  const evidence: Evidence = { ...identity.evidence, details: { ...keyEvidence, account, arn, credentialSource } };
  const expected = ctx.options.expectAccount;
  if (expected && expected !== account) {
    return outcome('credentials', 'fail', 'wrong-account',
      `These credentials belong to account ${account}, not the expected ${expected} (${arn}, from ${credentialSource}).`,
      {
        text: 'Select the profile or credentials for the intended account (AWS_PROFILE or --profile), and check that no stray AWS_ACCESS_KEY_ID/AWS_SESSION_TOKEN overrides it.',
        actor: 'caller',
        commands: ['aws sts get-caller-identity', 'aws configure list'],
        docs: 'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html',
      },
      evidence);
  }
  if (apiKey) {
    return outcome('credentials', 'warn', 'identity-mismatch',
      `Bedrock calls use the API key in AWS_BEARER_TOKEN_BEDROCK, not ${arn}: the SDK prefers the key whenever the variable is set. IAM results describe ${arn}, not the key's owner.`,
      {
        text: 'That is fine if intended. To call Bedrock as this identity instead, unset AWS_BEARER_TOKEN_BEDROCK.',
        actor: 'caller',
        commands: ['unset AWS_BEARER_TOKEN_BEDROCK'],
        docs: API_KEY_DOCS,
      },
      evidence);
  }
  return pass('credentials', `Account ${account} as ${arn} (credentials from ${credentialSource}).`, evidence);
};

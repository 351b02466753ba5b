import type { ApiKeyInfo } from '../vocabulary/api-key.js';
import type { Evidence } from '../types.js';
import type { GateCheck, GateOutcome, PlannedTarget } from './shared/context.js';
import { finding, fromFailure, pass } from './shared/finding.js';

/** Checks a Bedrock API key from what it says about itself (never printing it). */
async function checkApiKey(key: ApiKeyInfo, target: PlannedTarget, now: Date): Promise<GateOutcome | null> {
  switch (key.kind) {
    case 'empty':
      return finding('credentials', 'bearer-token-empty');
    case 'unknown-format':
    case 'short-term-unreadable':
      return finding('credentials', 'api-key-bad-format', {
        summary: 'AWS_BEARER_TOKEN_BEDROCK does not hold a Bedrock API key (they start with "bedrock-api-key-" or "ABSK").',
      });
    case 'short-term': {
      if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
        return finding('credentials', 'api-key-expired', { summary: `The short-term Bedrock API key expired at ${key.expiresAt.toISOString()}.` });
      }
      if (key.region && key.region !== target.region) {
        return finding('credentials', 'api-key-wrong-region', {
          summary: `The short-term Bedrock API key was made in ${key.region}; short-term keys work only in that Region, not ${target.region}.`,
          fix: { text: `Generate a key in ${target.region}, or check ${key.region} instead.` },
        });
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
    const keyProblem = await checkApiKey(apiKey, target, ctx.now());
    if (keyProblem) return keyProblem;
  }
  const identity = await ctx.lookups.identity();
  const keyEvidence: Evidence['details'] = apiKey
    ? { authMode: 'api-key', apiKeyKind: apiKey.kind, ...(apiKey.kind === 'short-term' ? { apiKeyRegion: apiKey.region, apiKeyExpiresAt: apiKey.expiresAt?.toISOString() } : {}) }
    : { authMode: 'sigv4' };

  if (!identity.ok) {
    if (apiKey) {
      if (ctx.options.expectAccount) {
        return finding('credentials', 'account-unverified', {
          summary: `Cannot verify the account is ${ctx.options.expectAccount}: Bedrock calls use an API key, and there is no SigV4 identity for STS to name.`,
          evidence: { ...identity.evidence, details: keyEvidence },
        });
      }
      // STS needs SigV4; Bedrock calls use the key, so a missing SigV4 identity blocks nothing.
      return pass('credentials',
        `Bedrock calls use the API key in AWS_BEARER_TOKEN_BEDROCK (${apiKey.kind}); no SigV4 identity to look up (${identity.diagnosis.summary}).`,
        { ...identity.evidence, details: keyEvidence });
    }
    return fromFailure('credentials', identity);
  }

  const { account, arn, credentialSource } = identity.value;
  const evidence: Evidence = { ...identity.evidence, details: { ...keyEvidence, account, arn, credentialSource } };
  const expected = ctx.options.expectAccount;
  if (expected && expected !== account) {
    return finding('credentials', 'wrong-account', {
      summary: `These credentials belong to account ${account}, not the expected ${expected} (${arn}, from ${credentialSource}).`,
      evidence,
    });
  }
  if (apiKey) {
    return finding('credentials', 'identity-mismatch', {
      summary: `Bedrock calls use the API key in AWS_BEARER_TOKEN_BEDROCK, not ${arn}: the SDK prefers the key whenever the variable is set. IAM results describe ${arn}, not the key's owner.`,
      evidence,
    });
  }
  const both = ctx.auth.profile && ctx.env.AWS_ACCESS_KEY_ID && ctx.env.AWS_SECRET_ACCESS_KEY ? ctx.auth.profile : null;
  if (both) return multipleSources(both, `Account ${account} as ${arn}`, evidence);
  return pass('credentials', `Account ${account} as ${arn} (credentials from ${credentialSource}).`, evidence);
};

/**
 * A profile and environment keys at once: the SDK picks the profile (and would warn on the
 * console); the AWS CLI and boto3 pick the keys when the profile comes from AWS_PROFILE only.
 */
async function multipleSources(profile: { name: string; from: '--profile' | 'AWS_PROFILE' }, who: string, evidence: Evidence): Promise<GateOutcome> {
  const others = profile.from === '--profile' ? 'as the AWS CLI and boto3 do with --profile' : 'but the AWS CLI and boto3 use the keys when the profile is set only by AWS_PROFILE';
  return finding('credentials', 'multiple-credential-sources', {
    summary: `${who}: two credential sources are set, the profile ${profile.name} (${profile.from}) and the keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. The profile wins here and in the JS SDK, ${others}.`,
    evidence,
  });
}

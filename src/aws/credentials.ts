import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { inspectApiKey, type ApiKeyInfo, type AuthMode } from '../vocabulary/api-key.js';

export interface AuthSetup {
  mode: AuthMode;
  /** Present in api-key mode: what the key says about itself (never the key). */
  apiKey: ApiKeyInfo | null;
  /** The SDK's default chain, memoized: one resolution serves every client and Region. */
  provider: AwsCredentialIdentityProvider;
  /** The profile the chain was told to use, and where that came from. */
  profile?: { name: string; from: '--profile' | 'AWS_PROFILE' } | null;
}

/**
 * The SDK's chain prints its own warnings (e.g. "Multiple credential sources detected") with
 * console.warn unless given a logger; the credentials gate reports them itself, so they stay quiet.
 * (The chain treats a logger named NoOpLogger as absent: this one has its own name.)
 */
class QuietChainLogger {
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
}

/**
 * The SDK picks bearer auth for Bedrock whenever AWS_BEARER_TOKEN_BEDROCK is present in the
 * environment, even empty; STS and IAM keep SigV4. Mirror that decision so the report says
 * which identity Bedrock really sees.
 */
export function setUpAuth(env: NodeJS.ProcessEnv, profile: string | undefined): AuthSetup {
  const token = env.AWS_BEARER_TOKEN_BEDROCK;
  const chain = fromNodeProviderChain({ ...(profile ? { profile } : {}), logger: new QuietChainLogger() });
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const provider: AwsCredentialIdentityProvider = (options) => {
    pending ??= chain(options).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return {
    mode: token === undefined ? 'sigv4' : 'api-key',
    apiKey: token === undefined ? null : inspectApiKey(token),
    provider,
    profile: profile ? { name: profile, from: '--profile' } : env.AWS_PROFILE ? { name: env.AWS_PROFILE, from: 'AWS_PROFILE' } : null,
  };
}

/** The SDK tags credentials with the features that produced them (`$source`). */
const SOURCE_BY_FEATURE: [string, string][] = [
  ['CREDENTIALS_CODE', 'code'],
  ['CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN', 'web-identity'],
  ['CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN', 'web-identity'],
  ['CREDENTIALS_STS_ASSUME_ROLE_WEB_ID', 'web-identity'],
  ['CREDENTIALS_PROFILE_SSO', 'sso'],
  ['CREDENTIALS_PROFILE_SSO_LEGACY', 'sso'],
  ['CREDENTIALS_SSO', 'sso'],
  ['CREDENTIALS_SSO_LEGACY', 'sso'],
  ['CREDENTIALS_PROFILE_PROCESS', 'credential_process'],
  ['CREDENTIALS_PROCESS', 'credential_process'],
  ['CREDENTIALS_PROFILE_LOGIN', 'aws-login'],
  ['CREDENTIALS_LOGIN', 'aws-login'],
  ['CREDENTIALS_PROFILE_SOURCE_PROFILE', 'assume-role'],
  ['CREDENTIALS_STS_ASSUME_ROLE', 'assume-role'],
  ['CREDENTIALS_HTTP', 'container'],
  ['CREDENTIALS_IMDS', 'instance-metadata'],
  ['CREDENTIALS_ENV_VARS', 'env'],
  ['CREDENTIALS_PROFILE', 'shared-file'],
];

/** Which source in the SDK's chain supplied the credentials, in the user's words. */
export function credentialSource(credentials: AwsCredentialIdentity): string {
  const features = (credentials as { $source?: Record<string, unknown> }).$source ?? {};
  for (const [feature, source] of SOURCE_BY_FEATURE) if (feature in features) return source;
  return 'unknown';
}

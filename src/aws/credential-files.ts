import { readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { sharedFilePaths } from './profiles.js';

/** Keys of the shared config and credentials files whose values are secrets. */
const SECRET_KEY = /^(aws_secret_access_key|aws_session_token|aws_security_token)$|secret|password/i;
/** Fields of an SSO (IAM Identity Center) token cache file that are secrets. */
const SSO_CACHE_SECRETS = ['accessToken', 'refreshToken', 'clientSecret'] as const;
/** Bounds, so a huge or crowded cache cannot slow the run down. */
const MAX_CACHE_FILES = 200;
const MAX_CACHE_FILE_BYTES = 1_000_000;

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

/**
 * Every secret in the user's credential files: the shared credentials and config files (every
 * profile, not only the one in use) and the SSO token cache. Read so that a secret that never
 * passed through the environment is scrubbed too. Unreadable files hold no secrets; never throws.
 */
export async function credentialFileSecrets(env: NodeJS.ProcessEnv): Promise<string[]> {
  const home = homeOf(env);
  const secrets: string[] = [];
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({
      ...sharedFilePaths(env),
      ignoreCache: true,
    });
    for (const section of [...Object.values(configFile), ...Object.values(credentialsFile)]) {
      for (const [key, value] of Object.entries(section ?? {})) if (SECRET_KEY.test(key) && typeof value === 'string') secrets.push(value);
    }
  } catch {
    // No readable files: nothing to learn.
  }
  const cache = join(home, '.aws', 'sso', 'cache');
  const files = await readdir(cache).catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('.json')).slice(0, MAX_CACHE_FILES)) {
    try {
      const text = await readFile(join(cache, file), 'utf8');
      if (text.length > MAX_CACHE_FILE_BYTES) continue;
      const token = JSON.parse(text) as Record<string, unknown>;
      for (const field of SSO_CACHE_SECRETS) if (typeof token[field] === 'string') secrets.push(token[field]);
    } catch {
      // Not a token file.
    }
  }
  return secrets;
}

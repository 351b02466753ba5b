import { homedir } from 'node:os';
import { join } from 'node:path';
import { nearestName } from '../vocabulary/nearest-name.js';

/** Where the SDK looks for ~/.aws/config and ~/.aws/credentials, read from the given environment. */
export function sharedFilePaths(env: NodeJS.ProcessEnv): { configFilepath: string; filepath: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    configFilepath: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    filepath: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

/** The profiles of both shared files, as the SDK reads them (the ini loader is part of the SDK, so loaded on use). */
export async function sharedProfiles(env: NodeJS.ProcessEnv): Promise<{ configFile: Record<string, Record<string, string | undefined>>; credentialsFile: Record<string, Record<string, string | undefined>> }> {
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
  return loadSharedConfigFiles(sharedFilePaths(env));
}

/**
 * The AWS CLI's own words for a profile that is in neither file, with the nearest name when
 * one is close (a typo); null when the profile exists or the files cannot be read (the SDK then decides).
 */
export async function missingProfile(profile: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  let names: string[];
  try {
    const { configFile, credentialsFile } = await sharedProfiles(env);
    names = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])];
  } catch {
    return null;
  }
  if (names.includes(profile)) return null;
  const nearest = nearestName(profile, names);
  const hint = nearest ? `; did you mean ${nearest}?` : names.length ? ` (profiles: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''})` : ' (no profiles are configured)';
  return `The config profile (${profile.slice(0, 60)}) could not be found${hint}`;
}

/**
 * The one place client configuration files are read from disk: the readers themselves are
 * pure. `~` is the home directory of the given environment; other relative paths are relative
 * to the working directory (a project's `.claude/settings.json`, `opencode.json`).
 */

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { sharedFilePaths } from '../aws/profiles.js';
import { readClient, type ClientReading, type ClientSpec } from './index.js';

/** Big enough for any settings file; a bigger one is not a client's configuration. */
const MAX_BYTES = 1_000_000;

function expandPath(path: string, env: NodeJS.ProcessEnv, cwd: string): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  if (path === '~' || path.startsWith('~/')) return join(home, path.slice(1));
  return isAbsolute(path) ? path : resolve(cwd, path);
}

async function readText(file: string): Promise<string | null> {
  try {
    const text = await readFile(file, 'utf8');
    return text.length > MAX_BYTES ? null : text;
  } catch {
    return null;
  }
}

/** Profiles of ~/.aws/config and ~/.aws/credentials with their Region, as the SDK's own loader reads them. */
export async function awsProfiles(env: NodeJS.ProcessEnv): Promise<Record<string, { region?: string }>> {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ...sharedFilePaths(env), ignoreCache: true });
    const out: Record<string, { region?: string }> = {};
    for (const [name, section] of [...Object.entries(credentialsFile), ...Object.entries(configFile)]) {
      out[name] = { ...out[name], ...(section.region ? { region: section.region } : {}) };
    }
    return out;
  } catch {
    return {};
  }
}

/** Reads the files a client asks for and hands them to its reader. */
export async function loadClient(spec: ClientSpec, env: NodeJS.ProcessEnv, options: { path?: string; cwd?: string } = {}): Promise<ClientReading> {
  const cwd = options.cwd ?? process.cwd();
  const paths = spec.files(env, options.path);
  const files: Record<string, string | null> = {};
  await Promise.all(paths.map(async (p) => (files[p] = await readText(expandPath(p, env, cwd)))));
  return readClient(spec, { files, env, awsProfiles: await awsProfiles(env), ...(options.path ? { path: options.path } : {}) });
}

/**
 * The settings a repository keeps for `check`: `--config FILE`, else `bedrock-doctor.config.json`
 * in the working directory, else the "bedrock-doctor" key of its package.json. Flags override
 * the file. Any mistake is one line naming the file, the line and column, and the key.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { FailOnStatus } from '../pipeline/result.js';

const CONFIG_FILE_NAME = 'bedrock-doctor.config.json';
const PACKAGE_JSON_KEY = 'bedrock-doctor';

/** What a config file may hold: the keys of schema/config.schema.json. */
export interface CheckConfig {
  regions?: string[];
  models?: string[];
  timeout?: number;
  stream?: boolean;
  strict?: boolean;
  failOn?: FailOnStatus[];
  expectAccount?: string;
  allowSubscribe?: boolean;
  invoke?: boolean;
}

export interface LoadedConfig {
  /** The file the settings came from, as the report names it; null when there is none. */
  file: string | null;
  config: CheckConfig;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether a package.json has the doctor's key at its top level (or, broken, may have it). */
function mentionsKey(text: string): boolean {
  if (!text.includes(`"${PACKAGE_JSON_KEY}"`)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && Object.hasOwn(value, PACKAGE_JSON_KEY);
  } catch {
    return true;
  }
}

/** Finds and reads the config: `explicit` (--config) must exist; the default files may not. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  try {
    if (explicit !== undefined) {
      const text = await readText(resolve(cwd, explicit));
      if (text === null) throw new UsageError(`--config ${explicit}: no such file`);
      return { file: explicit, config: (await import('./config-settings.js')).fileSettings(explicit, text) };
    }
    const text = await readText(join(cwd, CONFIG_FILE_NAME));
    if (text !== null) return { file: CONFIG_FILE_NAME, config: (await import('./config-settings.js')).fileSettings(CONFIG_FILE_NAME, text) };
    const pkg = await readText(join(cwd, 'package.json'));
    // A package.json without the key (a bin or dependency of that name is not one) is another
    // tool's business, even broken; only one that has it is read with positions for its errors.
    if (pkg === null || !mentionsKey(pkg)) return { file: null, config: {} };
    const settings = (await import('./config-settings.js')).packageJsonSettings(pkg, PACKAGE_JSON_KEY);
    return settings ? { file: 'package.json', config: settings } : { file: null, config: {} };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`cannot read the config file ${explicit ?? ''}: ${code ?? message}`.replace('  ', ' '));
  }
}

/**
 * The settings a repository keeps for `check`: `--config FILE`, else `bedrock-doctor.config.json`
 * in the working directory, else the "bedrock-doctor" key of its package.json. Flags override
 * the file. Any mistake is one line naming the file, the line and column, and the key.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { UsageError } from '../errors.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import type { FailOnStatus } from '../pipeline/result.js';
import { parseModelRef } from '../vocabulary/model-id.js';
import { regionProblem } from '../vocabulary/regions.js';

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

type Reader = (node: Node, at: (node: Node, message: string) => UsageError) => unknown;

const strings = (check?: (value: string) => string | null): Reader => (node, at) => {
  const items = node.type === 'string' ? [node] : node.type === 'array' ? (node.children ?? []) : null;
  if (!items) throw at(node, 'must be a string or a list of strings');
  return items.map((item) => {
    if (item.type !== 'string') throw at(item, 'must be a string');
    const problem = check?.(item.value as string);
    if (problem) throw at(item, problem);
    return item.value as string;
  });
};
const boolean: Reader = (node, at) => {
  if (node.type !== 'boolean') throw at(node, 'must be true or false');
  return node.value as boolean;
};
/** The message of what `parse` throws, without the flag it names (the key is named instead). */
const problemOf = (parse: (value: string) => unknown) => (value: string): string | null => {
  try {
    parse(value);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^(--model|failOn) /, '');
  }
};

/** Each key and how its value is read; the schema in schema/config.schema.json says the same. */
const KEYS: Record<keyof CheckConfig | '$schema', Reader> = {
  $schema: (node, at) => {
    if (node.type !== 'string') throw at(node, 'must be a string');
    return node.value;
  },
  regions: strings(regionProblem),
  models: strings(problemOf(parseModelRef)),
  timeout: (node, at) => {
    if (node.type !== 'number' || !((node.value as number) > 0)) throw at(node, 'must be a number of seconds above 0');
    return node.value;
  },
  stream: boolean,
  strict: boolean,
  failOn: (node, at) => {
    const words = strings(problemOf((word) => parseFailOn(word, 'failOn')))(node, at) as string[];
    return parseFailOn(words, 'failOn');
  },
  expectAccount: (node, at) => {
    if (node.type !== 'string' || !/^\d{12}$/.test(node.value as string)) throw at(node, 'must be a 12-digit AWS account id, as a string');
    return node.value;
  },
  allowSubscribe: boolean,
  invoke: boolean,
};
export const CONFIG_KEYS = Object.keys(KEYS).filter((k) => k !== '$schema') as Array<keyof CheckConfig>;

/** `file:line:column`, 1-based, as editors and compilers print a position. */
function position(file: string, text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** "CommaExpected" → "comma expected". */
const words = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Reads the settings object (the whole file, or the package.json key). */
function readSettings(file: string, text: string, root: Node): CheckConfig {
  const at = (node: Node, message: string) => new UsageError(`${position(file, text, node.offset)}: ${message}`);
  if (root.type !== 'object') throw at(root, 'the settings must be a JSON object');
  const config: Record<string, unknown> = {};
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = keyNode?.value as string;
    const read = Object.hasOwn(KEYS, key) ? KEYS[key as keyof typeof KEYS] : undefined;
    if (!read) throw at(keyNode!, `unknown key "${key.slice(0, 40)}" (did you mean "${closest(key, CONFIG_KEYS)}"?)`);
    if (valueNode) config[key] = read(valueNode, (node, message) => at(node, `"${key}" ${message}`));
  }
  delete config.$schema;
  return config as CheckConfig;
}

function parse(file: string, text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) throw new UsageError(`${position(file, text, first?.offset ?? 0)}: not valid JSON (${first ? words(printParseErrorCode(first.error)) : 'empty file'})`);
  return root;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Finds and reads the config: `explicit` (--config) must exist; the default files may not. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  try {
    if (explicit !== undefined) {
      const text = await readText(resolve(cwd, explicit));
      if (text === null) throw new UsageError(`--config ${explicit}: no such file`);
      return { file: explicit, config: readSettings(explicit, text, parse(explicit, text)) };
    }
    const text = await readText(join(cwd, CONFIG_FILE_NAME));
    if (text !== null) return { file: CONFIG_FILE_NAME, config: readSettings(CONFIG_FILE_NAME, text, parse(CONFIG_FILE_NAME, text)) };
    const pkg = await readText(join(cwd, 'package.json'));
    // A package.json that does not mention the doctor is another tool's business, even broken.
    if (pkg === null || !pkg.includes(`"${PACKAGE_JSON_KEY}"`)) return { file: null, config: {} };
    const settings = findNodeAtLocation(parse('package.json', pkg), [PACKAGE_JSON_KEY]);
    if (!settings) return { file: null, config: {} };
    return { file: 'package.json', config: readSettings('package.json', pkg, settings) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`cannot read the config file ${explicit ?? ''}: ${code ?? message}`.replace('  ', ' '));
  }
}

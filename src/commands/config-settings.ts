/**
 * Reads a config file's settings (see config-file.ts): parsed with jsonc-parser for positions,
 * each key checked. Loaded only when a config file is found, so a plain check never parses it.
 */
import { closest } from 'fastest-levenshtein';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { UsageError } from '../errors.js';
import { parseFailOn } from '../pipeline/fail-on.js';
import { parseModelRef } from '../vocabulary/model-id.js';
import { regionProblem } from '../vocabulary/regions.js';
import type { CheckConfig } from './config-file.js';

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

/** The settings under `key` in a package.json, or null when it has none. */
export function packageJsonSettings(text: string, key: string): CheckConfig | null {
  const settings = findNodeAtLocation(parse('package.json', text), [key]);
  return settings ? readSettings('package.json', text, settings) : null;
}

/** A whole config file's settings. */
export function fileSettings(file: string, text: string): CheckConfig {
  return readSettings(file, text, parse(file, text));
}

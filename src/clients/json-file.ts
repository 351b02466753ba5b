/** Reading a client's JSON or JSONC settings file without ever failing the run on a bad one. */

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYamlText } from 'yaml';
import type { FileRead } from './types.js';

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

/** JSON with comments and trailing commas (Zed, opencode, Claude Code are all read this way: a superset of JSON). */
export function parseJsonc(text: string): Parsed {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) return { ok: false, problem: `not valid JSON (${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset})` };
  return isObject(value) ? { ok: true, value } : { ok: false, problem: 'not a JSON object' };
}

export function parseYaml(text: string): Parsed {
  try {
    const value: unknown = parseYamlText(text);
    if (value === null || value === undefined) return { ok: true, value: {} };
    return isObject(value) ? { ok: true, value } : { ok: false, problem: 'not a YAML mapping' };
  } catch (error) {
    return { ok: false, problem: `not valid YAML (${String((error as Error).message).split('\n')[0]})` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Parses each present file; records absent and unparseable ones for the report. */
export function readAll(paths: string[], files: Record<string, string | null>, parser: (text: string) => Parsed): { reads: FileRead[]; parsed: Map<string, Record<string, unknown>> } {
  const reads: FileRead[] = [];
  const parsed = new Map<string, Record<string, unknown>>();
  for (const path of paths) {
    const text = files[path];
    if (text === null || text === undefined) {
      reads.push({ path, found: false });
      continue;
    }
    const result = parser(text);
    if (result.ok) {
      parsed.set(path, result.value);
      reads.push({ path, found: true });
    } else {
      reads.push({ path, found: true, problem: result.problem });
    }
  }
  return { reads, parsed };
}

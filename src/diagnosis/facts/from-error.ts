import { clip, extractFromText } from './from-text.js';
import { pickHost } from './host.js';
import { knownName, NODE_CODE_SHAPE, WRAPPER_NAMES } from './known-names.js';
import { MAX_SCAN, normaliseText } from './normalise.js';
import { num, safeGet, safeJson, safeString, str } from './safe.js';
import type { ErrorFacts, ExtractedFacts } from './types.js';

// ---------------------------------------------------------------- error objects

const MAX_DEPTH = 5;
const MAX_CHILDREN = 10;

interface Collected {
  parts: string[];
  names: string[];
  statuses: number[];
  codes: string[];
  hosts: string[];
  requestIds: string[];
  messages: string[];
  operations: string[];
}

function collect(err: unknown, c: Collected, seen: Set<unknown>, depth: number): void {
  if (depth > MAX_DEPTH || err === null || err === undefined) return;
  if (typeof err !== 'object' && typeof err !== 'function') {
    const s = safeString(err);
    if (s) c.parts.push(s);
    return;
  }
  if (seen.has(err)) return;
  seen.add(err);

  const name = str(safeGet(err, 'name')) ?? str(safeGet(err, '__type')) ?? str(safeGet(err, 'Code'));
  const message = str(safeGet(err, 'message')) ?? str(safeGet(err, 'Message'));
  const code = safeGet(err, 'code');
  if (name) c.names.push(name.replace(/^.*[#]/, ''));
  if (typeof code === 'string') {
    if (NODE_CODE_SHAPE.test(code)) c.codes.push(code);
    else if (/^[A-Za-z]\w{1,80}$/.test(code)) c.names.push(code);
  }
  if (message) c.messages.push(message);
  c.parts.push([name, typeof code === 'string' ? code : undefined, message].filter(Boolean).join(': '));

  const metadata = safeGet(err, '$metadata');
  const response = safeGet(err, '$response');
  for (const s of [
    safeGet(metadata, 'httpStatusCode'),
    safeGet(response, 'statusCode'),
    safeGet(err, 'statusCode'),
    safeGet(err, 'status'),
    safeGet(err, 'httpStatusCode'),
    safeGet(safeGet(err, 'response'), 'status'),
  ]) {
    const n = num(s);
    if (n !== undefined) c.statuses.push(n);
  }
  for (const h of [safeGet(err, 'hostname'), safeGet(err, 'host')]) {
    const hs = str(h);
    if (hs && /^[a-z0-9.-]{3,253}$/i.test(hs)) c.hosts.push(hs.toLowerCase());
  }
  for (const r of [safeGet(metadata, 'requestId'), safeGet(err, 'requestId'), safeGet(err, 'RequestId')]) {
    const rs = str(r);
    if (rs) c.requestIds.push(rs);
  }
  const op = str(safeGet(err, 'operation'));
  if (op) c.operations.push(op);
  const body = safeGet(response, 'body');
  if (typeof body === 'string') c.parts.push(body.slice(0, 4096));
  const nested = safeGet(err, 'error');
  if (nested && typeof nested === 'object') collect(nested, c, seen, depth + 1);

  collect(safeGet(err, 'cause'), c, seen, depth + 1);
  const errors = safeGet(err, 'errors');
  if (Array.isArray(errors)) {
    for (const e of errors.slice(0, MAX_CHILDREN)) collect(e, c, seen, depth + 1);
  }
}

function isErrorLike(v: unknown): boolean {
  try {
    return v instanceof Error;
  } catch {
    return false;
  }
}

/** Facts from an SDK exception, a Node system error, a plain object or a string. Never throws. */
export function factsFromError(err: unknown): ErrorFacts {
  return extractFromError(err).facts;
}

export function extractFromError(err: unknown): ExtractedFacts {
  try {
    if (typeof err === 'string') return extractFromText(err);
    if (err === null || err === undefined) return extractFromText('');
    if (typeof err !== 'object' && typeof err !== 'function') return extractFromText(safeString(err));
    if (ArrayBuffer.isView(err)) {
      const view = new Uint8Array(err.buffer, err.byteOffset, Math.min(err.byteLength, MAX_SCAN));
      return extractFromText(new TextDecoder('utf-8', { fatal: false }).decode(view));
    }

    const c: Collected = {
      parts: [],
      names: [],
      statuses: [],
      codes: [],
      hosts: [],
      requestIds: [],
      messages: [],
      operations: [],
    };
    collect(err, c, new Set(), 0);
    // Plain objects (parsed JSON bodies, SDK dumps) may hold the facts in other fields.
    if (!isErrorLike(err)) c.parts.push(safeJson(err));
    else {
      const own = safeJson(err);
      if (own !== '{}') c.parts.push(own);
    }
    const composed = c.parts.filter(Boolean).join('\n');
    const fromText = extractFromText(composed);
    const facts: ErrorFacts = { ...fromText.facts };

    const known = c.names.map(knownName).find((n): n is string => n !== undefined);
    const primary = c.names[0];
    if (known) facts.name = known;
    else if (!facts.name && primary && !WRAPPER_NAMES.has(primary.toLowerCase())) facts.name = primary;

    const message = c.messages.find((m) => m.trim().length > 0);
    if (message !== undefined) facts.message = clip(normaliseText(message));
    else if (c.names.length > 0 && composed.trim() === c.names.join(': ')) facts.message = '';
    if (c.statuses[0] !== undefined) facts.httpStatus = c.statuses[0];
    if (c.codes[0] !== undefined) facts.code = c.codes[0];
    const host = pickHost([...c.hosts, ...(facts.host ? [facts.host] : [])]);
    if (host) facts.host = host;
    if (c.requestIds[0]) facts.requestId = c.requestIds[0];
    if (c.operations[0]) facts.operation = c.operations[0];
    return { facts, text: fromText.text };
  } catch {
    return { facts: { message: '' }, text: '' };
  }
}

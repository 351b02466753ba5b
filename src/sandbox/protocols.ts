/**
 * Wire formats of the two AWS protocols the emulator speaks:
 * - awsQuery (STS, IAM): form-urlencoded requests, XML responses and `<ErrorResponse>` errors;
 * - restJson1 (Bedrock, Bedrock Runtime): JSON bodies, errors as HTTP status +
 *   `x-amzn-errortype` header + `{"message": ...}` body.
 */
import { randomUUID } from 'node:crypto';

export type Protocol = 'query' | 'json';

/** What the writers need of a response: node:http's ServerResponse or node:http2's compat one. */
export interface HttpResponse {
  readonly headersSent: boolean;
  writeHead(statusCode: number, headers: Record<string, string>): unknown;
  end(body: Buffer): unknown;
}

/** An AWS error as the service would send it. */
export interface AwsErrorSpec {
  code: string;
  status: number;
  message: string;
}

const QUERY_NAMESPACES: Record<string, { xmlns: string; version: string }> = {
  sts: { xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/', version: '2011-06-15' },
  iam: { xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/', version: '2010-05-08' },
};

export function queryVersion(service: string): string {
  return QUERY_NAMESPACES[service]?.version ?? '2010-05-08';
}

export function newRequestId(): string {
  return randomUUID();
}

// ---------------------------------------------------------------- awsQuery

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Serialises a value the way awsQuery services do: objects become child elements,
 * arrays become `<member>` lists, booleans `true`/`false`, Dates ISO 8601.
 * `undefined` and `null` members are left out.
 */
function toQueryXml(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (Array.isArray(value)) {
    return value
      .map((item) => `\n${indent}<member>${toQueryXml(item, indent + '  ')}${isScalar(item) ? '' : `\n${indent}`}</member>`)
      .join('');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) =>
        isEmpty(v)
          ? `\n${indent}<${k}/>`
          : `\n${indent}<${k}>${toQueryXml(v, indent + '  ')}${isScalar(v) ? '' : `\n${indent}`}</${k}>`,
      )
      .join('');
  }
  return escapeXml(String(value));
}

function isEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v !== 'object' || v === null || v instanceof Date) return false;
  return Object.values(v).every((x) => x === undefined || x === null);
}

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || v instanceof Date || typeof v !== 'object';
}

function queryResultXml(service: string, operation: string, result: unknown, requestId: string): string {
  const ns = QUERY_NAMESPACES[service]?.xmlns ?? QUERY_NAMESPACES.iam!.xmlns;
  const inner = toQueryXml(result, '    ');
  return (
    `<${operation}Response xmlns="${ns}">\n` +
    `  <${operation}Result>${inner}\n  </${operation}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${operation}Response>\n`
  );
}

function queryErrorXml(service: string, error: AwsErrorSpec, requestId: string): string {
  const ns = QUERY_NAMESPACES[service]?.xmlns ?? QUERY_NAMESPACES.iam!.xmlns;
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<ErrorResponse xmlns="${ns}">\n` +
    `  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`
  );
}

export function writeQueryResult(
  res: HttpResponse,
  service: string,
  operation: string,
  result: unknown,
  requestId: string,
): void {
  send(res, 200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, queryResultXml(service, operation, result, requestId));
}

function writeQueryError(res: HttpResponse, service: string, error: AwsErrorSpec, requestId: string): void {
  send(res, error.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, queryErrorXml(service, error, requestId));
}

/**
 * Decodes an awsQuery form (`A.member.1.B=x`) into nested values: `member.N` lists become
 * arrays, other dotted segments objects. `Action` and `Version` stay as plain strings.
 */
export function decodeQueryForm(form: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(form)) {
    const parts = key.split('.');
    let node: Record<string, unknown> = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      if (last) {
        node[part] = value;
      } else {
        const next = node[part];
        if (typeof next !== 'object' || next === null) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    }
  }
  return normaliseLists(root) as Record<string, unknown>;
}

function normaliseLists(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'member' && typeof obj.member === 'object' && obj.member !== null) {
    const members = obj.member as Record<string, unknown>;
    return Object.keys(members)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => normaliseLists(members[k]));
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = normaliseLists(obj[k]);
  return out;
}

// ---------------------------------------------------------------- restJson1

export function writeJson(res: HttpResponse, status: number, body: unknown, requestId: string): void {
  const text = body === undefined ? '{}' : JSON.stringify(body);
  send(res, status, { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, text);
}

/**
 * A restJson1 error. `typeHeader: false` leaves out `x-amzn-errortype` (Bedrock's API-key
 * authentication failures come without it); `messageKey` picks `message` or `Message`.
 */
export function writeJsonError(
  res: HttpResponse,
  error: AwsErrorSpec,
  requestId: string,
  opts: { typeHeader?: boolean; messageKey?: 'message' | 'Message' } = {},
): void {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
  if (opts.typeHeader !== false) headers['x-amzn-errortype'] = error.code;
  send(res, error.status, headers, JSON.stringify({ [opts.messageKey ?? 'message']: error.message }));
}

export function writeRaw(res: HttpResponse, status: number, contentType: string, body: string, requestId: string): void {
  send(res, status, { 'content-type': contentType, 'x-amzn-requestid': requestId }, body);
}

export function writeError(
  res: HttpResponse,
  protocol: Protocol,
  service: string,
  error: AwsErrorSpec,
  requestId: string,
): void {
  if (protocol === 'query') writeQueryError(res, service, error, requestId);
  else writeJsonError(res, error, requestId);
}

function send(res: HttpResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  const bytes = Buffer.from(body, 'utf8');
  try {
    res.writeHead(status, { ...headers, 'content-length': String(bytes.length), date: new Date().toUTCString() });
    res.end(bytes);
  } catch {
    // The client went away (an aborted or timed-out call): nothing to answer.
  }
}

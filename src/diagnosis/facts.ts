/**
 * Fact extraction: turn an error object or pasted text (JS SDK v3, boto3/botocore, AWS CLI,
 * Go/Swift/Java/Rust SDK dumps, raw JSON or XML bodies, LangChain/LiteLLM/Vercel AI wrappers)
 * into the few facts the rules match on. Pure, bounded (only the first 64 KiB is scanned),
 * never throws, and every regex below has bounded quantifiers or a literal anchor, so no
 * input can make it backtrack catastrophically.
 */

export interface ErrorFacts {
  /** AWS error code / exception name, e.g. 'AccessDeniedException', 'ExpiredToken'. */
  name?: string;
  /** From $metadata.httpStatusCode, $response.statusCode, or a status in the text. */
  httpStatus?: number;
  /** The meaningful message, normalised (straight quotes, whitespace and wraps collapsed). */
  message: string;
  /** Node system error code: ENOTFOUND, ECONNRESET, CERT_*, … */
  code?: string;
  /** A hostname found in the error, preferring a Bedrock one. */
  host?: string;
  requestId?: string;
  service?: string;
  operation?: string;
}

/** Facts plus the whole normalised text the message rules are matched against. */
export interface ExtractedFacts {
  facts: ErrorFacts;
  text: string;
}

/** Only this much of any input is ever scanned. */
export const MAX_SCAN = 64 * 1024;
const MAX_MESSAGE = 2000;
const MAX_DEPTH = 5;
const MAX_CHILDREN = 10;

/**
 * AWS (and SDK-side) error names the classifier knows, canonical casing. A name from this
 * list is trusted enough to contradict a message rule; anything else is only a fact.
 */
export const KNOWN_NAMES: readonly string[] = [
  'AccessDeniedException',
  'AccessDenied',
  'ValidationException',
  'ResourceNotFoundException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceQuotaExceededException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'ModelErrorException',
  'ModelStreamErrorException',
  'InternalServerException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'ConflictException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'RequestExpired',
  'RequestTimeTooSkewed',
  'OptInRequired',
  'UnauthorizedException',
  'ForbiddenException',
  'InvalidGrantException',
  'TokenRetrievalError',
  'SSOTokenProviderFailure',
  'UnauthorizedSSOTokenError',
  'CredentialsProviderError',
  'NoCredentialsError',
  'PartialCredentialsError',
  'ProfileNotFound',
  'NoRegionError',
  'EndpointConnectionError',
  'ConnectTimeoutError',
  'ReadTimeoutError',
  'ConnectionClosedError',
  'TimeoutError',
  'AbortError',
  'RequestTimeoutException',
  'RequestTimeout',
  'FTUFormNotFilled',
  'MPAgreementBeingCreated',
  'BadCScoreException',
  'UnknownOperationException',
  'InvalidAction',
  'NotAuthorized',
  'NotAuthorizedException',
  'AggregateError',
  'SyntaxError',
];

const KNOWN_BY_LOWER = new Map(KNOWN_NAMES.map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of a known AWS error name, or undefined. */
export function knownName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : KNOWN_BY_LOWER.get(name.toLowerCase());
}

/** Longest first, so `ExpiredTokenException` wins over `ExpiredToken`. No trailing boundary:
 * glued texts such as `AccessDeniedExceptionModel access is denied…` still name the error. */
const NAME_SCAN = new RegExp(
  `(?<![A-Za-z])(${[...KNOWN_NAMES].sort((a, b) => b.length - a.length).join('|')})`,
  'gi',
);

/** Wrapper classes that say nothing about the AWS error itself. */
const WRAPPER_NAMES = new Set(
  [
    'Error',
    'ValueError',
    'ClientError',
    'BotoCoreError',
    'EventStreamError',
    'PermissionDeniedError',
    'AuthenticationError',
    'BadRequestError',
    'APIError',
    'APICallError',
    'AI_APICallError',
    'BedrockException',
    'BedrockError',
    'HTTPStatusError',
    'SdkClientException',
    'SdkException',
    'AwsServiceException',
    'BedrockRuntimeException',
    'BedrockRuntimeServiceException',
    'BedrockServiceException',
    'ServiceException',
    'RuntimeError',
    'Exception',
    'TypeError',
    'UnknownError',
    'InternalError',
    'ServiceError',
    'DisplayErrorContext',
  ].map((n) => n.toLowerCase()),
);

const NODE_CODE =
  /\b(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EPROTO|CERT_[A-Z_]{2,40}|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|ERR_HTTP2_[A-Z_]{2,40}|ERR_SSL_[A-Z_]{2,40}|UND_ERR_[A-Z_]{2,40})\b/;

const NODE_CODE_SHAPE = /^(E[A-Z_]{2,30}|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|SELF_SIGNED_[A-Z_]+|DEPTH_ZERO_[A-Z_]+|ERR_[A-Z0-9_]+|UND_ERR_[A-Z_]+)$/;

/** Normalise pasted or composed text for matching. Bounded to MAX_SCAN characters. */
export function normaliseText(raw: string): string {
  let s = raw.length > MAX_SCAN ? raw.slice(0, MAX_SCAN) : raw;
  s = s
    // ANSI colour codes.
    .replace(/\u001b\[[0-9;]{0,20}[A-Za-z]/g, '')
    // Curly quotes, primes, backticks.
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/`/g, ' ')
    // Box-drawing and block characters from terminal frames.
    .replace(/[\u2500-\u259F]/g, ' ')
    // Escaped newlines/tabs inside JSON strings, and escaped quotes (any depth).
    .replace(/\\\\?[rnt](?![a-z])/g, ' ')
    .replace(/\\{1,8}"/g, '"')
    // Hard wraps inside hyphenated tokens (ARNs, model ids, URLs).
    .replace(/(\w)-[ \t]{0,200}\r?\n\s{0,200}(?=\w)/g, '$1-')
    .replace(/(\w)\r?\n[ \t]{0,200}-(?=\w)/g, '$1-')
    // Control characters, replacement characters, odd spaces.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

function firstGroup(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  return m?.[1];
}

// ---------------------------------------------------------------- name

const BOTOCORE = /An error occurred \(([A-Za-z][\w.:#-]{0,80})\) when calling the (\w{1,80}) operation/;
const JSON_TYPE = /"__type"\s?:\s?"(?:[\w.]{0,120}#)?(\w{1,80})"/;
const XML_CODE = /<Code>\s?(\w{1,80})\s?<\/Code>/;
const GO_SDK = /RequestID: ?[\w-]{0,80}, (\w{2,80}):/;
const SWIFT = /\b(\w{2,80}Exception)\(properties:/;
const RUST_CODE = /\bcode: (?:Some\()?"(\w{2,80})"/;
const JSON_NAME = /"(?:name|code|Code|errorType|error_type|type)"\s?:\s?"(\w{2,80})"/g;
const GENERIC_EXCEPTION = /(?:^|[\s.:(\[])([A-Z][A-Za-z0-9]{1,60}(?:Exception|Error|Fault))\b/g;

function nameFromText(text: string): string | undefined {
  for (const re of [BOTOCORE, JSON_TYPE, XML_CODE, GO_SDK, SWIFT, RUST_CODE]) {
    const raw = firstGroup(re, text);
    if (raw) {
      const bare = raw.replace(/^.*[#.:]/, '');
      return knownName(bare) ?? bare;
    }
  }
  JSON_NAME.lastIndex = 0;
  for (let m = JSON_NAME.exec(text); m; m = JSON_NAME.exec(text)) {
    const k = knownName(m[1]);
    if (k) return k;
  }
  NAME_SCAN.lastIndex = 0;
  const known = NAME_SCAN.exec(text);
  if (known?.[1]) return knownName(known[1]);
  GENERIC_EXCEPTION.lastIndex = 0;
  for (let m = GENERIC_EXCEPTION.exec(text); m; m = GENERIC_EXCEPTION.exec(text)) {
    const n = m[1];
    if (n && !WRAPPER_NAMES.has(n.toLowerCase()) && /Exception$/.test(n)) return n;
  }
  return undefined;
}

// ---------------------------------------------------------------- HTTP status

const STATUS_PATTERNS: readonly RegExp[] = [
  /"?(?:httpStatusCode|statusCode|status_code|status|StatusCode)"?\s?[:=]\s?"?(\d{3})\b/,
  /\bStatus ?Code:? ?(?:HTTP status code:? ?)?(\d{3})\b/i,
  /http_status_(\d{3})\b/,
  /\bHTTP(?:\/[\d.]{1,3})? ?(?:Status ?)?(?:Code ?)?:? ?(\d{3})\b/i,
  /\b(?:API Error|Error code|Error|Server error|Client error)\]?:? ?[('"]?(\d{3})\b/i,
  /\((\d{3})\)/,
  /^[('"[]?(\d{3})\b/,
  /(?:^|[\s(])([45]\d\d)(?=$|[\s):,.])/,
];

/**
 * Status-named exception classes of the OpenAI/Anthropic SDKs and LiteLLM
 * (`litellm.BadRequestError: BedrockException - …`, `anthropic.RateLimitError`): when the text
 * prints no number, the class still says which status the gateway mapped the error to.
 */
const STATUS_CLASSES: Readonly<Record<string, number>> = {
  badrequesterror: 400,
  authenticationerror: 401,
  permissiondeniederror: 403,
  notfounderror: 404,
  unprocessableentityerror: 422,
  ratelimiterror: 429,
  serviceunavailableerror: 503,
};
const STATUS_CLASS =
  /\b(BadRequestError|AuthenticationError|PermissionDeniedError|NotFoundError|UnprocessableEntityError|RateLimitError|ServiceUnavailableError)\b/i;

function statusFromText(text: string): number | undefined {
  for (const re of STATUS_PATTERNS) {
    const raw = firstGroup(re, text);
    if (raw) {
      const n = Number(raw);
      if (n >= 100 && n <= 599) return n;
    }
  }
  const cls = firstGroup(STATUS_CLASS, text);
  return cls ? STATUS_CLASSES[cls.toLowerCase()] : undefined;
}

// ---------------------------------------------------------------- host

const HOST_SUFFIXES = ['.amazonaws.com.cn', '.amazonaws.com', '.amazonaws.eu', '.api.aws'];
const HOST_CHAR = /[a-z0-9.-]/i;

/** Hostnames ending in an AWS suffix, found by indexOf and a backwards walk (linear). */
function hostsFromText(text: string): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const suffix of HOST_SUFFIXES) {
    let from = 0;
    while (found.length < 20) {
      const at = lower.indexOf(suffix, from);
      if (at < 0) break;
      from = at + suffix.length;
      const after = lower[at + suffix.length];
      if (after !== undefined && /[a-z0-9-]/.test(after)) continue;
      let start = at;
      while (start > 0 && at - start < 253 && HOST_CHAR.test(lower[start - 1] ?? '')) start--;
      const host = lower.slice(start, at + suffix.length).replace(/^[.-]+/, '');
      if (host.length > suffix.length && !found.includes(host)) found.push(host);
    }
  }
  return found;
}

function pickHost(hosts: string[]): string | undefined {
  return hosts.find((h) => h.startsWith('bedrock')) ?? hosts[0];
}

/** The Region in a `bedrock*.REGION.amazonaws.com` (or `.api.aws`) host, if any. */
export function regionOfBedrockHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^bedrock(?:-[a-z]{1,20}){0,3}\.([a-z0-9-]{1,40})\.(?:amazonaws\.com|api\.aws|amazonaws\.eu)/.exec(host);
  return m?.[1];
}

// ---------------------------------------------------------------- message, ids

const JSON_MESSAGE = /"(?:message|Message|errorMessage|error_description|detail)"\s?:\s?"((?:[^"\\]|\\.){1,2000})"/g;
const XML_MESSAGE = /<Message>([^<]{1,2000})<\/Message>/;
const BOTOCORE_MESSAGE = /operation(?: \(reached max retries: \d{1,3}\))?: (.{1,2000})/;
const REQUEST_ID =
  /(?:x-amzn-RequestId|x-amz-request-id|aws_request_id|requestId|request_id|RequestID|Request ID|request-id)["']?\s?[:=]\s?["']?([A-Za-z0-9][A-Za-z0-9-]{7,80})/i;
const OPERATION_GO = /operation error [\w ]{1,40}: (\w{2,80})/;

/** The most informative JSON message field: wrappers nest the real one inside their own. */
function jsonMessage(text: string): string | undefined {
  let best: string | undefined;
  JSON_MESSAGE.lastIndex = 0;
  let n = 0;
  for (let m = JSON_MESSAGE.exec(text); m && n < 20; m = JSON_MESSAGE.exec(text), n++) {
    const v = m[1]?.trim();
    if (v && /[A-Za-z]/.test(v) && (!best || v.length > best.length)) best = v;
  }
  return best;
}

function messageFromText(text: string, name: string | undefined): string {
  const candidates = [firstGroup(BOTOCORE_MESSAGE, text), jsonMessage(text), firstGroup(XML_MESSAGE, text)];
  for (const c of candidates) {
    if (c && c.trim()) return clip(c.trim());
  }
  // A JSON dump with a name and no message field (`{"name":"ThrottlingException","$metadata":…}`).
  if (/^[[{]/.test(text) && /"(?:name|__type|code)"\s?:/.test(text)) return '';
  if (name) {
    const idx = text.toLowerCase().indexOf(name.toLowerCase());
    if (idx >= 0) {
      const rest = text
        .slice(idx + name.length)
        .replace(/^[\s:\-–—,)'"]{0,10}/, '')
        .trim();
      return clip(rest);
    }
  }
  return clip(text);
}

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) : s;
}

/** Facts from pasted text, however it was printed. Never throws. */
export function factsFromText(text: string): ErrorFacts {
  return extractFromText(typeof text === 'string' ? text : safeString(text)).facts;
}

/** Text extraction returning the normalised text too (the classifier matches on it). */
export function extractFromText(raw: string): ExtractedFacts {
  try {
    const text = normaliseText(raw);
    const name = nameFromText(text);
    const facts: ErrorFacts = { message: messageFromText(text, name) };
    if (name) facts.name = name;
    const status = statusFromText(text);
    if (status !== undefined) facts.httpStatus = status;
    const code = firstGroup(NODE_CODE, text);
    if (code) facts.code = code;
    const host = pickHost(hostsFromText(text));
    if (host) facts.host = host;
    const requestId = firstGroup(REQUEST_ID, text);
    if (requestId) facts.requestId = requestId;
    const operation = firstGroup(BOTOCORE, text) ? BOTOCORE.exec(text)?.[2] : firstGroup(OPERATION_GO, text);
    if (operation) facts.operation = operation;
    return { facts, text };
  } catch {
    return { facts: { message: '' }, text: '' };
  }
}

// ---------------------------------------------------------------- error objects

function safeGet(obj: unknown, key: string): unknown {
  try {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) return v;
  if (typeof v === 'string' && /^\d{3}$/.test(v)) return num(Number(v));
  return undefined;
}

function safeString(v: unknown): string {
  try {
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' || typeof v === 'function') return '';
    return String(v);
  } catch {
    return '';
  }
}

/** JSON.stringify with a cycle guard and a size cap; never throws. */
function safeJson(v: unknown): string {
  try {
    const seen = new WeakSet<object>();
    let budget = 20_000;
    const out = JSON.stringify(v, (_k, val: unknown) => {
      if (budget-- <= 0) return undefined;
      if (typeof val === 'bigint') return val.toString();
      if (typeof val === 'object' && val !== null) {
        if (seen.has(val)) return undefined;
        seen.add(val);
        if (ArrayBuffer.isView(val)) return undefined;
        if (Array.isArray(val) && val.length > 50) return val.slice(0, 50);
      }
      return val;
    });
    return typeof out === 'string' ? out.slice(0, MAX_SCAN) : '';
  } catch {
    return '';
  }
}

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

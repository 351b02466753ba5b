import { hostsFromText, pickHost } from './host.js';
import { knownName, NAME_SCAN, NODE_CODE, WRAPPER_NAMES } from './known-names.js';
import { normaliseText } from './normalise.js';
import { safeString } from './safe.js';
import type { ErrorFacts, ExtractedFacts } from './types.js';

const MAX_MESSAGE = 2000;

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

export function clip(s: string): string {
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

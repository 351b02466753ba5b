/**
 * The pure matcher: facts in, Diagnosis out. Never throws.
 *
 * Evidence strength, strongest first, and the confidence each gives:
 *   1. the message (or a Node system error code) matches a rule: 0.95 when the error name
 *      confirms it, 0.8 otherwise. A specific known name the rule does not list vetoes the
 *      match (the message alone never overrides a name that contradicts it);
 *   2. the error name alone: 0.6 (0.65 with a matching HTTP status);
 *   3. the HTTP status alone: 0.5.
 * Every rule is tried at level 1 before any at level 2, so a name never wins over a message
 * that says more.
 */

import { causeSpec, describeCause, type CauseId, type CauseParams } from '../causes/index.js';
import { type ErrorFacts, type ExtractedFacts, extractFromError, extractFromText, knownName } from './facts/index.js';
import type { ClassifyContext, Diagnosis, MatchInput, Rule } from './rule.js';
import { notBedrock } from './foreign.js';
import { RULES } from './rules/index.js';

/** Low: the text says what it is, but not that it is all the user saw. */
const FOREIGN_CONFIDENCE = 0.3;

/**
 * Names that identify one cause. A message rule that lists neither this name in `names` nor
 * in `seenUnder` is contradicted by it. Generic names (AccessDeniedException,
 * ValidationException, wrappers…) carry many messages and contradict nothing.
 */
const SPECIFIC_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'RequestExpired',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'ServiceQuotaExceededException',
  'NoCredentialsError',
  'TokenRetrievalError',
  'FTUFormNotFilled',
  'MPAgreementBeingCreated',
  'BadCScoreException',
]);

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function listed(list: readonly string[] | undefined, name: string | undefined): boolean {
  return name !== undefined && list !== undefined && list.some((n) => sameName(n, name));
}

function contradicts(rule: Rule, name: string | undefined): boolean {
  const k = knownName(name);
  if (!k || !SPECIFIC_NAMES.has(k)) return false;
  if (rule.names === undefined && rule.seenUnder === undefined) return false;
  return !listed(rule.names, k) && !listed(rule.seenUnder, k);
}

function applicable(rule: Rule, input: MatchInput): boolean {
  if (rule.authMode !== undefined && input.context.authMode !== rule.authMode) return false;
  if (rule.operations !== undefined) {
    const op = input.facts.operation ?? input.context.operation;
    if (op !== undefined && !rule.operations.some((o) => sameName(o, op))) return false;
  }
  if (rule.when !== undefined) {
    try {
      if (!rule.when(input)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

interface Hit {
  rule: Rule;
  input: MatchInput;
  confidence: number;
}

function strongMatch(rules: readonly Rule[], base: MatchInput): Hit | undefined {
  const { facts, text } = base;
  for (const rule of rules) {
    let match: RegExpExecArray | undefined;
    if (rule.message) {
      rule.message.lastIndex = 0;
      match = rule.message.exec(text) ?? undefined;
    }
    const codeHit = listed(rule.codes, facts.code);
    if (!match && !codeHit) continue;
    if (match && !codeHit && contradicts(rule, facts.name)) continue;
    const input: MatchInput = match ? { ...base, match } : base;
    if (!applicable(rule, input)) continue;
    const confirmed = listed(rule.names, facts.name) || listed(rule.seenUnder, facts.name) || (match !== undefined && codeHit);
    const confidence = confirmed ? 0.95 : codeHit ? 0.85 : 0.8;
    return { rule, input, confidence };
  }
  return undefined;
}

function nameMatch(rules: readonly Rule[], base: MatchInput): Hit | undefined {
  if (!base.facts.name) return undefined;
  for (const rule of rules) {
    if (!listed(rule.names, base.facts.name)) continue;
    if (!applicable(rule, base)) continue;
    const statusToo = base.facts.httpStatus !== undefined && (rule.httpStatus ?? []).includes(base.facts.httpStatus);
    return { rule, input: base, confidence: statusToo ? 0.65 : 0.6 };
  }
  return undefined;
}

function statusMatch(rules: readonly Rule[], base: MatchInput): Hit | undefined {
  const status = base.facts.httpStatus;
  if (status === undefined) return undefined;
  for (const rule of rules) {
    if (!(rule.httpStatus ?? []).includes(status)) continue;
    if (!applicable(rule, base)) continue;
    return { rule, input: base, confidence: 0.5 };
  }
  return undefined;
}

/** Run the rules over extracted facts: message and code matches first, then names, then statuses. */
function matchRules(extracted: ExtractedFacts, context: ClassifyContext = {}, rules: readonly Rule[] = RULES): Hit | undefined {
  const base: MatchInput = { facts: extracted.facts, text: extracted.text, context };
  return strongMatch(rules, base) ?? nameMatch(rules, base) ?? statusMatch(rules, base);
}

/**
 * The Diagnosis of a cause, from the catalog: its home gate (`any` blames no gate), its status
 * and its texts for what the message named. A cause without a fix cannot be a diagnosis.
 */
export function diagnosisOf(cause: CauseId, confidence: number, params: CauseParams = {}, rule: CauseId | null = null): Diagnosis {
  const spec = causeSpec(cause);
  const { summary, fix } = describeCause(cause, params);
  if (!fix || (spec.status !== 'fail' && spec.status !== 'inconclusive' && spec.status !== 'pending')) {
    throw new Error(`cause ${cause} cannot be a diagnosis: it needs a fix and a finding status`);
  }
  return { gate: spec.gate === 'any' ? 'unknown' : spec.gate, cause, status: spec.status, summary, fix, confidence, rule, params };
}

function toDiagnosis(hit: Hit): Diagnosis {
  const { rule } = hit;
  let params = {};
  try {
    params = rule.extract?.(hit.input) ?? {};
  } catch {
    // What the message names is a refinement: without it the catalog's text stands.
  }
  return diagnosisOf(rule.cause, hit.confidence, params, rule.cause);
}

/** No rule matched: the catalog's `unrecognised-error`, gate unknown, confidence 0. */
function unrecognised(): Diagnosis {
  return diagnosisOf('unrecognised-error', 0);
}

function safeContext(context: unknown): ClassifyContext {
  const out: ClassifyContext = {};
  try {
    if (context === null || typeof context !== 'object') return out;
    const c = context as Record<string, unknown>;
    if (typeof c.service === 'string') out.service = c.service;
    if (typeof c.operation === 'string') out.operation = c.operation;
    if (c.authMode === 'sigv4' || c.authMode === 'api-key') out.authMode = c.authMode;
  } catch {
    // A hostile context object counts as no context.
  }
  return out;
}

/** Facts and normalised text from anything. */
function extract(input: unknown): ExtractedFacts {
  return typeof input === 'string' ? extractFromText(input) : extractFromError(input);
}

/**
 * Classify an SDK exception, a Node error, a plain object, or pasted text into the gate at
 * fault, its cause and its fix. Never throws.
 */
export function classify(input: unknown, context?: ClassifyContext): Diagnosis {
  try {
    const ctx = safeContext(context);
    const extracted = extract(input);
    const facts: ErrorFacts = extracted.facts;
    if (ctx.service && !facts.service) facts.service = ctx.service;
    if (ctx.operation && !facts.operation) facts.operation = ctx.operation;
    const hit = matchRules(extracted, ctx);
    // Inside check the doctor knows what it called; a pasted text may be about something else.
    // Credentials are the exception: the same expired token fails every AWS service alike.
    const recognised = hit !== undefined && hit.confidence >= 0.8;
    const sameCredentials = recognised && causeSpec(hit.rule.cause).gate === 'credentials';
    const foreign = ctx.service || sameCredentials ? null : notBedrock(extracted.text, facts.host);
    // A weak sign (a program error, a product named in passing) yields to a recognised message.
    if (foreign && (foreign.strength === 'strong' || !recognised)) return diagnosisOf('not-bedrock', FOREIGN_CONFIDENCE, { what: foreign.what });
    return hit ? toDiagnosis(hit) : unrecognised();
  } catch {
    return unrecognised();
  }
}

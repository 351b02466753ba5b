/** The shape of a diagnosis rule: how a cause is recognised. What it means lives in the cause catalog. */

import type { CauseId, CauseParams } from '../causes/index.js';
import type { Fix, Gate, Status } from '../types.js';
import type { AuthMode } from '../vocabulary/api-key.js';
import type { ErrorFacts } from './facts/index.js';

/** A classified failure: the cause a rule recognised, with the catalog's texts for it. */
export interface Diagnosis {
  gate: Gate | 'unknown';
  cause: CauseId;
  /** The status the failure gives the gate: fail, inconclusive or pending. */
  status: Extract<Status, 'fail' | 'inconclusive' | 'pending'>;
  summary: string;
  fix: Fix;
  /** 0..1: how sure the rule is (a name and a message match beats a message alone). */
  confidence: number;
  /** The cause whose rule matched, or null. */
  rule: CauseId | null;
  /** What the message named (a denial, a host, a model id), to describe the cause again with more known. */
  params: CauseParams;
}

export interface ClassifyContext {
  service?: string;
  operation?: string;
  authMode?: AuthMode;
}

/** What a rule's `when` and `extract` see. */
export interface MatchInput {
  facts: ErrorFacts;
  /** The whole normalised text (first 64 KiB) the message patterns ran on. */
  text: string;
  context: ClassifyContext;
  /** The message pattern's match, when the rule matched on its message. */
  match?: RegExpExecArray;
}

export interface Rule {
  cause: CauseId;
  /** Error names that identify this cause: they confirm a message match, or match alone (weakly). */
  names?: readonly string[];
  /**
   * Generic error names this cause's message is also seen under (AccessDeniedException,
   * ValidationException…): they confirm a message match but never match alone.
   */
  seenUnder?: readonly string[];
  /** HTTP statuses that match alone (weakest evidence). */
  httpStatus?: readonly number[];
  /** Node system error codes (strong evidence, like a message). */
  codes?: readonly string[];
  /** What the message says (strong evidence). No `g` or `y` flag. */
  message?: RegExp;
  /** Only when the caller authenticated this way. */
  authMode?: AuthMode;
  /** Only for these operations (when the operation is known). */
  operations?: readonly string[];
  /** An extra condition over the facts (e.g. "the Region in the host does not host Bedrock"). */
  when?: (m: MatchInput) => boolean;
  /** What the message names (ARNs, a profile, a model id, a host), for the catalog to specialise its texts. */
  extract?: (m: MatchInput) => CauseParams;
}

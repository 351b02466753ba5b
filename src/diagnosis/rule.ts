/** The shape of a diagnosis rule: data (what it matches, what it concludes), no behaviour of its own. */

import type { Diagnosis, Fix, Gate } from '../types.js';
import type { ErrorFacts } from './facts.js';

import type { AuthMode } from '../vocabulary/api-key.js';

export interface ClassifyContext {
  service?: string;
  operation?: string;
  authMode?: AuthMode;
}

/** What a rule's `when` and `render` see. */
export interface MatchInput {
  facts: ErrorFacts;
  /** The whole normalised text (first 64 KiB) the message patterns ran on. */
  text: string;
  context: ClassifyContext;
  /** The message pattern's match, when the rule matched on its message. */
  match?: RegExpExecArray;
}

export interface Rule {
  /** Stable kebab-case cause id. */
  id: string;
  gate: Gate;
  status: Diagnosis['status'];
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
  /** One line. */
  summary: string;
  fix: Fix;
  /** Specialise summary/fix from what the message captured (ARNs, Regions, model ids). */
  render?: (m: MatchInput) => { summary?: string; fix?: Partial<Fix> };
}

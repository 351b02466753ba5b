/** The vocabulary every module shares: gates, statuses, fixes, results. */

export const GATES = [
  'credentials',
  'network',
  'region',
  'model-access',
  'iam',
  'provider-terms',
  'invoke',
] as const;
export type Gate = (typeof GATES)[number];

/**
 * pass: proven fine. fail: proven broken. warn: works, but something deserves attention.
 * skip: not run (the reason says why). inconclusive: could not be decided (network, timeout,
 * throttling, no permission to look). pending: broken now, resolves by itself (a Marketplace
 * subscription still being processed).
 */
export const STATUSES = ['pass', 'fail', 'warn', 'skip', 'inconclusive', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

/** Who must act on a fix: the identity that calls Bedrock, or an administrator of the account. */
export type Actor = 'caller' | 'administrator';

export interface Fix {
  /** What to do, in one or two sentences. */
  text: string;
  actor: Actor;
  /** Copy-pasteable shell commands, if any. */
  commands?: string[];
  /** A policy document (IAM JSON), if one is the fix. */
  policy?: unknown;
  /** The AWS documentation page that explains it. */
  docs?: string;
}

/** What an AWS call (or a failure to make one) showed. Never holds a secret. */
export interface Evidence {
  service?: string;
  operation?: string;
  errorName?: string | null;
  httpStatus?: number | null;
  requestId?: string | null;
  message?: string;
  /** Extra facts a gate found (model lifecycle, profile ids, ARNs simulated…). */
  details?: Record<string, unknown>;
}

export interface GateResult {
  gate: Gate;
  status: Status;
  /** Stable kebab-case id a ticket system can match on; null on a plain pass. */
  cause: string | null;
  summary: string;
  fix: Fix | null;
  evidence: Evidence;
}

/** One cell of the matrix: a Region and a model identifier as the user gave it. */
export interface Target {
  region: string;
  model: string;
}

/** A classified failure: what the diagnosis catalog concluded. */
export interface Diagnosis {
  gate: Gate | 'unknown';
  cause: string;
  /** The status the failure gives the gate: fail, inconclusive or pending. */
  status: Extract<Status, 'fail' | 'inconclusive' | 'pending'>;
  summary: string;
  fix: Fix;
  /** 0..1: how sure the rule is (a name and a message match beats a message alone). */
  confidence: number;
  /** The rule that matched, or null. */
  rule: string | null;
}

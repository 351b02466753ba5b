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

/** One cell of the matrix: a Region and a model identifier as the user gave it. */
export interface Target {
  region: string;
  model: string;
}

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

/** The statuses that are findings, worst first: a report lists and picks them in this order. */
export const FINDING_STATUSES = ['fail', 'pending', 'inconclusive', 'warn'] as const;

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

/** Where a setting came from (`check --from`): the key or variable, and the file that holds it. */
export interface SettingOrigin {
  setting: string;
  /** Absent for the environment the client starts with. */
  file?: string;
  /** A default of the client, not something the user wrote. */
  isDefault?: boolean;
}

/** Where a target came from when a client's configuration named it (`check --from`). */
export interface TargetOrigin {
  client: string;
  /** What the client uses it for (`main model`, `small/fast model`, `model_list: haiku`, `--model`). */
  roles: string[];
  model: SettingOrigin;
  region: SettingOrigin;
  /** The API the client calls; both are authorized by the same IAM actions. */
  api: 'converse' | 'invoke';
  /** The client streams: bedrock:InvokeModelWithResponseStream is required too. */
  stream: boolean;
}

/** One cell of the matrix: a Region and a model identifier as the user (or a client's configuration) gave it. */
export interface Target {
  region: string;
  model: string;
  origin?: TargetOrigin;
}

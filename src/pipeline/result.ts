import type { AuthMode } from '../vocabulary/api-key.js';
import type { GateResult } from '../gates/shared/result.js';
import type { Gate, SettingOrigin, Status, Target } from '../types.js';

/**
 * Where the Region came from: the flag, AWS_REGION, AWS_DEFAULT_REGION, the profile, or the
 * client's configuration (`client`: each target's origin says where).
 */
export type RegionSource = 'flag' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile' | 'client';

export interface ReportCheck extends GateResult, Target {
  durationMs: number;
}

export interface ReportIdentity {
  authMode: AuthMode;
  account: string | null;
  arn: string | null;
  /** The IAM user or role whose policies apply (an assumed role resolved to its role ARN). */
  principalArn: string | null;
  credentialSource: string;
}

export interface RunResult {
  identity: ReportIdentity | null;
  targets: Target[];
  checks: ReportCheck[];
  durationMs: number;
  regionSource: RegionSource;
  /** `check --from`: the client's configuration as read (files, assumptions, findings). */
  client?: ClientReport;
  /** The gates asked for with --only; absent or null for every gate. */
  only?: Gate[] | null;
  interrupted: boolean;
  /** The signal that stopped the run, if one did: the exit code then says so (130, 143). */
  interruptedBy?: InterruptSignal;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

export type ExitCode = 0 | 1 | 2 | 3 | 130 | 143;

/** The conventional codes of a process ended by a signal: 128 + its number. */
export const SIGNAL_EXIT: Record<InterruptSignal, ExitCode> = { SIGINT: 130, SIGTERM: 143 };

/** Statuses that `--fail-on` may turn into exit 1 (a `fail` always is). */
export const FAIL_ON_STATUSES = ['warn', 'inconclusive', 'pending'] as const;
export type FailOnStatus = (typeof FAIL_ON_STATUSES)[number];

/**
 * 0 ready (warnings allowed unless strict) · 1 a gate failed · 3 nothing failed but something
 * could not be decided: inconclusive (network, timeout, throttling) or pending (a subscription
 * still being processed: not ready yet, ready later without anyone acting). A status in
 * `failOn` also gives 1; `strict` is `failOn: ['warn']`.
 */
export function exitCodeOf(checks: { status: Status }[], failOn: boolean | readonly FailOnStatus[]): ExitCode {
  const failing = new Set<Status>(['fail', ...(failOn === true ? ['warn' as const] : failOn === false ? [] : failOn)]);
  if (checks.some((c) => failing.has(c.status))) return 1;
  if (checks.some((c) => c.status === 'inconclusive' || c.status === 'pending')) return 3;
  return 0;
}

/** `check --from`: the client's configuration as read (files, assumptions, findings). Here, with the other report types, so the published types stay free of the SDK's. */
export interface ClientReport {
  name: string;
  assumptions: string[];
  files: { path: string; found: boolean; problem?: string }[];
  profile: { name: string; from: SettingOrigin } | null;
  findings: { cause: string; status: Status; role: string | null; summary: string; fix: string | null }[];
}

/** --wait's backoff: the first retry's delay, growing to the cap. */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** What --wait reports after each attempt. */
export interface AttemptProgress {
  attempt: number;
  targets: number;
  /** The targets still not ready, each with its checks from this attempt. */
  notReady: Array<{ target: Target; checks: ReportCheck[] }>;
  /** The delay before the next attempt; null when there is none. */
  nextInMs: number | null;
  /** Time since the first attempt started. */
  elapsedMs: number;
}

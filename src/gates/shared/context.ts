import type { AwsClients } from '../../aws/clients.js';
import type { ClientFinding } from '../../clients/types.js';
import type { CallOutcome, CallSettings } from '../../aws/call.js';
import type { AuthSetup } from '../../aws/credentials.js';
import type { ModelRef } from '../../vocabulary/model-id.js';
import type { Lookups } from '../../aws/lookups.js';
import type { Diagnosis } from '../../diagnosis/index.js';
import type { SettingOrigin, Target } from '../../types.js';
import type { GateResult } from './result.js';

// The result lives apart from the context, so the report's types do not reach the AWS SDK's.
export type { GateResult } from './result.js';

export interface CheckOptions {
  /** Skip the Converse call (the ground truth). */
  noInvoke: boolean;
  /** Allow a Converse call that may create a Marketplace subscription and accept the provider's offer. */
  allowSubscribe: boolean;
  /** Fail credentials when the identity belongs to another account. */
  expectAccount?: string;
  /** Also require bedrock:InvokeModelWithResponseStream (ConverseStream). */
  stream: boolean;
}

export interface PlannedTarget extends Target {
  ref: ModelRef;
  /** A client that streams needs bedrock:InvokeModelWithResponseStream for this target (else the run's --stream). */
  stream?: boolean;
  /** What the client's configuration gets wrong for this target (`check --from`). */
  clientFindings?: ClientFinding[];
  /** The profile the client resolves credentials with, and the setting that names it (`check --from`). */
  clientProfile?: { name: string; from: SettingOrigin };
}

/** What a gate is given: shared lookups, clients and settings. Gates never print. */
export interface GateContext {
  auth: AuthSetup;
  clients: AwsClients;
  lookups: Lookups;
  options: CheckOptions;
  settings: CallSettings;
  /** Connection probe, memoized per endpoint URL by the pipeline. */
  probe(url: URL): Promise<CallOutcome<{ durationMs: number; address?: string }>>;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

/**
 * A gate's result plus what the pipeline needs to reconcile: a failure that belongs to
 * another gate (`blockedBy`), and for invoke, the classified ground truth.
 */
export interface GateOutcome extends GateResult {
  blockedBy?: Diagnosis;
  /** Set by the invoke gate: whether Converse answered, and if not, the diagnosis. */
  invoke?: { answered: boolean; diagnosis?: Diagnosis };
}

export type GateCheck = (ctx: GateContext, target: PlannedTarget) => Promise<GateOutcome>;

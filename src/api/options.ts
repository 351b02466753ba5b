import type { Gate } from '../types.js';
import type { AttemptProgress, Backoff, FailOnStatus } from '../pipeline/result.js';

/**
 * AWS SDK v3 clients for a Region: an STSClient, IAMClient, BedrockClient and
 * BedrockRuntimeClient. Typed loosely so that the package's types need no AWS SDK installed
 * (the SDK is bundled, not a dependency).
 */
export interface DoctorClients {
  sts(region: string): unknown;
  iam(region: string): unknown;
  bedrock(region: string): unknown;
  runtime(region: string): unknown;
  destroy(): void;
}

/** What a preflight asks: the same choices as `check`'s flags, as values. */
export interface DoctorOptions {
  /** Model ids, inference profile ids or ARNs. */
  models: string[];
  /** Regions; default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. */
  regions?: string[];
  /** The shared-config profile; default: AWS_PROFILE, then default. */
  profile?: string;
  /** Make the minimal Converse call (the ground truth); default true. */
  invoke?: boolean;
  /** Allow a Converse call that would subscribe the account to a Marketplace model. */
  allowSubscribe?: boolean;
  /** Also require bedrock:InvokeModelWithResponseStream (ConverseStream). */
  stream?: boolean;
  /** Fail unless the credentials belong to this 12-digit account. */
  expectAccount?: string;
  /** Time limit for the whole run (for each attempt of runDoctorUntilReady), in seconds; default 60. */
  timeout?: number;
  /** Check what a client will call: `claude-code`, `litellm:path/to/config.yaml`, … (`check --from`). */
  from?: string;
  /** Treat warnings as failures (exitCode 1): the same as `failOn: ['warn']`. */
  strict?: boolean;
  /** These statuses also make the report not ready (exitCode 1): `warn`, `inconclusive`, `pending`. */
  failOn?: readonly FailOnStatus[];
  /**
   * Run only these gates, and the gates they depend on (`report.gatesRun` lists what ran);
   * default: every gate.
   */
  only?: Gate[];
  /** Stops the run early; the report then holds what is known, with `interrupted: true`. */
  signal?: AbortSignal;
  /** AWS clients to use instead of the doctor's own (e.g. clients built on mocks). */
  clients?: DoctorClients;
}

/** How long to wait for access that is still taking effect. */
export interface WaitOptions {
  /** Keep re-checking the targets that are not ready for this long (ms) from the first attempt. */
  waitMs: number;
  /** Default: first retry after 12 s, growing 1.5 times up to once a minute. */
  backoff?: Backoff;
  /** Called after each attempt: the targets not ready yet, and when the next attempt comes. */
  onAttempt?: (progress: AttemptProgress) => void;
}

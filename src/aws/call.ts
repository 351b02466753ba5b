import type { Diagnosis } from '../diagnosis/index.js';
import type { Evidence } from '../types.js';
import { ACTION_OF_OPERATION, type Operation } from '../vocabulary/iam-actions.js';
import type { Scrubber } from '../secrets.js';
import type { AuthMode } from '../vocabulary/api-key.js';

/** What one AWS call gave: a value, or a classified failure. Either way, the evidence. */
export type CallOutcome<T> =
  | { ok: true; value: T; evidence: Evidence; durationMs: number }
  | {
      ok: false;
      error: unknown;
      diagnosis: Diagnosis;
      evidence: Evidence;
      durationMs: number;
      /** The IAM action the call needed, so a denial names the permission of the call that failed. */
      action?: string;
    };

export interface CallSettings {
  signal: AbortSignal;
  authMode: AuthMode;
  /** Removes the environment's secrets from any text kept as evidence. */
  scrub: Scrubber;
  /** Told when a call starts; the function it returns, when the call ends (the spinner's "waiting on"). */
  watch?: (call: CallInFlight) => () => void;
}

/** A call still waiting for its answer. */
export interface CallInFlight {
  service: string;
  operation: string;
  region: string | undefined;
  startedAt: number;
}

/** The client's Region, when its config says (an SDK client's `config.region` is an async provider). */
async function regionOf(client: unknown): Promise<string | undefined> {
  const region = (client as { config?: { region?: unknown } }).config?.region;
  try {
    return typeof region === 'function' ? String(await region()) : typeof region === 'string' ? region : undefined;
  } catch {
    return undefined;
  }
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Sends one command with the run's abort signal, and turns any failure into a Diagnosis
 * through the one classifier, so every gate reads errors the same way. Never throws.
 */
export async function callAws<T>(
  client: { send(command: any, options?: { abortSignal?: AbortSignal }): Promise<any> },
  command: object,
  meta: { service: string; operation: Operation },
  settings: CallSettings,
): Promise<CallOutcome<T>> {
  const started = performance.now();
  const done = settings.watch?.({ service: meta.service, operation: meta.operation, region: await regionOf(client), startedAt: Date.now() });
  try {
    if (settings.signal.aborted) throw abortError(settings.signal);
    const value = (await client.send(command, { abortSignal: settings.signal })) as T & SdkErrorShape;
    return {
      ok: true,
      value,
      durationMs: Math.round(performance.now() - started),
      evidence: {
        service: meta.service,
        operation: meta.operation,
        errorName: null,
        httpStatus: value?.$metadata?.httpStatusCode ?? null,
        requestId: value?.$metadata?.requestId ?? null,
      },
    };
  } catch (error) {
    const shape = (error ?? {}) as SdkErrorShape;
    // Timed before the classifier is asked: its first use loads it.
    const durationMs = Math.round(performance.now() - started);
    const diagnosis = await diagnose(error, meta, settings);
    return {
      ok: false,
      error,
      diagnosis,
      action: actionOf(meta.operation),
      durationMs,
      evidence: {
        service: meta.service,
        operation: meta.operation,
        errorName: typeof shape.name === 'string' ? shape.name : null,
        httpStatus: shape.$metadata?.httpStatusCode ?? null,
        requestId: shape.$metadata?.requestId ?? null,
        // Scrubbed before it is cut, so no secret survives as a fragment at the cut.
        message: settings.scrub(typeof shape.message === 'string' ? shape.message : String(error)).slice(0, 2000),
      },
    };
  } finally {
    done?.();
  }
}

export type Failed = Extract<CallOutcome<unknown>, { ok: false }>;

function actionOf(operation: Operation): string {
  return ACTION_OF_OPERATION[operation];
}

/**
 * A 200 that lacks what every real answer holds is a page from something else (a proxy, a
 * portal, a stand-in that does not know the operation): a garbage answer, not an empty one.
 */
export async function notAnAnswer<T>(outcome: { evidence: Evidence; durationMs: number }, operation: Operation, field: string, settings: CallSettings): Promise<CallOutcome<T>> {
  const error = Object.assign(new Error(`Deserialization error: the ${operation} answer holds no ${field}`), { name: 'DeserializationError' });
  return {
    ok: false,
    error,
    action: actionOf(operation),
    diagnosis: await diagnose(error, { service: outcome.evidence.service ?? '', operation }, settings),
    evidence: { ...outcome.evidence, message: error.message },
    durationMs: outcome.durationMs,
  };
}

/**
 * The classifier and the catalog it words from, loaded on first use. A check starts loading them
 * once its first requests are on their way (see pipeline/run.ts), so they never delay one.
 */
export const classifier = (): Promise<typeof import('../diagnosis/index.js')> => import('../diagnosis/index.js');

/** Every failure of the run, of a call, a probe or the credential chain, is read here. */
export async function diagnose(error: unknown, meta: { service: string; operation: string }, settings: CallSettings): Promise<Diagnosis> {
  // Read before the classifier loads: a Ctrl-C during that load did not cut this call short.
  const interrupted = wasInterrupted(settings.signal);
  const { classify, diagnosisOf } = await classifier();
  // Ctrl-C proves nothing about any gate: whatever was cut short is inconclusive, blaming no one.
  if (interrupted) return diagnosisOf('interrupted', 1);
  return classify(error, { service: meta.service, operation: meta.operation, authMode: settings.authMode });
}

/** The run's deadline shows up as a timeout, which the classifier knows; Ctrl-C as an interruption. */
function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The run was stopped before this call could complete'), { name: 'TimeoutError' });
}

export function interruptedError(): Error {
  return Object.assign(new Error('Interrupted (Ctrl-C) before this call could complete'), { name: 'InterruptedError' });
}

function wasInterrupted(signal: AbortSignal): boolean {
  return signal.aborted && (signal.reason as Error | undefined)?.name === 'InterruptedError';
}

/** Settles with `promise`, or rejects as soon as the run is stopped (a credential source may hang). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

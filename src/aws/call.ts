import type { Diagnosis, Evidence } from '../types.js';
import { classify } from '../diagnosis/index.js';
import type { AuthMode } from './credentials.js';

/** What one AWS call gave: a value, or a classified failure. Either way, the evidence. */
export type CallOutcome<T> =
  | { ok: true; value: T; evidence: Evidence; durationMs: number }
  | { ok: false; error: unknown; diagnosis: Diagnosis; evidence: Evidence; durationMs: number };

export interface Sender {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

export interface CallSettings {
  signal: AbortSignal;
  authMode: AuthMode;
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
  meta: { service: string; operation: string },
  settings: CallSettings,
): Promise<CallOutcome<T>> {
  const started = performance.now();
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
    const diagnosis = classify(error, { service: meta.service, operation: meta.operation, authMode: settings.authMode });
    return {
      ok: false,
      error,
      diagnosis,
      durationMs: Math.round(performance.now() - started),
      evidence: {
        service: meta.service,
        operation: meta.operation,
        errorName: typeof shape.name === 'string' ? shape.name : null,
        httpStatus: shape.$metadata?.httpStatusCode ?? null,
        requestId: shape.$metadata?.requestId ?? null,
        message: typeof shape.message === 'string' ? shape.message.slice(0, 2000) : String(error).slice(0, 2000),
      },
    };
  }
}

/** The run's deadline (or Ctrl-C) shows up as a timeout, which the classifier knows. */
export function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The run was stopped before this call could complete'), { name: 'TimeoutError' });
}

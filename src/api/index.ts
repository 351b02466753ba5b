/**
 * The library: the same gates as the CLI, for a preflight before a tool's own first Bedrock call.
 *
 *   import { runDoctor, explain } from 'bedrock-doctor';
 */
import { classifyAll } from '../diagnosis/index.js';
import { explainJson, type ExplainJson } from '../report/explain-text.js';

export { runDoctor, type DoctorClients, type DoctorOptions } from './run-doctor.js';
export { runDoctorUntilReady } from './wait-for-ready.js';
export type { WaitOptions } from './options.js';
export { FAIL_ON_STATUSES, type FailOnStatus } from '../pipeline/result.js';
export type { AttemptProgress, Backoff } from '../pipeline/result.js';
export type { JsonReport as DoctorReport } from '../report/json.js';
export type { DiagnosisJson as Diagnosis, ExplainJson as Explanation } from '../report/explain-text.js';
export { UsageError } from '../errors.js';
export { GATES, STATUSES, type Gate, type Status } from '../types.js';
export { CAUSE_IDS, type CauseId } from '../causes/index.js';
export { SCHEMA_VERSION, VERSION } from '../version.js';

/**
 * The diagnosis of an error text: the object `explain --format json` prints (the first error's
 * fields, and `diagnoses`: every distinct error of a log, in order).
 */
export function explain(text: string): ExplainJson {
  return explainJson(classifyAll(text));
}

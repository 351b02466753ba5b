/** A whole log: every distinct error in it, in order, each classified on its own. */

import { classify } from './classify.js';
import type { Diagnosis } from './rule.js';

/** A line that opens an error record: an exception name, an SDK/CLI error phrase, a denial. */
const ERROR_LINE = /\b\w*(Exception|Error|Fault)\b|error occurred|not authorized|denied|expired|could not|unable to|timed? ?out|ECONN\w+|ENOTFOUND|EAI_AGAIN|\b[45]\d\d\b/i;

/**
 * The text cut into error records: a record starts at an unindented line that reads as an
 * error; indented or plain lines after it (a stack, a wrapped message, a JSON body) belong to it.
 */
export function errorRecords(text: string): string[] {
  const records: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const opens = !/^\s/.test(line) && ERROR_LINE.test(line);
    if (opens || records.length === 0) records.push([line]);
    else records[records.length - 1]!.push(line);
  }
  return records.map((r) => r.join('\n'));
}

/** One error of a log: its diagnosis and the text it was read from. */
export interface LogError {
  diagnosis: Diagnosis;
  record: string;
}

/**
 * Each distinct error of a text, in order. A text with at most one recognised error is read
 * whole, exactly as `classify` reads it, so a single error (however wrapped) gives one answer.
 */
export function classifyLog(text: string): LogError[] {
  const whole = [{ diagnosis: classify(text), record: text }];
  const records = errorRecords(text);
  if (records.length < 2) return whole;
  const seen = new Set<string>();
  const found: LogError[] = [];
  for (const record of records) {
    const diagnosis = classify(record);
    const key = `${diagnosis.cause}|${diagnosis.summary}`;
    if (diagnosis.gate === 'unknown' || seen.has(key)) continue;
    seen.add(key);
    found.push({ diagnosis, record });
  }
  return found.length < 2 ? whole : found;
}

export function classifyAll(text: string): Diagnosis[] {
  return classifyLog(text).map((e) => e.diagnosis);
}

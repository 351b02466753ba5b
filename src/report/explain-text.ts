/** Rendering diagnoses (the `explain` command): check's rows, or JSON. */

import type { Diagnosis } from '../diagnosis/index.js';
import type { Actor } from '../types.js';
import { layoutFor, renderRow } from './human.js';
import { chalkFor, oneLine } from './style.js';

/** "0.95 (high)": how sure the rule is, in numbers and words, on every explain. */
function confidenceWords(confidence: number): string {
  const words = confidence >= 0.9 ? 'high' : confidence >= 0.7 ? 'medium' : confidence > 0 ? 'low' : 'none';
  return `${confidence.toFixed(2)} (${words})`;
}

export interface ExplainRenderOptions {
  color: boolean;
  /** Columns to wrap at (80 when unknown). */
  width?: number;
}

/** One diagnosis in check's layout: the gate's row, its fix, then the cause and how sure the rule is. */
export function renderDiagnosisHuman(d: Diagnosis, opts: ExplainRenderOptions): string {
  const layout = layoutFor({ color: opts.color, width: opts.width });
  const c = layout.chalk;
  const lines = renderRow({ gate: d.gate, status: d.status, cause: d.cause, summary: d.summary, fix: d.fix }, layout);
  lines.push(c.gray(`      cause: ${d.cause} · confidence ${confidenceWords(d.confidence)}`));
  if (d.gate === 'unknown') lines.push(c.gray('      (no Bedrock cause recognised: run bedrock-doctor check to find the gate at fault)'));
  else if (d.confidence > 0 && d.confidence < 0.7) lines.push(c.gray('      (low confidence: run bedrock-doctor check to confirm)'));
  return `${lines.join('\n')}\n`;
}

/** Every error of a log, in order, each under the line it came from; one error reads as one block. */
export function renderDiagnosesHuman(found: readonly { diagnosis: Diagnosis; excerpt: string }[], opts: ExplainRenderOptions): string {
  if (found.length === 1) return renderDiagnosisHuman(found[0]!.diagnosis, opts);
  const c = chalkFor(opts.color);
  const width = opts.width ?? 80;
  const blocks = found.map(({ diagnosis, excerpt }, i) => {
    const head = `Error ${i + 1} of ${found.length}:`;
    return `${c.bold(head)} ${c.gray(oneLine(excerpt, width - head.length - 1))}\n${renderDiagnosisHuman(diagnosis, opts)}`;
  });
  const gates = [...new Set(found.map((f) => f.diagnosis.gate))].join(', ');
  return `${blocks.join('\n')}\n${found.length} distinct errors; gates: ${gates}.\n`;
}

export interface DiagnosisJson {
  gate: Diagnosis['gate'];
  cause: string;
  summary: string;
  /** The fix text. */
  fix: string;
  confidence: number;
  status: Diagnosis['status'];
  actor: Actor;
  commands?: string[];
  policy?: unknown;
  docs?: string;
}

export function diagnosisJson(d: Diagnosis): DiagnosisJson {
  const out: DiagnosisJson = {
    gate: d.gate,
    cause: d.cause,
    summary: d.summary,
    fix: d.fix.text,
    confidence: d.confidence,
    status: d.status,
    actor: d.fix.actor,
  };
  if (d.fix.commands?.length) out.commands = [...d.fix.commands];
  if (d.fix.policy !== undefined) out.policy = d.fix.policy;
  if (d.fix.docs) out.docs = d.fix.docs;
  return out;
}

/** What `explain --format json` prints: the first diagnosis's fields, as ever, and every diagnosis in order. */
export interface ExplainJson extends DiagnosisJson {
  diagnoses: DiagnosisJson[];
}

export function explainJson(diagnoses: readonly Diagnosis[]): ExplainJson {
  const all = diagnoses.map(diagnosisJson);
  return { ...all[0]!, diagnoses: all };
}

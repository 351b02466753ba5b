/** Rendering one Diagnosis (the `explain` command): a short doctor-style block, or JSON. */

import type { Diagnosis } from '../diagnosis/index.js';
import type { Actor } from '../types.js';
import { chalkFor, indent, paint, SYMBOLS, WHO } from './style.js';

/** "0.95 (high)": how sure the rule is, in numbers and words, on every explain. */
function confidenceWords(confidence: number): string {
  const words = confidence >= 0.9 ? 'high' : confidence >= 0.7 ? 'medium' : confidence > 0 ? 'low' : 'none';
  return `${confidence.toFixed(2)} (${words})`;
}

export function renderDiagnosisHuman(d: Diagnosis, opts: { color: boolean }): string {
  const c = chalkFor(opts.color);
  const gate = d.gate === 'unknown' ? 'unknown gate' : d.gate;
  const lines: string[] = [];
  lines.push(`${paint(c, d.status, SYMBOLS[d.status])} ${c.bold(gate)} ${paint(c, d.status, d.status)}  ${c.dim(`cause: ${d.cause} · confidence ${confidenceWords(d.confidence)}`)}`);
  lines.push(`  ${d.summary}`);
  lines.push(`  ${c.bold(`Fix (${WHO.short[d.fix.actor]} must act):`)} ${d.fix.text}`);
  for (const cmd of d.fix.commands ?? []) lines.push(`      ${c.cyan(cmd)}`);
  if (d.fix.policy !== undefined) {
    lines.push(`  ${c.bold('Policy:')}`);
    lines.push(indent(JSON.stringify(d.fix.policy, null, 2), '    '));
  }
  if (d.fix.docs) lines.push(`  ${c.dim('Docs:')} ${c.underline(d.fix.docs)}`);
  if (d.confidence > 0 && d.confidence < 0.7 && d.gate !== 'unknown') {
    lines.push(c.dim(`  (low confidence: run bedrock-doctor check to confirm)`));
  }
  return `${lines.join('\n')}\n`;
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

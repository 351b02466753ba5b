/**
 * Scores the classifier on a labelled corpus of real error texts:
 *   npm run eval:explain [-- path/to/corpus.jsonl]
 * A case counts when the returned gate is one of the case's `gates`. Always exits 0.
 */

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { classify } from '../src/diagnosis/index.js';

export interface CorpusCase {
  id: string;
  gates: string[];
  cause?: string;
  message: string;
  [key: string]: unknown;
}

export interface Miss {
  id: string;
  expected: string[];
  gate: string;
  cause: string;
  excerpt: string;
}

export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** Keyed by each case's preferred (first) gate. */
  perGate: Record<string, { total: number; correct: number; accuracy: number }>;
  misses: Miss[];
}

/** Pure: classify every case and score it. */
export function evaluateCorpus(cases: readonly CorpusCase[]): Evaluation {
  const perGate: Evaluation['perGate'] = {};
  const misses: Miss[] = [];
  let correct = 0;
  for (const c of cases) {
    const d = classify(c.message);
    const ok = c.gates.includes(d.gate);
    const key = c.gates[0] ?? 'unknown';
    const g = (perGate[key] ??= { total: 0, correct: 0, accuracy: 0 });
    g.total++;
    if (ok) {
      g.correct++;
      correct++;
    } else {
      misses.push({
        id: c.id,
        expected: c.gates,
        gate: d.gate,
        cause: d.cause,
        excerpt: c.message.replace(/\s+/g, ' ').slice(0, 120),
      });
    }
  }
  for (const g of Object.values(perGate)) g.accuracy = g.total ? g.correct / g.total : 0;
  return { total: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, perGate, misses };
}

export function parseCorpus(jsonl: string): CorpusCase[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusCase);
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

export function formatEvaluation(e: Evaluation): string {
  const lines = ['Accuracy per gate (by preferred gate):'];
  for (const [gate, g] of Object.entries(e.perGate).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${gate.padEnd(16)} ${String(g.correct).padStart(3)}/${String(g.total).padEnd(3)} ${pct(g.accuracy)}`);
  }
  lines.push(`Overall: ${e.correct}/${e.total} ${pct(e.accuracy)}`);
  if (e.misses.length) {
    lines.push('', 'Misses:');
    for (const m of e.misses) {
      lines.push(`  ${m.id} expected ${m.expected.join('|')} got ${m.gate}/${m.cause}: ${m.excerpt}`);
    }
  }
  return lines.join('\n');
}

function defaultCorpusPath(): string {
  const fromCwd = resolve(process.cwd(), '../shared/bedrock-errors/corpus.jsonl');
  if (existsSync(fromCwd)) return fromCwd;
  return fileURLToPath(new URL('../../../shared/bedrock-errors/corpus.jsonl', import.meta.url));
}

function main(argv: string[]): void {
  const path = argv[0] ? resolve(argv[0]) : defaultCorpusPath();
  try {
    const cases = parseCorpus(readFileSync(path, 'utf8'));
    process.stdout.write(`${formatEvaluation(evaluateCorpus(cases))}\n`);
  } catch (err) {
    process.stderr.write(`cannot evaluate ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) main(process.argv.slice(2));

import { describe, expect, it } from 'vitest';
import type { ReportCheck, RunResult } from '../../../src/pipeline/result.js';
import { renderDiagnosisHuman } from '../../../src/report/explain-text.js';
import { renderHuman } from '../../../src/report/human.js';
import { buildReport } from '../../../src/report/json.js';
import { chalkFor, COLORS, indent, oneLine, paint } from '../../../src/report/style.js';
import { SYMBOLS, WHO } from '../../../src/report/words.js';
import type { Diagnosis } from '../../../src/diagnosis/index.js';
import { STATUSES } from '../../../src/types.js';

const ESC = '\u001b';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ANSI code that opens right before `symbol` and closes right after it. */
function colourAround(text: string, symbol: string): string | undefined {
  return new RegExp(`${ESC}\\[(\\d+)m${escape(symbol)}${ESC}\\[39m`).exec(text)?.[1];
}

function checkReport(status: ReportCheck['status']): string {
  const check: ReportCheck = {
    gate: 'invoke', status, cause: 'lookup-denied', summary: 's', region: 'us-east-1', model: 'm', durationMs: 1, evidence: {},
    fix: { text: 'do it', actor: 'caller' },
  };
  const run: RunResult = { identity: null, targets: [{ region: 'us-east-1', model: 'm' }], checks: [check], durationMs: 1, regionSource: 'flag', interrupted: false };
  return renderHuman(buildReport(run, { strict: false }), run.checks, { color: true, verbose: false, strict: false });
}

function explained(status: Diagnosis['status']): string {
  const d: Diagnosis = { gate: 'invoke', cause: 'marketplace-subscription-pending', status, summary: 's', fix: { text: 'do it', actor: 'caller' }, confidence: 1, rule: null, params: {} };
  return renderDiagnosisHuman(d, { color: true });
}

describe('status vocabulary', () => {
  it('gives every status its own symbol and its own colour', () => {
    expect(new Set(STATUSES.map((s) => SYMBOLS[s])).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => COLORS[s])).size).toBe(STATUSES.length);
  });

  it.each([
    ['pass', '32'],
    ['fail', '31'],
    ['warn', '33'],
    ['pending', '36'],
    ['inconclusive', '35'],
    ['skip', '90'],
  ] as const)('paints %s with ANSI code %s', (status, code) => {
    expect(paint(chalkFor(true), status, 'x')).toBe(`${ESC}[${code}mx${ESC}[39m`);
    expect(paint(chalkFor(false), status, 'x')).toBe('x');
  });

  it.each(['fail', 'pending', 'inconclusive'] as const)('explain and check wrap the %s symbol in the same colour', (status) => {
    const inCheck = colourAround(checkReport(status), SYMBOLS[status]);
    const inExplain = colourAround(explained(status), SYMBOLS[status]);
    expect(inCheck).toBeDefined();
    expect(inExplain).toBe(inCheck);
    expect(colourAround(paint(chalkFor(true), status, SYMBOLS[status]), SYMBOLS[status])).toBe(inCheck);
  });
});

describe('who must act', () => {
  it.each([
    ['caller', 'you', 'You', 'Next step'],
    ['administrator', 'an administrator', 'An administrator', 'An administrator must act'],
  ] as const)('%s reads "%s" / "%s" / "%s"', (actor, short, sentence, nextStep) => {
    expect(WHO.short[actor]).toBe(short);
    expect(WHO.sentence[actor]).toBe(sentence);
    expect(WHO.nextStep[actor]).toBe(nextStep);
  });
});

describe('indent', () => {
  it.each([
    ['one', '  ', '  one'],
    ['a\nb', '> ', '> a\n> b'],
    ['', '    ', '    '],
    ['{\n  "x": 1\n}', '  ', '  {\n    "x": 1\n  }'],
  ])('indent(%j, %j)', (text, prefix, expected) => {
    expect(indent(text, prefix)).toBe(expected);
  });
});

describe('oneLine', () => {
  // A Lambda log line, as CloudWatch shows it: columns separated by tabs.
  const lambda = '2026-11-30T10:00:00.000Z\tc0ffee00-1111-2222-3333-444455556666\tERROR\tInvoke Error\tAccessDeniedException: User is not authorized to perform: bedrock:InvokeModel';

  it('keeps what fits, with a log\'s tabs read as single spaces', () => {
    const line = oneLine(lambda, 120);
    expect(line).toContain('AccessDeniedException');
    expect(line).not.toContain('\t');
  });

  it('cuts what does not fit at a word, and says so', () => {
    const line = oneLine(lambda, 60);
    expect(line.endsWith(' …')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(60);
  });
});

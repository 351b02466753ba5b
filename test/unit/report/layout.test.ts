/**
 * What a person sees at 60, 80 and 120 columns: rows wrap under their status column, nothing is
 * wider than the terminal (but a link or a policy's ARN, which cannot be cut), and a 3 x 3 matrix
 * fits one screen.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/pipeline/result.js';
import { renderHuman } from '../../../src/report/human.js';
import { buildReport } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { stringWidth } from '../../../src/report/style.js';
import { FAILING, HEALTHY, MATRIX } from './realistic.js';

const render = (r: RunResult, width: number, verbose = false) => renderHuman(buildReport(r, { strict: false }), r.checks, { color: false, verbose, strict: false, width });

/** Lines wider than the width, leaving out what cannot be cut: a URL, a policy's ARN, one long shell word. */
const tooWide = (text: string, width: number) => text.split('\n').filter((line) => stringWidth(line) > width && !/https:\/\/|"arn:|^ {12}"/.test(line));

describe.each([60, 80, 120])('the human report at %i columns', (width) => {
  it('one healthy target: one line per gate, and the verdict', () => {
    const out = render(HEALTHY, width);
    expect(tooWide(out, width)).toEqual([]);
    const rows = out.split('\n').filter((line) => /^ {2}[✔✖!○?…] /.test(line));
    expect(rows).toHaveLength(7);
    // A pass is one short line: the IAM simulation's caveat waits for --verbose.
    expect(out).not.toContain('session policies');
    expect(render(HEALTHY, width, true)).toContain('session policies');
    expect(out).toContain('\nReady: this identity can call every model checked.\n');
  });

  it('one failing target: the finding wraps under its status column, the fix under it', () => {
    const out = render(FAILING, width);
    expect(tooWide(out, width)).toEqual([]);
    const lines = out.split('\n');
    const at = lines.findIndex((line) => line.startsWith('  ✖ iam            arn:aws:iam::111122223333:role/BedrockDev'));
    expect(at).toBeGreaterThan(0);
    // Continuation lines hang at column 19, where the summary began.
    expect(lines[at + 1]).toMatch(/^ {19}\S/);
    expect(out).toMatch(/\n {6}fix \(an administrator\): Attach an Allow/);
    expect(out).toContain('"Resource": [');
    expect(out).toContain('  ✖ invoke         Converse failed: see iam\n');
    expect(out).toMatch(/Not ready\.\s+An administrator must act:\s+Attach\s+an\s+Allow/);
  });

  it('a 3 x 3 matrix: the grid, shared rows once, details for the 3 cells not ready, the count', () => {
    const out = render(MATRIX, width);
    const lines = out.trimEnd().split('\n');
    if (width === 80) {
      expect(lines.length).toBeLessThanOrEqual(45);
    }
    expect(tooWide(out, width)).toEqual([]);
    if (width >= 80) {
      // The grid: a row per model (its provider dropped when the column is narrow), a column per Region.
      expect(out).toMatch(/\n {2}amazon\.nova-lite-v1:0 +✔ ready +✔ ready +✔ ready\n/);
      expect(out).toMatch(/\n {2}(anthropic\.)?claude-sonnet-4\S* +✖ region +✖ region +✔ ready\n/);
      expect(out).toMatch(/\n {2}(anthropic\.)?claude-3-haiku\S* +✔ ready +✔ ready +✖ iam\n/);
    } else {
      // Three Regions do not fit 60 columns: a line per cell instead.
      expect(out).toMatch(/\n {2}✖ region +claude-sonnet-4\S* · us-west-2\n/);
      expect(out).toMatch(/\n {2}✖ iam +claude-3-haiku\S* · eu-west-1\n/);
    }
    expect(out.match(/✔ credentials /g)).toHaveLength(1);
    expect(out).toContain('\nEvery target\n  ✔ credentials ');
    expect(out.match(/^[✖?…!] \S+ {2}· {2}\S+$/gm)).toHaveLength(3);
    expect(out).toMatch(/\n3 of 9 targets not ready\. Next\s+step\s+for\s+anthropic\.claude-sonnet-4-20250514-v1:0\s+in\s+us-east-1\s+and\s+us-west-2\s+\(region\):\s+Use\s+the\s+inference/);
    // A finding already shown for another cell is one line, pointing at it.
    expect(out).toMatch(/\n {6}fix: as for us-east-1 above\s+\(--verbose:\s+this\s+target's\s+own\)\n/);
  });
});

describe('the markdown ticket', () => {
  const md = renderMarkdown(buildReport(MATRIX, { strict: false }), { command: ['bedrock-doctor', 'check', '-r', 'us-east-1', '--model', "it's"], generatedAt: new Date('2026-12-01T10:00:00Z') });

  it('heads with the verdict, the command line, the time and the versions', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe(`### bedrock-doctor ${buildReport(MATRIX, { strict: false }).tool.version}: not ready (exit 1) — 3 of 9 targets not ready`);
    expect(lines).toContain("- Command: `bedrock-doctor check -r us-east-1 --model 'it'\\''s'`");
    expect(lines).toContain('- Generated: 2026-12-01T10:00:00.000Z (1830 ms)');
    expect(md).toMatch(/\n- Versions: bedrock-doctor \S+ · Node v\d+\.\d+\.\d+ · AWS SDK for JavaScript \d+\.\d+\.\d+\n/);
  });

  it('puts the findings first and folds the passes into <details>', () => {
    const table = md.slice(0, md.indexOf('<details>'));
    const statuses = [...table.matchAll(/^\| [\w-]+ \| `[^`]+` \| [\w-]+ \| (\w+) \|/gm)].map((m) => m[1]);
    expect(statuses).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
    expect(md).toMatch(/<details><summary>57 passed, 0 skipped<\/summary>\n\n\| Region[\s\S]*\n<\/details>\n/);
  });

  it('gives each finding its fix, commands, policy as fenced JSON, docs and the raw AWS error with its request id', () => {
    const iam = md.slice(md.indexOf('#### ✖ iam · eu-west-1'));
    expect(iam).toContain('**Fix** (an administrator must act): Attach an Allow');
    expect(iam).toMatch(/```json\n\{\n {2}"Version": "2012-10-17",[\s\S]*?\n```/);
    expect(iam).toContain('Docs: https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html');
    const invoke = md.slice(md.indexOf('#### ✖ invoke · eu-west-1'));
    expect(invoke).toContain('AWS error `AccessDeniedException` (bedrock-runtime Converse, HTTP 403, request id `c7048c26-0c3e-44b1-8c21-f11e57f3bad9`):');
    expect(invoke).toMatch(/```\nUser: arn:aws:sts::111122223333:assumed-role\/BedrockDev\/alice is not authorized/);
    const region = md.slice(md.indexOf('#### ✖ region · us-east-1'));
    expect(region).toMatch(/```sh\naws bedrock list-inference-profiles --region us-east-1 /);
  });
});

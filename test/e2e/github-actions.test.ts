/**
 * In a GitHub Actions step (GITHUB_ACTIONS=true): annotations for the findings, and a Markdown
 * job summary appended to GITHUB_STEP_SUMMARY, from the built CLI against the emulator.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, secretCanaries, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { runCli } from './cli.js';

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

const ANNOTATION = /^::(error|warning) title=[^:\n]+::.+$/;

async function inActions(name: string, extra: string[]) {
  const scenario = findScenario(name)!;
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-gha-'));
  const summaryFile = join(home, 'step-summary.md');
  await writeFile(summaryFile, '## earlier step\n');
  const env = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile };
  const run = await runCli(['check', ...scenarioArgs(scenario), ...extra], env);
  return { run, summary: await readFile(summaryFile, 'utf8'), env };
}

describe('in GitHub Actions', () => {
  it('JSON: stdout holds only the report; the annotations go to stderr; the summary is appended', async () => {
    const { run, summary, env } = await inActions('iam-implicit-deny', ['--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.exitCode).toBe(1);
    const annotations = run.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toMatch(ANNOTATION);
    // The model id's ':' is escaped in the title; the message keeps its own.
    expect(annotations).toContainEqual(expect.stringMatching(/^::error title=iam \(anthropic\.claude-3-haiku-20240307-v1%3A0 · us-east-1\)::.+ — .*bedrock:InvokeModel/));
    expect(summary).toMatch(/^## earlier step\n### bedrock-doctor: ❌ not ready \(exit 1\)/);
    expect(summary).toContain('| us-east-1 | `anthropic.claude-3-haiku-20240307-v1:0` |');
    expect(summary).toMatch(/#### Fixes\n\n- \*\*iam\*\*/);
    for (const secret of secretCanaries(env)) expect(run.stdout + run.stderr + summary).not.toContain(secret);
  });

  it('human: the annotations follow the report on stdout', async () => {
    const { run, summary } = await inActions('throttled-invoke', ['--format', 'human']);
    expect(run.code).toBe(3);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^::warning title=invoke \(anthropic\.claude-3-haiku-20240307-v1%3A0 · us-east-1\)::/);
    expect(run.stderr).not.toMatch(/^::/m);
    expect(summary).toMatch(/### bedrock-doctor: ❔ not proven \(exit 3\)/);
  });

  it('--fail-on inconclusive turns the inconclusive gate into an error and exit 1', async () => {
    const { run, summary } = await inActions('throttled-invoke', ['--json', '--fail-on', 'inconclusive']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^::error title=invoke /m);
    expect(summary).toMatch(/#### Fixes\n\n- \*\*invoke\*\*/);
  });

  it('--redact masks the account id in the annotations and the summary too', async () => {
    const { run, summary } = await inActions('iam-implicit-deny', ['--json', '--redact']);
    expect(run.stderr + summary).toMatch(/\*{12}/);
    expect(run.stdout + run.stderr + summary).not.toContain('111122223333');
  });

  it('a ready run writes no annotation, and a summary that says ready', async () => {
    const { run, summary } = await inActions('healthy', ['--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/^::/m);
    expect(summary).toMatch(/### bedrock-doctor: ✅ ready/);
  });

  it('outside GitHub Actions nothing of the kind is written', async () => {
    const scenario = findScenario('iam-implicit-deny')!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-gha-'));
    const env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
    const run = await runCli(['check', ...scenarioArgs(scenario)], { ...env, GITHUB_STEP_SUMMARY: join(home, 'summary.md') });
    expect(run.stdout + run.stderr).not.toMatch(/^::/m);
    await expect(readFile(join(home, 'summary.md'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

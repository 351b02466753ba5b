/**
 * The project's workflow and its reusable Action, read with a YAML parser: what a deploy
 * workflow relies on (the Node matrix, the steps, the Action's inputs and outputs). The
 * Action's check step is then run as the runner would run it, against the emulator.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, scenarioEnvironment, secretCanaries, startEmulator, type Emulator } from '../../src/sandbox/index.js';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

const yamlFile = (path: string) => parse(readFileSync(new URL(path, root), 'utf8'));

describe('.github/workflows/ci.yml', () => {
  const workflow = yamlFile('.github/workflows/ci.yml');
  const job = workflow.jobs.test;
  const steps: Step[] = job.steps;
  const index = (match: (s: Step) => boolean) => steps.findIndex(match);

  it('runs on push and pull request', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('tests on Node 20, 22 and 24, each to the end', () => {
    expect(job.strategy.matrix.node).toEqual([20, 22, 24]);
    expect(job.strategy['fail-fast']).toBe(false);
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe('${{ matrix.node }}');
  });

  it("checks out, installs clean, then runs the README's test command", () => {
    const checkout = index((s) => Boolean(s.uses?.startsWith('actions/checkout@')));
    const install = index((s) => /^npm ci\b/.test(s.run ?? ''));
    const test = index((s) => s.run?.trim() === 'npm test');
    expect(checkout).toBe(0);
    expect(install).toBeGreaterThan(checkout);
    expect(test).toBeGreaterThan(install);
    expect(readFileSync(new URL('README.md', root), 'utf8')).toMatch(/```sh\nnpm test\n```/);
    expect(pkg.scripts.test).toMatch(/vitest run/);
  });

  it('smoke-tests the built CLI with demo scenarios after the tests, expecting each exit code', () => {
    const smoke = index((s) => /bin\/bedrock-doctor\.js demo/.test(s.run ?? ''));
    expect(smoke).toBeGreaterThan(index((s) => s.run?.trim() === 'npm test'));
    const runs = [...steps[smoke]!.run!.matchAll(/^\s*demo (\d) ([\w-]+)/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(runs).toContainEqual([0, 'healthy']);
    expect(runs.filter(([code]) => code !== 0).length).toBeGreaterThanOrEqual(2);
  });

  it('asks for no more than read access to the repository', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});

describe('action.yml', () => {
  const action = yamlFile('action.yml');
  const steps: Step[] = action.runs.steps;
  const check = steps.find((s) => s.id === 'check')!;

  it('takes the documented inputs, none required, none a credential', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['allow-subscribe', 'config', 'fail-on', 'format', 'models', 'no-invoke', 'regions', 'wait', 'working-directory'].sort(),
    );
    for (const [name, input] of Object.entries<{ required?: boolean; description: string }>(action.inputs)) {
      expect(input.required, name).toBe(false);
      expect(input.description, name).toBeTruthy();
    }
    expect(JSON.stringify(action.inputs)).not.toMatch(/secret|access-key|session-token/i);
  });

  it('gives ready, exit-code and report from the check step', () => {
    expect(action.outputs).toEqual({
      ready: expect.objectContaining({ value: '${{ steps.check.outputs.ready }}' }),
      'exit-code': expect.objectContaining({ value: '${{ steps.check.outputs.exit-code }}' }),
      report: expect.objectContaining({ value: '${{ steps.check.outputs.report }}' }),
    });
  });

  it("is a composite action that installs from its own checkout, then checks", () => {
    expect(action.runs.using).toBe('composite');
    expect(steps.map((s) => s.id ?? s.name)).toEqual(['Install bedrock-doctor', 'check']);
    expect(steps[0]!.env?.ACTION_PATH).toBe('${{ github.action_path }}');
    expect(steps[0]!.run).toMatch(/cd "\$ACTION_PATH"\n[\s\S]*npm ci/);
    expect(check.env?.BEDROCK_DOCTOR).toBe('${{ github.action_path }}/bin/bedrock-doctor.js');
    expect(check['working-directory']).toBe('${{ inputs.working-directory }}');
    for (const step of steps) expect(step.shell, step.name).toBe('bash');
  });

  it('never splices an expression into a script: inputs arrive as variables', () => {
    for (const step of steps) expect(step.run, step.name).not.toMatch(/\$\{\{/);
  });
});

/** The check step's script as the runner runs it: its env with the expressions filled in. */
describe("the Action's check step", () => {
  const action = yamlFile('action.yml');
  const check = (action.runs.steps as Step[]).find((s) => s.id === 'check')!;

  let emulator: Emulator | undefined;
  let home: string | undefined;
  afterEach(async () => {
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
    emulator = home = undefined;
  });

  async function runStep(scenarioName: string, inputs: Record<string, string>) {
    const scenario = findScenario(scenarioName)!;
    emulator = await startEmulator(scenario);
    home = await mkdtemp(join(tmpdir(), 'bd-action-'));
    const files = { output: join(home, 'github-output'), summary: join(home, 'step-summary.md') };
    await writeFile(files.output, '');
    const defaults = Object.fromEntries(Object.entries<{ default?: string }>(action.inputs).map(([name, input]) => [name, input.default ?? '']));
    const values: Record<string, string> = { ...defaults, ...inputs };
    const fill = (text: string) =>
      text
        .replace(/\$\{\{ github\.action_path \}\}/g, fileURLToPath(root).replace(/\/$/, ''))
        .replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, name: string) => values[name] ?? '');
    const stepEnv = Object.fromEntries(Object.entries(check.env ?? {}).map(([k, v]) => [k, fill(v)]));
    const env = {
      ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })),
      ...stepEnv,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: home,
    };
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // The runner's own command line for `shell: bash`.
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', check.run!], { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const outputs = Object.fromEntries((await readFile(files.output, 'utf8')).trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
    return { ...result, outputs, summary: await readFile(files.summary, 'utf8').catch(() => ''), env };
  }

  it('a denied model fails the step with exit 1, its outputs, the annotations and the summary', async () => {
    const run = await runStep('iam-implicit-deny', { models: 'anthropic.claude-3-haiku-20240307-v1:0', regions: ' us-east-1 ' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ ready: 'false', 'exit-code': '1', report: join(home!, 'bedrock-doctor-report.json') });
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    expect(report).toMatchObject({ exitCode: 1, targets: [{ region: 'us-east-1', model: 'anthropic.claude-3-haiku-20240307-v1:0' }] });
    expect(run.stdout).toMatch(/^::error title=iam /m);
    expect(run.summary).toMatch(/### bedrock-doctor: ❌ not ready \(exit 1\)/);
    for (const secret of secretCanaries(run.env)) expect(run.stdout + run.stderr + run.summary).not.toContain(secret);
  });

  it('a matrix from lists, --fail-on and JSON: each flag reaches the CLI', async () => {
    const run = await runStep('throttled-invoke', {
      models: 'anthropic.claude-3-haiku-20240307-v1:0,\namazon.nova-lite-v1:0',
      regions: 'us-east-1',
      'fail-on': 'inconclusive',
      format: 'json',
    });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.targets).toHaveLength(2);
    expect(run.outputs).toMatchObject({ ready: 'false', 'exit-code': '1' });
  });

  it('a ready target passes the step', async () => {
    const run = await runStep('healthy', { models: 'anthropic.claude-3-haiku-20240307-v1:0', regions: 'us-east-1', 'no-invoke': 'true' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ ready: 'true', 'exit-code': '0' });
    expect(emulator!.requests.map((r) => r.operation)).not.toContain('Converse');
  });
});

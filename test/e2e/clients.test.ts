import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioEnvironment, secretCanaries, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { runCli, STACK_TRACE } from './cli.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

let emulator: Emulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
  emulator = home = undefined;
});

/** The healthy emulator, a home with the given files, and the CLI run from a project directory inside it. */
async function runFrom(args: string[] | ((home: string) => string[]), files: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const scenario = SCENARIOS.find((s) => s.name === 'healthy')!;
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-clients-'));
  const env = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), ...extraEnv };
  for (const [path, text] of Object.entries(files)) {
    const file = join(home, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, text);
  }
  await mkdir(join(home, 'project'), { recursive: true });
  // Run from a project directory inside the home, so no project file of the repository is read.
  const run = await runCli(typeof args === 'function' ? args(home) : args, env, undefined, 30_000, join(home, 'project'));
  const output = run.stdout + run.stderr;
  for (const secret of secretCanaries(env)) expect(output).not.toContain(secret);
  expect(output).not.toMatch(STACK_TRACE);
  return { run, env, requests: emulator.requests, home };
}

/** The action names the SimulatePrincipalPolicy requests asked about. */
function simulatedActions(requests: Emulator['requests']): string[] {
  return requests.filter((r) => r.operation === 'SimulatePrincipalPolicy').flatMap((r) => (r.params?.ActionNames as string[] | undefined) ?? []);
}

describe('check --from against the emulator', () => {
  it('claude-code: the us. small/fast model from an EU Region fails on region, the fix names the setting; the main model passes; streaming is checked', async () => {
    const settings = {
      env: {
        CLAUDE_CODE_USE_BEDROCK: '1',
        AWS_REGION: 'eu-west-1',
        ANTHROPIC_MODEL: 'eu.anthropic.claude-sonnet-4-20250514-v1:0',
        ANTHROPIC_DEFAULT_HAIKU_MODEL: 'us.anthropic.claude-3-haiku-20240307-v1:0',
      },
    };
    const { run, requests } = await runFrom(['check', '--from', 'claude-code', '--json'], { '.claude/settings.json': JSON.stringify(settings, null, 2) });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.regionSource).toBe('client');
    expect(report.targets).toEqual([
      expect.objectContaining({ model: 'eu.anthropic.claude-sonnet-4-20250514-v1:0', region: 'eu-west-1', origin: expect.objectContaining({ client: 'claude-code', roles: ['main model'], model: { setting: 'ANTHROPIC_MODEL', file: '~/.claude/settings.json' }, api: 'invoke', stream: true }) }),
      expect.objectContaining({ model: 'us.anthropic.claude-3-haiku-20240307-v1:0', region: 'eu-west-1', origin: expect.objectContaining({ roles: ['small/fast model'], model: { setting: 'ANTHROPIC_DEFAULT_HAIKU_MODEL', file: '~/.claude/settings.json' } }) }),
    ]);
    const checks = (model: string) => report.checks.filter((c: { model: string }) => c.model === model);
    const main = checks('eu.anthropic.claude-sonnet-4-20250514-v1:0');
    expect(main.map((c: { status: string }) => c.status)).toEqual(Array(7).fill('pass'));
    const small = checks('us.anthropic.claude-3-haiku-20240307-v1:0');
    const region = small.find((c: { gate: string }) => c.gate === 'region');
    expect(region).toMatchObject({ status: 'fail', cause: 'client-profile-geography-mismatch' });
    expect(region.fix).toContain('Set `ANTHROPIC_DEFAULT_HAIKU_MODEL` in ~/.claude/settings.json to eu.anthropic.claude-3-haiku-20240307-v1:0');
    expect(region.fix).toContain('listed in this Region');
    expect(small.find((c: { gate: string }) => c.gate === 'invoke').status).toBe('fail');
    expect(report.nextStep).toContain('ANTHROPIC_DEFAULT_HAIKU_MODEL');
    // Claude Code streams: the simulation asks for the streaming action too.
    expect(simulatedActions(requests)).toContain('bedrock:InvokeModelWithResponseStream');
    expect(report.client).toMatchObject({ name: 'claude-code', findings: expect.arrayContaining([expect.objectContaining({ cause: 'client-hidden-model' })]) });
  });

  it('litellm: two models, one through bedrock/converse/ and a profile, each in its own Region', async () => {
    const config = [
      'model_list:',
      '  - model_name: sonnet',
      '    litellm_params:',
      '      model: bedrock/converse/us.anthropic.claude-sonnet-4-20250514-v1:0',
      '      aws_region_name: os.environ/AWS_REGION_NAME',
      '  - model_name: haiku',
      '    litellm_params:',
      '      model: bedrock/anthropic.claude-3-haiku-20240307-v1:0',
      '      aws_region_name: us-west-2',
      '',
    ].join('\n');
    const { run, requests } = await runFrom((home) => ['check', '--from', `litellm:${join(home, 'litellm', 'config.yaml')}`, '--format', 'json'], { 'litellm/config.yaml': config }, { AWS_REGION_NAME: 'us-east-1' });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.targets.map((t: { model: string; region: string; origin: { roles: string[]; api: string } }) => [t.model, t.region, t.origin.roles, t.origin.api])).toEqual([
      ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'us-east-1', ['model_list: sonnet'], 'converse'],
      ['anthropic.claude-3-haiku-20240307-v1:0', 'us-west-2', ['model_list: haiku'], 'converse'],
    ]);
    expect(report.targets[0].origin.region.setting).toContain('os.environ/AWS_REGION_NAME');
    expect(report.checks).toHaveLength(14);
    expect(report.checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
    // Each model is called in its own Region.
    const converse = requests.filter((r) => r.operation === 'Converse').map((r) => r.region).sort();
    expect(converse).toEqual(['us-east-1', 'us-west-2']);
    // A proxy's callers may stream.
    expect(simulatedActions(requests)).toContain('bedrock:InvokeModelWithResponseStream');
  });

  it('--model adds a target in the client\'s Region, and the human report says where each target came from', async () => {
    const settings = { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-20250514-v1:0' } };
    const { run } = await runFrom(['check', '--from', 'claude-code', '--model', 'amazon.nova-lite-v1:0', '--no-invoke'], { '.claude/settings.json': JSON.stringify(settings) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Client claude-code');
    // Wrapped to the width: read as one line.
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/us\.anthropic\.claude-sonnet-4-20250514-v1:0 · us-east-1 \(claude-code main model: model from ANTHROPIC_MODEL in ~\/\.claude\/settings\.json; Region from AWS_REGION in ~\/\.claude\/settings\.json; invoke, streaming\)/);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/amazon\.nova-lite-v1:0 · us-east-1 \(claude-code --model: model from --model/);
  });

  it('a client not configured for Bedrock: one line naming the setting, exit 2, no AWS call', async () => {
    const { run, requests } = await runFrom(['check', '--from', 'claude-code'], { '.claude/settings.json': JSON.stringify({ env: { AWS_REGION: 'us-east-1' } }) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^bedrock-doctor: claude-code is not configured for Bedrock: CLAUDE_CODE_USE_BEDROCK is not set .*\(cause client-not-configured\)$/m);
    expect(requests).toEqual([]);
  });

  it('an unknown client name exits 2 and lists the supported ones', async () => {
    const { run, requests } = await runFrom(['check', '--from', 'cursor', '--json'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bedrock-doctor: --from "cursor" is not a supported client; supported: claude-code, litellm, opencode, continue, zed, goose, vercel-ai, langchain-js, langchain-python\n');
    expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, error: { kind: 'usage' } });
    expect(requests).toEqual([]);
  });
});

describe('clients', () => {
  it('lists every client, which are configured here and the files read, never a secret from them', async () => {
    const secret = 'bedrock-api-key-QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo';
    const { run } = await runFrom(['clients', '--json'], {
      '.claude/settings.json': JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_BEARER_TOKEN_BEDROCK: secret } }),
      '.config/goose/config.yaml': 'GOOSE_PROVIDER: openai\nOPENAI_API_KEY: sk-proj-neverPrintThis0123456789\n',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(secret);
    expect(run.stdout).not.toContain('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo');
    expect(run.stdout).not.toContain('sk-proj-neverPrintThis');
    const list = JSON.parse(run.stdout) as { name: string; configured: boolean; files: { path: string; found: boolean }[] }[];
    expect(list.map((c) => c.name)).toEqual(['claude-code', 'litellm', 'opencode', 'continue', 'zed', 'goose', 'vercel-ai', 'langchain-js', 'langchain-python']);
    expect(list.find((c) => c.name === 'claude-code')).toMatchObject({ configured: true, files: expect.arrayContaining([{ path: '~/.claude/settings.json', found: true }]) });
    expect(list.find((c) => c.name === 'goose')).toMatchObject({ configured: false, files: [{ path: '~/.config/goose/config.yaml', found: true }] });
    expect(list.find((c) => c.name === 'zed')).toMatchObject({ configured: false });
  });
});

/**
 * The package as people get it: `npm pack`, installed offline into an empty project, then the
 * CLI through npx and the library through its `exports`. The tarball has no dependencies, so
 * the install needs no registry.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosisOf } from '../schemas.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
let work: string;
let app: string;
let env: NodeJS.ProcessEnv;
let files: string[];

/** A command in the installed project: exit code and output, never a throw. */
async function inApp(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: app, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bd-pack-'));
  app = join(work, 'app');
  await mkdir(join(work, 'home'));
  await mkdir(app);
  // A private npm home and cache, offline: nothing from the developer's setup, nothing from the registry.
  env = {
    PATH: process.env.PATH ?? '',
    HOME: join(work, 'home'),
    npm_config_cache: join(work, 'cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_COLOR: '1',
  };
  // --ignore-scripts: pack the dist/ the test run just built, not a rebuild racing the other tests.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, env });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, info!.filename)], { cwd: app, env, timeout: 60_000 });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships only what runs: bin, built code with source maps, schemas, docs, README and LICENSE', () => {
    for (const path of ['bin/bedrock-doctor.js', 'dist/cli.js', 'dist/cli.js.map', 'dist/index.js', 'dist/types/api/index.d.ts', 'schema/report.schema.json', 'schema/explain.schema.json', 'docs/causes.md', 'docs/gates/iam.md', 'README.md', 'LICENSE', 'dist/THIRD-PARTY-LICENSES.txt', 'package.json']) {
      expect(files).toContain(path);
    }
    const unwanted = files.filter((f) => /^(src|test|scripts|bench|build|\.ci)\//.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')) || f === 'dist/meta.json' || /tsconfig|vitest/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs with no dependency of its own', async () => {
    expect((await readdir(join(app, 'node_modules'))).filter((name) => !name.startsWith('.'))).toEqual(['bedrock-doctor']);
  });

  it('npx bedrock-doctor --version prints the version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    const r = await inApp('npx', ['bedrock-doctor', '--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('npx bedrock-doctor demo --list lists the scenarios', async () => {
    const r = await inApp('npx', ['bedrock-doctor', 'demo', '--list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/healthy/);
    expect(r.stdout).toMatch(/iam-implicit-deny/);
  });

  it('npx bedrock-doctor demo healthy runs the real pipeline against the emulator: ready', async () => {
    const r = await inApp('npx', ['bedrock-doctor', 'demo', 'healthy']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✔ invoke/);
    expect(r.stdout).toMatch(/Ready/);
  });

  it('its types compile in a strict TypeScript project without skipLibCheck (no AWS SDK installed)', async () => {
    const source = [
      "import { runDoctor, explain, GATES, type DoctorOptions, type DoctorReport, type Diagnosis } from 'bedrock-doctor';",
      "const options: DoctorOptions = { models: ['amazon.nova-lite-v1:0'], regions: ['us-east-1'], only: ['iam'], signal: AbortSignal.timeout(1000) };",
      "// @ts-expect-error: not a gate id",
      "const wrong: DoctorOptions = { models: ['m'], only: ['iam-policy'] };",
      'export async function preflight(): Promise<string | null> {',
      '  const report: DoctorReport = await runDoctor(options);',
      "  const diagnosis: Diagnosis = explain('AccessDeniedException');",
      '  return report.ready ? null : `${report.nextStep} ${report.gatesRun.join()} ${diagnosis.fix} ${GATES.length} ${String(wrong)}`;',
      '}',
    ].join('\n');
    await writeFile(join(app, 'preflight.ts'), source);
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', typeRoots: [join(root, 'node_modules/@types')], types: ['node'] },
      files: ['preflight.ts'],
    }));
    const r = await inApp(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 90_000);

  it('the library imports by its package name and explains an error', async () => {
    const script = "import { explain } from 'bedrock-doctor'; console.log(JSON.stringify(explain(process.argv[1])));";
    const r = await inApp(process.execPath, ['--input-type=module', '-e', script, "AccessDeniedException: You don't have access to the model with the specified model ID."]);
    expect(r.code, r.stderr).toBe(0);
    expect(diagnosisOf(r.stdout)).toMatchObject({ gate: 'model-access', cause: 'model-access-not-granted' });
  });
});

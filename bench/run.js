// Benchmarks: `npm run bench` (it builds first). Speed and memory are measured here, not in tests.
// The built CLI runs as a separate process, as a user runs it, against the local AWS emulator on
// 127.0.0.1, which answers every request after BENCH_LATENCY_MS (default 200). Nothing reaches AWS.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { findScenario, startEmulator, scenarioEnvironment } = await import('../dist/sandbox.js');

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const bin = fileURLToPath(new URL('../bin/bedrock-doctor.js', import.meta.url));
const rssProbe = fileURLToPath(new URL('./peak-rss.js', import.meta.url));

/** Wall time (ms) of one process, and its peak RSS (MiB) when asked. */
function once(args, env, { rss = false } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = rss ? join(tmpdir(), `bd-rss-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
    const nodeArgs = rss ? ['--import', rssProbe, ...args] : args;
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, { env: rssFile ? { ...env, BENCH_RSS_FILE: rssFile } : env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', async (code) => {
      const ms = performance.now() - started;
      const peak = rssFile ? Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
      if (rssFile) await rm(rssFile, { force: true });
      resolve({ ms, code, peak });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each command once per round, in turn, for RUNS rounds after one warm-up round; returns
 * each command's samples. The machine's speed drifts between runs, so a ratio is taken round by
 * round (each pair ran side by side) and its median reported.
 */
async function rounds(commands, env) {
  const samples = commands.map(() => []);
  for (let round = -1; round < RUNS; round++) {
    for (const [i, { args, options }] of commands.entries()) {
      const sample = await once(args, env, options);
      if (round >= 0) samples[i].push(sample);
    }
  }
  return samples.map((list) => {
    const ms = list.map((s) => s.ms);
    return { list, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), codes: [...new Set(list.map((s) => s.code))], peak: Math.max(...list.map((s) => s.peak ?? 0)) };
  });
}

/** The median of a per-round ratio between two measured commands. */
const pairedRatio = (a, b, toB = (ms) => ms) => median(a.list.map((s, i) => s.ms / toB(b.list[i].ms))).toFixed(2);

const fmt = (m) => `${m.median.toFixed(0)} ms (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`;
const line = (label, text) => console.log(`${label.padEnd(46)} ${text}`);

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const MODELS = [HAIKU, 'amazon.nova-lite-v1:0', 'meta.llama3-8b-instruct-v1:0', 'global.anthropic.claude-sonnet-4-20250514-v1:0', 'us.amazon.nova-lite-v1:0', 'us.anthropic.claude-3-haiku-20240307-v1:0'];
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'];
const check = (regions, models) => [bin, 'check', ...regions.flatMap((r) => ['--region', r]), ...models.flatMap((m) => ['--model', m]), '--json'];

/** The calls of a healthy single-target check (as the emulator records them), as AWS CLI commands. */
const CLI_CALLS = [
  ['sts', 'get-caller-identity'],
  ['bedrock', 'list-foundation-models'],
  ['bedrock', 'get-foundation-model-availability', '--model-id', HAIKU],
  ['bedrock', 'get-use-case-for-model-access'],
  ['iam', 'get-context-keys-for-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/dev'],
  ['iam', 'simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/dev', '--action-names', 'bedrock:InvokeModel', '--resource-arns', `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`],
  ['bedrock-runtime', 'converse', '--model-id', HAIKU, '--messages', '[{"role":"user","content":[{"text":"hi"}]}]'],
];

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code));
  });
}

/** Median, min and max of the AWS CLI calls made one after another; null without an AWS CLI. */
async function awsCliByHand(env) {
  const cliEnv = { ...env, PATH: process.env.PATH ?? '' };
  if ((await run('aws', ['--version'], cliEnv)) !== 0) return null;
  const all = async () => {
    const started = performance.now();
    for (const call of CLI_CALLS) if ((await run('aws', [...call, '--region', 'us-east-1', '--output', 'json'], cliEnv)) !== 0) return null;
    return performance.now() - started;
  };
  await all();
  const samples = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const ms = await all();
    if (ms === null) return null;
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

const scenario = { ...findScenario('healthy'), behaviours: { '*': { delayMs: LATENCY } } };
const emulator = await startEmulator(scenario);
const home = await mkdtemp(join(tmpdir(), 'bd-bench-'));
try {
  const env = { ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${LATENCY} ms per AWS request, medians of ${RUNS} rounds after a warm-up; ratios taken round by round`);

  const [node, version, explain] = await rounds(
    [{ args: ['-e', '0'] }, { args: [bin, '--version'] }, { args: [bin, 'explain', 'ExpiredTokenException: The security token included in the request is expired'] }],
    env,
  );
  line('node -e 0', fmt(node));
  line('--version (cold start)', `${fmt(version)}  = ${pairedRatio(version, node)} x bare Node`);
  line('explain, a short text (cold start)', `${fmt(explain)}  = ${pairedRatio(explain, node)} x bare Node`);

  // Each check is paired with a --version run (for its bound) or with the single target.
  const [single, versionBeside] = await rounds([{ args: check(['us-east-1'], [HAIKU]) }, { args: [bin, '--version'] }], env);
  line('check, 1 healthy target', `${fmt(single)}  exit ${single.codes.join(',')}`);
  line('  / bound (--version + 3 x latency)', pairedRatio(single, versionBeside, (ms) => ms + 3 * LATENCY));
  line('  / limit (--version + 2 x latency)', pairedRatio(single, versionBeside, (ms) => ms + 2 * LATENCY));

  const [medium, singleBesideMedium] = await rounds([{ args: check(REGIONS.slice(0, 4), MODELS.slice(0, 3)) }, { args: check(['us-east-1'], [HAIKU]) }], env);
  line('check, 4 Regions x 3 models', `${fmt(medium)}  = ${pairedRatio(medium, singleBesideMedium)} x the single target`);
  const [large, singleBesideLarge] = await rounds([{ args: check(REGIONS, MODELS), options: { rss: true } }, { args: check(['us-east-1'], [HAIKU]) }], env);
  line('check, 8 Regions x 6 models (48 cells)', `${fmt(large)}  = ${pairedRatio(large, singleBesideLarge)} x the single target`);
  line('  peak RSS of the 48-cell run', `${large.peak.toFixed(0)} MiB`);

  // The same calls typed by hand with the AWS CLI, one after another, when one is installed.
  const byHand = await awsCliByHand(env);
  if (byHand) line('the same calls with the AWS CLI, one by one', `${fmt(byHand)}  check = ${(single.median / byHand.median).toFixed(2)} x`);
  else line('the same calls with the AWS CLI', 'not measured: no `aws` on PATH');
} finally {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
}

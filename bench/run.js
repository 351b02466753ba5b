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

/** Median, min and max over RUNS runs after one warm-up. */
async function measure(args, env, options) {
  await once(args, env, options);
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once(args, env, options));
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return { median: sorted[Math.floor(sorted.length / 2)].ms, min: sorted[0].ms, max: sorted.at(-1).ms, codes: [...new Set(samples.map((s) => s.code))], peak: Math.max(...samples.map((s) => s.peak ?? 0)) };
}

const fmt = (m) => `${m.median.toFixed(0)} ms (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`;
const ratio = (a, b) => (a / b).toFixed(2);
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
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${LATENCY} ms per AWS request, median of ${RUNS} runs after a warm-up`);

  const node = await measure(['-e', '0'], env);
  const version = await measure([bin, '--version'], env);
  const explain = await measure([bin, 'explain', 'ExpiredTokenException: The security token included in the request is expired'], env);
  line('node -e 0', fmt(node));
  line('--version (cold start)', `${fmt(version)}  = ${ratio(version.median, node.median)} x bare Node`);
  line('explain, a short text (cold start)', `${fmt(explain)}  = ${ratio(explain.median, node.median)} x bare Node`);

  const single = await measure(check(['us-east-1'], [HAIKU]), env);
  const bound = version.median + 3 * LATENCY;
  const limit = version.median + 2 * LATENCY;
  line('check, 1 healthy target', `${fmt(single)}  exit ${single.codes.join(',')}`);
  line('  / bound (--version + 3 x latency)', ratio(single.median, bound));
  line('  / limit (--version + 2 x latency)', ratio(single.median, limit));

  const medium = await measure(check(REGIONS.slice(0, 4), MODELS.slice(0, 3)), env);
  line('check, 4 Regions x 3 models', `${fmt(medium)}  = ${ratio(medium.median, single.median)} x the single target`);
  const large = await measure(check(REGIONS, MODELS), env, { rss: true });
  line('check, 8 Regions x 6 models (48 cells)', `${fmt(large)}  = ${ratio(large.median, single.median)} x the single target`);
  line('  peak RSS of the 48-cell run', `${large.peak.toFixed(0)} MiB`);

  // The same calls typed by hand with the AWS CLI, one after another, when one is installed.
  const byHand = await awsCliByHand(env);
  if (byHand) line('the same calls with the AWS CLI, one by one', `${fmt(byHand)}  check = ${ratio(single.median, byHand.median)} x`);
  else line('the same calls with the AWS CLI', 'not measured: no `aws` on PATH');
} finally {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
}

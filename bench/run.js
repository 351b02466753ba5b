// Benchmarks: `npm run bench` (after the build). Speed and memory are measured here, not in tests.
// Everything runs against the local emulator on 127.0.0.1; nothing reaches AWS.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { classify } = await import('../dist/diagnosis/index.js');
const { SCENARIOS, startEmulator, scenarioEnvironment, findScenario } = await import('../dist/sandbox/index.js');

/**
 * The SDK reads process.env itself, so an in-process run needs the scenario's environment there:
 * every AWS_* variable becomes exactly the scenario's. Returns a function that restores it.
 */
function applyEnvironment(env) {
  const saved = new Map();
  const touch = (key, value) => {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') && !(key in env)) touch(key, undefined);
  for (const [key, value] of Object.entries(env)) touch(key, value);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
const { planCheck } = await import('../dist/pipeline/plan.js');
const { runCheck } = await import('../dist/pipeline/run.js');

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const report = (name, samples, unit = 'ms') =>
  console.log(`${name.padEnd(44)} p50 ${quantile(samples, 0.5).toFixed(2)} ${unit}   p95 ${quantile(samples, 0.95).toFixed(2)} ${unit}   n=${samples.length}`);

// 1. The classifier over the shared corpus.
const corpusUrl = new URL('../../shared/bedrock-errors/corpus.jsonl', import.meta.url);
const texts = readFileSync(corpusUrl, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).message);
const perText = [];
for (let round = 0; round < 20; round++) {
  for (const text of texts) {
    const t = performance.now();
    classify(text);
    perText.push(performance.now() - t);
  }
}
report('classify(text), corpus', perText);
const big = 'x'.repeat(4 * 1024 * 1024);
const t0 = performance.now();
classify(big);
console.log(`${'classify(4 MiB of text)'.padEnd(44)} ${(performance.now() - t0).toFixed(1)} ms`);

// 2. Whole check runs in-process against the emulator (real SDK clients over HTTP).
async function timeScenario(name, models, regions, rounds) {
  const scenario = findScenario(name);
  const emulator = await startEmulator(scenario);
  const home = await mkdtemp(join(tmpdir(), 'bd-bench-'));
  const restore = applyEnvironment({
    ...(await scenarioEnvironment(scenario, emulator, { home, inherit: process.env })),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const samples = [];
  let requests = 0;
  try {
    for (let i = 0; i < rounds; i++) {
      const before = emulator.requests.length;
      const plan = await planCheck({ regions, models, noInvoke: false, allowSubscribe: false, stream: false, timeoutSeconds: 30 }, process.env);
      const t = performance.now();
      await runCheck(plan, { env: process.env });
      samples.push(performance.now() - t);
      requests = emulator.requests.length - before;
    }
  } finally {
    restore();
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
  return { samples, requests };
}
const single = await timeScenario('healthy', ['anthropic.claude-3-haiku-20240307-v1:0'], ['us-east-1'], 30);
report(`check healthy, 1 target (${single.requests} requests)`, single.samples);
const matrix = await timeScenario(
  'healthy',
  ['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-lite-v1:0', 'us.anthropic.claude-sonnet-4-20250514-v1:0'],
  ['us-east-1', 'us-west-2', 'eu-central-1'],
  10,
);
report(`check healthy, 3x3 matrix (${matrix.requests} requests)`, matrix.samples);
const slow = await timeScenario('slow-network', ['anthropic.claude-3-haiku-20240307-v1:0'], ['us-east-1'], 3);
report('check, 400 ms per call (critical path)', slow.samples);
console.log(`${'  = round trips on the critical path'.padEnd(44)} ${(quantile(slow.samples, 0.5) / 400).toFixed(1)}`);

// 3. CLI start-up, as a user runs it.
const bin = fileURLToPath(new URL('../bin/bedrock-doctor.js', import.meta.url));
const startup = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [bin, '--version']);
  startup.push(performance.now() - t);
}
report('bedrock-doctor --version (process start)', startup);
console.log(`${'peak RSS of this process'.padEnd(44)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(`(${SCENARIOS.length} scenarios available; node ${process.version})`);

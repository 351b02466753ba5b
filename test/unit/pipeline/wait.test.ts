import { GATES } from '../../../src/types.js';
import { describe, expect, it } from 'vitest';
import { checkUntilReady, DEFAULT_BACKOFF, retryDelay, type AttemptProgress } from '../../../src/pipeline/wait.js';
import type { Plan } from '../../../src/pipeline/plan.js';
import type { RunResult } from '../../../src/pipeline/result.js';
import { parseModelRef } from '../../../src/vocabulary/model-id.js';
import { check, run } from '../report/fixtures.js';

describe('the backoff of --wait', () => {
  const delays = Array.from({ length: 12 }, (_, i) => retryDelay(i + 1));

  it('retries first after 10 to 15 s', () => {
    expect(delays[0]).toBeGreaterThanOrEqual(10_000);
    expect(delays[0]).toBeLessThanOrEqual(15_000);
  });

  it('grows, never more often than every 10 s, up to once a minute', () => {
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10_000);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(Math.max(...delays)).toBe(DEFAULT_BACKOFF.capMs);
  });
});

const MODEL = 'amazon.nova-lite-v1:0';
const target = (region: string) => ({ region, model: MODEL, ref: parseModelRef(MODEL) });
const plan = (regions: string[]): Plan => ({ targets: regions.map(target), options: { noInvoke: false, allowSubscribe: false, stream: false }, regionSource: 'flag', timeoutMs: 60_000, gates: [...GATES], only: null });
const isReady = (checks: RunResult['checks']) => checks.every((c) => c.status === 'pass');

describe('checkUntilReady', () => {
  it('re-checks only the targets not ready, and reports each target from its last attempt', async () => {
    const asked: string[][] = [];
    const progress: AttemptProgress[] = [];
    const result = await checkUntilReady(
      plan(['us-east-1', 'us-west-2']),
      async (p) => {
        asked.push(p.targets.map((t) => t.region));
        // us-west-2 is denied on the first attempt only.
        return run(p.targets.map((t) => check('iam', t.region === 'us-west-2' && asked.length === 1 ? 'fail' : 'pass', null, { region: t.region })));
      },
      { waitMs: 10_000, backoff: { baseMs: 5, capMs: 10 }, isReady, onAttempt: (p) => progress.push(p) },
    );
    expect(asked).toEqual([['us-east-1', 'us-west-2'], ['us-west-2']]);
    expect(result.attempts).toBe(2);
    expect(result.run.targets).toEqual([{ region: 'us-east-1', model: MODEL }, { region: 'us-west-2', model: MODEL }]);
    expect(result.run.checks.map((c) => [c.region, c.status])).toEqual([['us-east-1', 'pass'], ['us-west-2', 'pass']]);
    expect(progress.map((p) => [p.attempt, p.notReady.map((n) => n.target.region), p.nextInMs])).toEqual([[1, ['us-west-2'], 5], [2, [], null]]);
  });

  it('stops when the wait runs out, with the last status', async () => {
    let attempts = 0;
    const result = await checkUntilReady(plan(['us-east-1']), async () => run([check('iam', 'fail', null, { summary: `attempt ${++attempts}` })]), {
      waitMs: 200,
      backoff: { baseMs: 10, capMs: 20 },
      isReady,
    });
    expect(result.attempts).toBe(attempts);
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    // Sleeps of 10, 15, then 20 ms (the last one cut to what is left, but never below 10):
    // no more than 12 attempts fit in 200 ms.
    expect(result.attempts).toBeLessThanOrEqual(12);
    expect(result.run.checks[0]).toMatchObject({ status: 'fail', summary: `attempt ${attempts}` });
  });

  it('a signal between attempts ends the wait, marked interrupted by it', async () => {
    const controller = new AbortController();
    const result = await checkUntilReady(plan(['us-east-1']), async () => run([check('iam', 'fail')]), {
      waitMs: 60_000,
      backoff: { baseMs: 30_000, capMs: 30_000 },
      isReady,
      signal: controller.signal,
      onAttempt: () => setImmediate(() => controller.abort('SIGTERM')),
    });
    expect(result.attempts).toBe(1);
    expect(result.run).toMatchObject({ interrupted: true, interruptedBy: 'SIGTERM' });
  });

  it('an attempt that was interrupted is the last', async () => {
    let attempts = 0;
    const result = await checkUntilReady(plan(['us-east-1']), async () => (attempts++, run([check('iam', 'fail')], { interrupted: true, interruptedBy: 'SIGINT' })), {
      waitMs: 60_000,
      backoff: { baseMs: 1, capMs: 1 },
      isReady,
    });
    expect(attempts).toBe(1);
    expect(result.run.interruptedBy).toBe('SIGINT');
  });
});

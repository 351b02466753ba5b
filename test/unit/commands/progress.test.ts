import { describe, expect, it } from 'vitest';
import { waitingText } from '../../../src/commands/progress.js';

const call = (operation: string, startedAt: number, region?: string) => ({ service: 'bedrock-runtime', operation, region, startedAt });

describe('the spinner text', () => {
  it.each([
    ['no call in flight', [], 'Checking… 3/7'],
    ['the oldest call in flight', [call('ListInferenceProfiles', 5_000, 'us-east-1'), call('Converse', 0, 'us-east-1')], 'Checking… 3/7, waiting on bedrock-runtime Converse in us-east-1 (8 s)'],
    ['a call without a Region', [call('Converse', 0)], 'Checking… 3/7, waiting on bedrock-runtime Converse (8 s)'],
  ])('names %s', (_case, calls, text) => {
    expect(waitingText(calls, 8_400, 3, 7)).toBe(text);
  });

  it.each([
    [9_999, false],
    [10_000, true],
  ])('after %i ms on one call says it is slow: %s', (ms, slow) => {
    expect(waitingText([call('Converse', 0)], ms, 0, 7).endsWith(' — this is taking longer than usual')).toBe(slow);
  });
});

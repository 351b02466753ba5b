import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/commands/duration.js';
import { progressLine, waitSettings } from '../../../src/commands/wait.js';
import { check } from '../report/fixtures.js';

describe('--wait durations', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['45', 45_000],
    ['1.5m', 90_000],
    ['0', 0],
  ])('%j is %i ms', (value, ms) => {
    expect(parseDuration(value, '--wait')).toBe(ms);
  });

  it.each(['15 minutes', '2d', 'm', '', '-5s', '10s5'])('%j is a usage error naming the value', (value) => {
    expect(() => parseDuration(value, '--wait')).toThrow(/^--wait ".*" is not a duration such as 90s, 15m or 1h30m$/);
  });

  it('refuses more than a day', () => {
    expect(() => parseDuration('25h', '--wait')).toThrow('--wait "25h" is longer than 24h');
  });

  it.each([
    [12_000, '12s'],
    [60_000, '1m'],
    [75_000, '1m 15s'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('waitSettings', () => {
  it('is undefined without --wait, and the documented backoff without the test variable', () => {
    expect(waitSettings(undefined, {})).toBeUndefined();
    expect(waitSettings('15m', {})).toEqual({ waitMs: 900_000 });
  });

  it('takes a shorter backoff for tests from BEDROCK_DOCTOR_WAIT_BACKOFF_MS', () => {
    expect(waitSettings('2s', { BEDROCK_DOCTOR_WAIT_BACKOFF_MS: '200,800' })).toEqual({ waitMs: 2000, backoff: { baseMs: 200, capMs: 800 } });
    expect(() => waitSettings('2s', { BEDROCK_DOCTOR_WAIT_BACKOFF_MS: '800,200' })).toThrow(/is not "base,cap" in milliseconds/);
  });
});

describe('progress lines', () => {
  const target = { region: 'us-east-1', model: 'amazon.nova-lite-v1:0' };

  it('names each target not ready by its worst finding, and when the next check comes', () => {
    const line = progressLine(
      { attempt: 1, targets: 2, notReady: [{ target, checks: [check('iam', 'warn'), check('provider-terms', 'pending')] }], nextInMs: 12_000, elapsedMs: 3_000 },
      900_000,
    );
    expect(line).toBe('Attempt 1: 1 of 2 targets not ready (amazon.nova-lite-v1:0 · us-east-1: provider-terms pending); next check in 12s (14m 57s of the wait left).\n');
  });

  it('says when the wait is over, and when everything is ready', () => {
    expect(progressLine({ attempt: 4, targets: 1, notReady: [{ target, checks: [check('iam', 'fail')] }], nextInMs: null, elapsedMs: 90_000 }, 90_000)).toMatch(
      /^Attempt 4: 1 of 1 target not ready \(.*: iam fail\); the 1m 30s wait is over\.\n$/,
    );
    expect(progressLine({ attempt: 2, targets: 3, notReady: [], nextInMs: null, elapsedMs: 13_000 }, 90_000)).toBe('Attempt 2: all 3 targets are ready (after 13s).\n');
  });
});

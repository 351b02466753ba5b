import { describe, expect, it } from 'vitest';
import { parseFailOn } from '../../../src/pipeline/fail-on.js';
import { buildReport } from '../../../src/report/json.js';
import { check, run } from '../report/fixtures.js';

describe('--fail-on', () => {
  it.each([
    ['warn', ['warn']],
    ['Warn, PENDING', ['warn', 'pending']],
    ['inconclusive,pending,inconclusive', ['inconclusive', 'pending']],
    ['', []],
  ])('reads %j', (value, statuses) => {
    expect(parseFailOn(value)).toEqual(statuses);
  });

  it.each(['fail', 'warning', 'skip', 'warn;pending'])('refuses %j in one line naming the word', (value) => {
    expect(() => parseFailOn(value)).toThrow(/^--fail-on ".+" is not one of warn, inconclusive, pending \(comma-separated\)$/);
  });

  it.each([
    ['inconclusive', [], 3],
    ['inconclusive', ['inconclusive'], 1],
    ['pending', ['inconclusive'], 3],
    ['pending', ['pending'], 1],
    ['warn', ['pending'], 0],
    ['warn', ['warn'], 1],
  ] as const)('%s with --fail-on %j: exit %i', (status, failOn, exitCode) => {
    expect(buildReport(run([check('iam', 'pass'), check('invoke', status)]), { failOn }).exitCode).toBe(exitCode);
  });

  it('--strict is --fail-on warn, and combines with other statuses', () => {
    const checks = [check('iam', 'warn'), check('invoke', 'inconclusive')];
    expect(buildReport(run(checks), { strict: true }).exitCode).toBe(1);
    expect(buildReport(run([check('invoke', 'inconclusive')]), { strict: true, failOn: ['inconclusive'] }).exitCode).toBe(1);
    expect(buildReport(run([check('invoke', 'inconclusive')]), { strict: true }).exitCode).toBe(3);
  });
});

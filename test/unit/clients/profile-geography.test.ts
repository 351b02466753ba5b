import { describe, expect, it } from 'vitest';
import { profileGeographyFits } from '../../../src/vocabulary/profile-geography.js';

describe('whether a geographic profile is offered from a Region (the documented lists of geographies.ts)', () => {
  it.each([
    ['us', 'us-east-1', 'match'],
    ['us', 'ca-central-1', 'match'], // AWS documents Canada (Central) as a source Region of US profiles
    ['us', 'eu-west-1', 'mismatch'],
    ['eu', 'us-east-1', 'mismatch'],
    ['apac', 'me-central-1', 'match'],
    ['jp', 'ap-northeast-2', 'mismatch'],
    ['global', 'eu-west-1', 'unknown'],
    ['us', 'sa-east-1', 'unknown'],
  ] as const)('%s. from %s: %s', (prefix, region, fit) => {
    expect(profileGeographyFits(prefix, region)).toBe(fit);
  });
});

import { partition } from '@aws-sdk/core/client';
import { describe, expect, it } from 'vitest';
import { BEDROCK_REGIONS, isRegionShaped, partitionOf } from '../../../src/vocabulary/regions.js';

describe('Regions and partitions', () => {
  it.each([...BEDROCK_REGIONS, 'cn-north-1', 'cn-northwest-1', 'eu-isoe-west-1', 'us-isob-east-1', 'us-gov-west-1', 'ap-southeast-7', 'mx-central-1', 'fips-us-east-1', 'us-east-1-fips'])(
    '%s: the same partition as the SDK says',
    (region) => {
      expect(partitionOf(region)).toBe(partition(region.replace(/^fips-|-fips$/g, '')).name);
    },
  );

  it.each([['mars-north-9', false], ['xx-east-1', false], ['not a region', false], ['us-east-1', true], ['eusc-de-east-1', true]])('%s is Region-shaped: %s', (region, shaped) => {
    expect(isRegionShaped(region as string)).toBe(shaped);
  });
});

import { partition } from '@aws-sdk/core/client';

/**
 * Regions that host the Bedrock control plane (botocore endpoints.json, service `bedrock`,
 * 2026-08). The SDK's partition data knows which Regions exist, not which host Bedrock,
 * so this one list is kept by hand. Model availability still differs per Region:
 * ListFoundationModels in the Region is the authority.
 */
export const BEDROCK_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-iso-east-1',
  'us-isob-east-1',
  'us-isof-east-1',
  'us-isof-south-1',
  'eusc-de-east-1',
];

const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** FIPS pseudo-Regions (`fips-us-east-1`, `us-east-1-fips`) name a real Region. */
export function realRegion(region: string): string {
  return region.replace(/^fips-/, '').replace(/-fips$/, '');
}

/** True when the string could be an AWS Region name at all (syntax, not existence). */
export function isRegionShaped(region: string): boolean {
  return REGION_SHAPE.test(realRegion(region));
}

export function hostsBedrock(region: string): boolean {
  return BEDROCK_REGIONS.includes(realRegion(region));
}

/** The ARN partition for a Region (`aws`, `aws-us-gov`, `aws-cn`, …), from the SDK's partition data. */
export function partitionOf(region: string): string {
  return partition(realRegion(region)).name;
}

import { nearestName } from './nearest-name.js';

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

/**
 * The partitions and their Region patterns, as in the SDK's partitions.json (@aws-sdk/core
 * util-endpoints; not exported, and loading the SDK for it would cost explain its start-up).
 * They accept every Region AWS may add, and reject names no partition could hold
 * (`mars-north-9`, `xx-east-1`). A test holds this table against the SDK's own partition().
 */
const PARTITIONS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
];

/** Whether a name is one of the AWS partitions (`aws`, `aws-us-gov`, `aws-cn`, …). */
export function isPartition(name: string): boolean {
  return PARTITIONS.some(([partition]) => partition === name);
}

/** FIPS pseudo-Regions (`fips-us-east-1`, `us-east-1-fips`) name a real Region. */
export function realRegion(region: string): string {
  return region.replace(/^fips-/, '').replace(/-fips$/, '');
}

/** True when some AWS partition could hold a Region of this name (not that it exists). */
export function isRegionShaped(region: string): boolean {
  const real = realRegion(region);
  return PARTITIONS.some(([, pattern]) => pattern.test(real));
}

export function isFipsRegion(region: string): boolean {
  return realRegion(region) !== region;
}

export function hostsBedrock(region: string): boolean {
  return BEDROCK_REGIONS.includes(realRegion(region));
}

/** The ARN partition for a Region (`aws`, `aws-us-gov`, `aws-cn`, …); `aws` for a name no pattern holds, as the SDK answers. */
export function partitionOf(region: string): string {
  const real = realRegion(region);
  return PARTITIONS.find(([, pattern]) => pattern.test(real))?.[0] ?? 'aws';
}

/** The direction words of commercial Region names (`us-east-1`, `ap-southeast-7`, `ca-west-1`). */
const DIRECTIONS = /^(east|west|north|south|central|northeast|northwest|southeast|southwest)$/;

/**
 * Why a Region name cannot be right, with the nearest Bedrock Region for a near-miss; null when
 * it could be a Region (the endpoint then decides whether Bedrock is there).
 */
export function regionProblem(region: string): string | null {
  const real = realRegion(region);
  const commercial = /^(us|eu|ap|sa|ca|me|af|il|mx)-(\w+)-\d+$/.exec(real);
  if (isRegionShaped(region) && (!commercial || DIRECTIONS.test(commercial[2]!))) return null;
  const nearest = nearestName(real.toLowerCase(), BEDROCK_REGIONS, 3);
  const some = BEDROCK_REGIONS.slice(0, 4).join(', ');
  return `"${region.slice(0, 60)}" is not an AWS Region name${nearest ? `; did you mean ${nearest}?` : ` (Bedrock Regions: ${some} and ${BEDROCK_REGIONS.length - 4} more)`}`;
}


/**
 * The documented Regions of each cross-Region inference geography (`us.`, `eu.`, `apac.` …):
 * the fallback when GetInferenceProfile cannot be asked. The real destinations depend on the
 * model and the source Region and can only be read from the profile; these lists are the
 * union AWS documents for the geography, so a policy built on them may name a Region the
 * profile never routes to, never miss one it documents.
 */

import { partitionOf, realRegion } from './regions.js';

export interface Geography {
  prefix: string;
  name: string;
  /** The Regions the geography may route to (each is also a source Region). */
  regions: readonly string[];
  /** Documented source Regions that are not documented destinations (ca-central-1 for us.). */
  extraSources?: readonly string[];
}

/** Where the lists below come from, for the note printed beside a policy built on them. */
export const GEOGRAPHY_SOURCE =
  'the documented Regions of the geography (Amazon Bedrock user guide, "Supported Regions and models for inference profiles"; AWS CDK CrossRegionInferenceProfileRegion)';

/*
 * Sources:
 * - https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 *   (Supported Regions and models for inference profiles) and
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html,
 *   whose US example routes us.anthropic.claude-sonnet-4-5 to us-east-1, us-east-2 and us-west-2.
 *   No US system profile found there names us-west-1 as a destination, so it is not listed.
 * - Canada (Central) as a source Region of US profiles: AWS Machine Learning Blog, "Accelerate
 *   generative AI innovation in Canada with Amazon Bedrock cross-Region inference" (Nov 2025).
 * - The other lists: the same user-guide page, as summarised by AWS CDK CrossRegionInferenceProfileRegion.
 */
const GEOGRAPHIES: readonly Geography[] = [
  { prefix: 'us', name: 'United States', regions: ['us-east-1', 'us-east-2', 'us-west-2'], extraSources: ['ca-central-1'] },
  {
    prefix: 'eu',
    name: 'Europe',
    regions: ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3'],
  },
  {
    prefix: 'apac',
    name: 'Asia Pacific',
    regions: [
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
      'ap-southeast-7',
      'me-central-1',
    ],
  },
  { prefix: 'jp', name: 'Japan', regions: ['ap-northeast-1', 'ap-northeast-3'] },
  { prefix: 'au', name: 'Australia', regions: ['ap-southeast-2', 'ap-southeast-4'] },
  { prefix: 'us-gov', name: 'AWS GovCloud (US)', regions: ['us-gov-east-1', 'us-gov-west-1'] },
];

/** The geography of a profile prefix; undefined for `global` and for a prefix with no documented list. */
export function geographyOf(prefix: string): Geography | undefined {
  return GEOGRAPHIES.find((g) => g.prefix === prefix);
}

/** Whether a profile of the geography is documented as callable from the Region. */
export function isSourceRegion(geography: Geography, region: string): boolean {
  const real = realRegion(region);
  return geography.regions.includes(real) || (geography.extraSources ?? []).includes(real);
}

/**
 * The Regions whose foundation model a call from `region` through the geography's profile must be
 * allowed in: the geography's Regions, and the source Region itself (AWS: "the foundation model
 * in the source Region" and "in all destination Regions listed in the geographic profile").
 */
export function modelRegionsFrom(geography: Geography, region: string): string[] {
  const real = realRegion(region);
  return geography.regions.includes(real) || !isSourceRegion(geography, real) ? [...geography.regions] : [real, ...geography.regions];
}

/** The geographies a Region may call profiles of. */
export function geographiesFrom(region: string): Geography[] {
  return GEOGRAPHIES.filter((g) => isSourceRegion(g, region));
}

/** A `global.` profile is callable from the commercial partition's Regions. */
export function globalProfileCallableFrom(region: string): boolean {
  return partitionOf(region) === 'aws';
}

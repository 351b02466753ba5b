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
  /** The Regions the geography may route to; a source Region is one of them. */
  regions: readonly string[];
}

/** Where the lists below come from, for the note printed beside a policy built on them. */
export const GEOGRAPHY_SOURCE =
  'the documented Regions of the geography (Amazon Bedrock user guide, "Supported Regions and models for inference profiles"; AWS CDK CrossRegionInferenceProfileRegion)';

const GEOGRAPHIES: readonly Geography[] = [
  { prefix: 'us', name: 'United States', regions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'] },
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

/** The geographies a Region may call profiles of (a source Region is one of the geography's Regions). */
export function geographiesFrom(region: string): Geography[] {
  const real = realRegion(region);
  return GEOGRAPHIES.filter((g) => g.regions.includes(real));
}

/** A `global.` profile is callable from the commercial partition's Regions. */
export function globalProfileCallableFrom(region: string): boolean {
  return partitionOf(region) === 'aws';
}

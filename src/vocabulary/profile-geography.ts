/**
 * Whether a geographic inference profile is offered from a Region, by its prefix. The region
 * gate asks ListInferenceProfiles; this is for what must be said before any call: a client
 * configuration that pairs a `us.` profile with an EU Region. The Region lists are those of
 * geographies.ts (the documented ones); only clear mismatches are named: a prefix or Region
 * not listed there is "unknown", never a mismatch.
 */
import { geographiesFrom, geographyOf, isSourceRegion } from './geographies.js';

/** The widest geographic prefix offered from a Region (us-east-1 → us; every ap- Region → apac, which jp. and au. narrow). */
const PREFIX_OF_REGION: [RegExp, string][] = [
  [/^us-gov-/, 'us-gov'],
  [/^us-(east|west)-\d+$/, 'us'],
  [/^eu-/, 'eu'],
  [/^ap-/, 'apac'],
  [/^ca-/, 'ca'],
];

/**
 * 'mismatch' when a profile of this geography is surely not offered from the Region; 'match'
 * when the Region is one of its source Regions; 'unknown' for `global.` and what is not listed.
 */
export function profileGeographyFits(prefix: string, region: string): 'match' | 'mismatch' | 'unknown' {
  const geography = geographyOf(prefix);
  if (!geography) return 'unknown';
  if (isSourceRegion(geography, region)) return 'match';
  return geographiesFrom(region).length > 0 ? 'mismatch' : 'unknown';
}

/** The same profile in the Region's own geography (`us.x` from eu-west-1 → `eu.x`), if the Region has one. */
export function profileForRegion(baseId: string, region: string): string | null {
  const prefix = PREFIX_OF_REGION.find(([pattern]) => pattern.test(region))?.[1];
  return prefix ? `${prefix}.${baseId}` : null;
}

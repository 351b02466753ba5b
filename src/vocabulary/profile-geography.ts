/**
 * Which source Regions a geographic inference profile is offered from, by its prefix. The
 * region gate asks ListInferenceProfiles; this is for what must be said before any call: a
 * client configuration that pairs a `us.` profile with an EU Region. Only clear mismatches
 * are named; a prefix or Region not listed here is "unknown", never a mismatch.
 */
const SOURCE_REGIONS: Record<string, RegExp> = {
  us: /^us-(east|west)-\d+$/,
  eu: /^eu-(west|central|north|south)-\d+$/,
  apac: /^ap-/,
  jp: /^ap-northeast-(1|3)$/,
  au: /^ap-southeast-(2|4)$/,
  ca: /^ca-/,
  'us-gov': /^us-gov-/,
};

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
  const sources = SOURCE_REGIONS[prefix];
  if (!sources) return 'unknown';
  if (sources.test(region)) return 'match';
  return PREFIX_OF_REGION.some(([pattern]) => pattern.test(region)) ? 'mismatch' : 'unknown';
}

/** The same profile in the Region's own geography (`us.x` from eu-west-1 → `eu.x`), if the Region has one. */
export function profileForRegion(baseId: string, region: string): string | null {
  const prefix = PREFIX_OF_REGION.find(([pattern]) => pattern.test(region))?.[1];
  return prefix ? `${prefix}.${baseId}` : null;
}

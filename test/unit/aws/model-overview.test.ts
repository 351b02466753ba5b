import { describe, expect, it } from 'vitest';
import { modelOverview } from '../../../src/aws/model-overview.js';
import type { Lookups } from '../../../src/aws/lookups.js';
import { diagnosisOf } from '../../../src/diagnosis/index.js';

const ok = <T>(value: T) => ({ ok: true as const, value, evidence: { service: 'bedrock', operation: 'X' }, durationMs: 0 });

/** Look-ups that answer from memory, and count how many availability calls are in flight at once. */
function fakeLookups(models: number, options: { denyAvailability?: boolean } = {}) {
  let inFlight = 0;
  let most = 0;
  const lookups = {
    models: async () => ok(Array.from({ length: models }, (_, i) => ({ modelId: `p.model-${i}`, providerName: 'P', modelName: `M${i}`, inferenceTypesSupported: ['ON_DEMAND'], modelLifecycle: { status: 'ACTIVE' } }))),
    profiles: async () => ok([{ inferenceProfileId: 'us.p.model-1', models: [{ modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/p.model-1' }] }]),
    availability: async (_region: string, modelId: string) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      if (options.denyAvailability) {
        return { ok: false as const, error: new Error('denied'), diagnosis: diagnosisOf('lookup-denied', 1), evidence: { service: 'bedrock', operation: 'GetFoundationModelAvailability', errorName: 'AccessDeniedException' }, durationMs: 0 };
      }
      return ok({ modelId, authorizationStatus: 'AUTHORIZED', agreementAvailability: { status: 'AVAILABLE' }, regionAvailability: 'AVAILABLE', entitlementAvailability: 'AVAILABLE' });
    },
  } as unknown as Lookups;
  return { lookups, most: () => most };
}

describe('the models overview', () => {
  it('asks for every model’s availability, never more than six at once', async () => {
    const fake = fakeLookups(40);
    const overview = await modelOverview(fake.lookups, ['us-east-1']);
    expect(overview.rows).toHaveLength(40);
    expect(fake.most()).toBeGreaterThan(1);
    expect(fake.most()).toBeLessThanOrEqual(6);
    expect(overview.rows[1]).toMatchObject({ modelId: 'p.model-1', profiles: ['us.p.model-1'], availability: { authorization: 'AUTHORIZED', agreement: 'AVAILABLE', region: 'AVAILABLE' } });
    expect(overview.partial).toEqual([]);
  });

  it('marks what a denied look-up would have shown as unknown, and the answer as partial', async () => {
    const overview = await modelOverview(fakeLookups(3, { denyAvailability: true }).lookups, ['us-east-1']);
    expect(overview.rows.map((r) => r.availability.agreement)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(overview.partial).toEqual(['GetFoundationModelAvailability in us-east-1: AccessDeniedException']);
  });
});

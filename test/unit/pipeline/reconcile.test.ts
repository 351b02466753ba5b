import { describe, expect, it } from 'vitest';
import type { GateOutcome } from '../../../src/gates/shared/context.js';
import { reconcile } from '../../../src/pipeline/reconcile.js';
import type { CauseId } from '../../../src/causes/index.js';
import type { Diagnosis } from '../../../src/diagnosis/index.js';
import { GATES, type Gate, type Status } from '../../../src/types.js';

const diagnosis = (gate: Diagnosis['gate'], cause: CauseId, status: Diagnosis['status'] = 'fail'): Diagnosis => ({
  gate, cause, status, summary: `${cause} happened`, fix: { text: `fix ${cause}`, actor: 'caller' }, confidence: 0.9, rule: cause, params: {},
});

function outcomes(overrides: Partial<Record<Gate, Partial<GateOutcome>>>): Map<Gate, GateOutcome> {
  return new Map(
    GATES.map((gate) => [gate, { gate, status: 'pass' as Status, cause: null, summary: `${gate} ok`, fix: null, evidence: {}, ...overrides[gate] }]),
  );
}

describe('reconcile', () => {
  it('puts an invoke failure on the gate at fault, noting the prediction had passed', () => {
    const r = reconcile(outcomes({ invoke: { status: 'fail', cause: 'scp-deny', invoke: { answered: false, diagnosis: diagnosis('iam', 'scp-deny') } } }));
    expect(r.get('iam')).toMatchObject({ status: 'fail', cause: 'scp-deny' });
    expect(r.get('iam')!.summary).toContain('predictive check had passed');
  });

  it('lets the ground truth correct a predicted cause, and keeps a prediction that agrees', () => {
    const predicted = { status: 'fail' as Status, cause: 'iam-explicit-deny' as CauseId, summary: 'explicit deny on arn:x' };
    const corrected = reconcile(outcomes({ iam: predicted, invoke: { status: 'fail', invoke: { answered: false, diagnosis: diagnosis('iam', 'scp-deny') } } }));
    expect(corrected.get('iam')).toMatchObject({ cause: 'scp-deny' });
    expect(corrected.get('iam')!.summary).toContain('explicit deny on arn:x');
    const agreed = reconcile(outcomes({ iam: predicted, invoke: { status: 'fail', invoke: { answered: false, diagnosis: diagnosis('iam', 'iam-explicit-deny') } } }));
    expect(agreed.get('iam')!.summary).toBe('explicit deny on arn:x');
  });

  it('a successful call turns predicted failures and pending into warnings, and inconclusive lookups too', () => {
    const r = reconcile(outcomes({
      iam: { status: 'fail', cause: 'iam-implicit-deny' },
      'provider-terms': { status: 'pending', cause: 'marketplace-subscription-pending' },
      region: { status: 'inconclusive', cause: 'lookup-denied' },
      invoke: { invoke: { answered: true } },
    }));
    expect(['iam', 'provider-terms', 'region'].map((g) => r.get(g as Gate)!.status)).toEqual(['warn', 'warn', 'warn']);
  });

  it('a successful call does not excuse a wrong account, but shows an unreachable endpoint was not on its path', () => {
    const r = reconcile(outcomes({
      credentials: { status: 'fail', cause: 'wrong-account' },
      network: { status: 'inconclusive', cause: 'connection-refused' },
      invoke: { invoke: { answered: true } },
    }));
    expect(r.get('credentials')!.status).toBe('fail');
    expect(r.get('network')).toMatchObject({ status: 'warn', cause: 'connection-refused' });
  });

  it('a model-access denial on the call confirms a pending subscription instead of failing model-access', () => {
    const r = reconcile(outcomes({
      'provider-terms': { status: 'pending', cause: 'marketplace-subscription-pending' },
      invoke: { status: 'fail', invoke: { answered: false, diagnosis: diagnosis('model-access', 'model-access-not-granted') } },
    }));
    expect(r.get('model-access')!.status).toBe('pass');
    expect(r.get('provider-terms')!.status).toBe('pending');
    expect(r.get('invoke')).toMatchObject({ status: 'pending', cause: 'marketplace-subscription-pending' });
  });

  it('a locally read API-key expiry is not replaced by the call\'s vaguer "key invalid"', () => {
    const r = reconcile(outcomes({
      credentials: { status: 'fail', cause: 'api-key-expired' },
      invoke: { status: 'fail', invoke: { answered: false, diagnosis: diagnosis('credentials', 'api-key-invalid') } },
    }));
    expect(r.get('credentials')!.cause).toBe('api-key-expired');
  });

  it('a successful call turns a look-up endpoint\'s network failure into a warning', () => {
    const r = reconcile(outcomes({
      iam: { status: 'skip', cause: 'blocked-by-network', blockedBy: diagnosis('network', 'connection-refused', 'inconclusive') },
      invoke: { invoke: { answered: true } },
    }));
    expect(r.get('network')).toMatchObject({ status: 'warn', cause: 'connection-refused' });
  });

  it('a vague invoke error confirms a richer prediction instead of replacing it', () => {
    const r = reconcile(outcomes({
      region: { status: 'fail', cause: 'model-not-in-region', summary: 'not here; similar ids: a, b' },
      invoke: { status: 'fail', invoke: { answered: false, diagnosis: diagnosis('region', 'invalid-model-identifier') } },
    }));
    expect(r.get('region')).toMatchObject({ cause: 'model-not-in-region', summary: 'not here; similar ids: a, b' });
  });

  it('hands a lookup failure to its own gate without overriding that gate\'s finding', () => {
    const r = reconcile(outcomes({
      region: { status: 'skip', cause: 'blocked-by-network', blockedBy: diagnosis('network', 'connection-reset', 'inconclusive') },
      iam: { status: 'skip', cause: 'blocked-by-credentials', blockedBy: diagnosis('credentials', 'expired-credentials') },
      credentials: { status: 'fail', cause: 'expired-credentials', summary: 'STS said expired' },
    }));
    expect(r.get('network')).toMatchObject({ status: 'inconclusive', cause: 'connection-reset' });
    expect(r.get('credentials')!.summary).toBe('STS said expired');
  });

  it('leaves an invoke failure of its own (throttling) on invoke only', () => {
    const r = reconcile(outcomes({ invoke: { status: 'inconclusive', cause: 'throttled', invoke: { answered: false, diagnosis: diagnosis('invoke', 'throttled', 'inconclusive') } } }));
    expect([...r.values()].filter((c) => c.status !== 'pass').map((c) => c.gate)).toEqual(['invoke']);
  });
});

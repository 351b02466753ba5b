import { classifier, type Failed } from '../../aws/call.js';
import type { CauseId, CauseParams } from '../../causes/index.js';
import type { Diagnosis } from '../../diagnosis/index.js';
import type { Evidence, Fix, Gate, Status } from '../../types.js';
import type { GateOutcome } from './context.js';

interface FindingOptions {
  /** Otherwise the cause's default status. */
  status?: Status;
  /** What this gate saw, with the target's own ids; otherwise the catalog's summary. */
  summary?: string;
  /** Parts of the catalog's fix this finding knows better (its exact policy), or null for none. */
  fix?: Partial<Fix> | null;
  /** Fills the catalog's `<region>`, `<model-id>`… and specialises its texts. */
  params?: Omit<CauseParams, 'inCheck'>;
  evidence?: Evidence;
}

/**
 * A finding by its cause id: the catalog's status, summary and fix, with what this gate knows.
 * The catalog loads while the first requests are in flight; a gate waits for it only here.
 */
export async function finding(gate: Gate, cause: CauseId, options: FindingOptions = {}): Promise<GateOutcome> {
  const { causeSpec, describeCause } = await import('../../causes/index.js');
  const described = describeCause(cause, { ...options.params, inCheck: true });
  const fix = options.fix === null || !described.fix ? null : { ...described.fix, ...options.fix };
  return {
    gate,
    status: options.status ?? causeSpec(cause).status,
    cause,
    summary: options.summary ?? described.summary,
    fix,
    evidence: options.evidence ?? {},
  };
}

export function pass(gate: Gate, summary: string, evidence: Evidence = {}): GateOutcome {
  return { gate, status: 'pass', cause: null, summary, fix: null, evidence };
}

/**
 * What a gate reports when one of its own read calls failed. The classifier decides what the
 * error means; this decides what it means *for this gate*:
 * - an operation the endpoint does not know is a warning about this look-up, nothing more;
 * - a credentials or network failure belongs to that gate, which reports it: this one is
 *   skipped, and says why (one finding, on the gate at fault);
 * - a denial of the read itself proves nothing about invoking: inconclusive, naming the
 *   read-only permission the failed call needed (the invoke call still decides);
 * - throttling, 5xx and timeouts are inconclusive;
 * - anything else is this gate's finding if it belongs here, else inconclusive here.
 */
export async function fromFailure(gate: Gate, failed: Failed): Promise<GateOutcome> {
  const d = await inCheck(failed.diagnosis);
  const evidence = failed.evidence;
  if (d.cause === 'wrong-endpoint' && gate !== 'network') {
    // One read the endpoint does not know proves only that this look-up is unavailable there;
    // a truly misrouted endpoint fails the invoke call too, which reports it.
    return finding(gate, 'lookup-unsupported', {
      summary: `Cannot look: the endpoint does not answer ${evidence.operation ?? 'this read'} (${d.summary}); the invoke call decides.`,
      evidence,
    });
  }
  if ((d.gate === 'credentials' || d.gate === 'network') && d.gate !== gate) {
    return { ...(await finding(gate, `blocked-by-${d.gate}`, { summary: `Not checked: ${d.summary}`, evidence })), blockedBy: d };
  }
  if (d.gate === 'iam' && d.status === 'fail') return finding(gate, 'lookup-denied', { params: { action: failed.action, denial: d.params.denial }, evidence });
  if (d.gate === gate) return { gate, status: d.status, cause: d.cause, summary: d.summary, fix: d.fix, evidence };
  // What a look-up's error says about another gate is a guess from one read (a bare 404 reads
  // as "model not found"): it stays here, as this gate's open question, and moves nowhere.
  return { gate, status: 'inconclusive', cause: d.cause, summary: `${evidence.operation ?? 'A lookup'} could not complete: ${d.summary}`, fix: d.fix, evidence };
}

/**
 * A classified error as check reports it: the catalog's texts said inside a check (no advice to
 * run the check; "what helps instead" for an unrecognised error), with what the error named.
 */
export async function inCheck(d: Diagnosis): Promise<Diagnosis> {
  const { diagnosisOf } = await classifier();
  try {
    return diagnosisOf(d.cause, d.confidence, { ...d.params, inCheck: true }, d.rule);
  } catch {
    return d;
  }
}

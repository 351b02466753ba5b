import type { CauseId } from '../causes/index.js';
import type { Diagnosis } from '../diagnosis/index.js';
import type { GateOutcome, GateResult } from '../gates/shared/context.js';
import type { Evidence, Gate, Status } from '../types.js';

const FINDING: Status[] = ['fail', 'pending', 'inconclusive'];
/**
 * Gates whose findings predict whether the model call works, so a successful call can
 * contradict them. Credentials (e.g. the wrong account) and network findings stand regardless.
 */
const PREDICTIONS: Gate[] = ['region', 'model-access', 'iam', 'provider-terms'];

/**
 * Invoke errors that say less than a prediction on the same gate ("the model identifier is
 * invalid" vs "not offered here; similar ids: …"): they confirm it rather than replace it.
 */
const VAGUE_CAUSES = new Set<CauseId>(['invalid-model-identifier', 'resource-not-found', 'iam-not-authorized', 'access-denied', 'model-access-denied', 'api-key-invalid']);

/**
 * A subscription still being processed shows up on the call as a model-access denial: with
 * provider-terms already pending, that denial confirms it rather than being a second finding.
 */
function explainedByPending(d: Diagnosis, results: Map<Gate, GateResult>): boolean {
  return d.gate === 'model-access' && results.get('provider-terms')?.status === 'pending';
}

/**
 * How a successful call rewrites a prediction. An inconclusive prediction (say, a
 * least-privilege caller who may not list models) becomes a warning: the call works, so the
 * run can still be ready.
 */
const CONTRADICTED = {
  fail: (summary: string) => `Predicted to fail, but a real Converse call succeeded (a condition the prediction could not see): ${summary}`,
  pending: (summary: string) => `${summary} A Converse call succeeded anyway: access may be provisional while the subscription finalizes; re-run in 15 minutes.`,
  inconclusive: (summary: string) => `${summary} The Converse call succeeded, so this did not stop it.`,
};

function fromDiagnosis(gate: Gate, d: Diagnosis, evidence: Evidence, note = ''): GateResult {
  return { gate, status: d.status, cause: d.cause, summary: d.summary + note, fix: d.fix, evidence };
}

/**
 * Brings one target's gate results together:
 * 1. a lookup failure that belongs to another gate (expired credentials, a reset connection)
 *    is reported on that gate, unless it already has a finding of its own;
 * 2. the invoke call is the ground truth: its failure marks the gate at fault even if the
 *    prediction passed; its success turns predicted failures into warnings that say so.
 */
export function reconcile(outcomes: Map<Gate, GateOutcome>): Map<Gate, GateResult> {
  const results = new Map<Gate, GateResult>(outcomes);
  /**
   * Puts a diagnosis on its gate. A lookup's echo never replaces a finding the gate made itself;
   * the invoke call's diagnosis (the ground truth) replaces one unless it agrees on the cause,
   * in which case the prediction, with its exact ARNs and policy, is the richer report.
   */
  const place = (gate: Gate, d: Diagnosis, evidence: Evidence, groundTruth: boolean, note = '') => {
    const current = results.get(gate);
    if (current && FINDING.includes(current.status)) {
      if (!groundTruth || current.cause === d.cause || VAGUE_CAUSES.has(d.cause)) return;
      if (current.status === 'fail' && d.status !== 'fail') return;
    }
    results.set(gate, fromDiagnosis(gate, d, evidence, note));
  };

  for (const result of outcomes.values()) {
    if (result.blockedBy && result.blockedBy.gate !== 'unknown') {
      place(result.blockedBy.gate, result.blockedBy, result.evidence, false);
    }
  }

  const invoke = outcomes.get('invoke')?.invoke;
  if (invoke?.diagnosis && explainedByPending(invoke.diagnosis, results)) {
    const row = results.get('invoke')!;
    results.set('invoke', {
      ...row,
      status: 'pending',
      cause: 'marketplace-subscription-pending',
      summary: `Converse was denied (${invoke.diagnosis.summary}), as expected while the subscription is processed (see provider-terms).`,
    });
  } else if (invoke?.diagnosis) {
    const d = invoke.diagnosis;
    if (d.gate !== 'invoke' && d.gate !== 'unknown') {
      const predicted = results.get(d.gate);
      const note =
        predicted?.status === 'pass'
          ? ` (The predictive check had passed: ${predicted.summary})`
          : predicted && FINDING.includes(predicted.status) && predicted.cause !== d.cause
            ? ` (The predictive check had said: ${predicted.summary})`
            : '';
      place(d.gate, d, outcomes.get('invoke')!.evidence, true, note);
    }
  } else if (invoke?.answered) {
    for (const [gate, result] of results) {
      if (!PREDICTIONS.includes(gate) || !FINDING.includes(result.status)) continue;
      results.set(gate, { ...result, status: 'warn', summary: CONTRADICTED[result.status as 'fail' | 'pending' | 'inconclusive'](result.summary) });
    }
    // An endpoint the look-ups could not reach (IAM, STS or the control plane, say in a VPC
    // with only a runtime endpoint) does not stop the model call, which just answered.
    const network = results.get('network');
    if (network && FINDING.includes(network.status)) {
      results.set('network', { ...network, status: 'warn', summary: `${network.summary} (Not on the model call's path: Converse answered.)` });
    }
  }
  return results;
}

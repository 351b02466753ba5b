import type { Failed } from '../../aws/call.js';
import type { Diagnosis, Evidence, Fix, Gate, Status } from '../../types.js';
import type { GateOutcome } from './context.js';

export function outcome(
  gate: Gate,
  status: Status,
  cause: string | null,
  summary: string,
  fix: Fix | null = null,
  evidence: Evidence = {},
): GateOutcome {
  return { gate, status, cause, summary, fix, evidence };
}

export function pass(gate: Gate, summary: string, evidence: Evidence = {}): GateOutcome {
  return outcome(gate, 'pass', null, summary, null, evidence);
}

/**
 * What a gate reports when one of its own read calls failed. The classifier decides what the
 * error means; this decides what it means *for this gate*:
 * - an operation the endpoint does not know is a warning about this look-up, nothing more;
 * - a credentials or network failure belongs to that gate, which reports it: this one is
 *   skipped, and says why (one finding, on the gate at fault);
 * - a denial of the read itself proves nothing about invoking: inconclusive, naming the
 *   read-only permission that would let the doctor look (the invoke call still decides);
 * - throttling, 5xx and timeouts are inconclusive;
 * - anything else is this gate's finding if it belongs here, else inconclusive here.
 */
export function fromFailure(gate: Gate, failed: Failed, readAction: string): GateOutcome {
  const d = failed.diagnosis;
  const evidence = failed.evidence;
  if (d.cause === 'wrong-endpoint' && gate !== 'network') {
    // One read the endpoint does not know proves only that this look-up is unavailable there;
    // a truly misrouted endpoint fails the invoke call too, which reports it.
    return outcome(gate, 'warn', 'lookup-unsupported',
      `Cannot look: the endpoint does not answer ${evidence.operation ?? 'this read'} (${d.summary}); the invoke call decides.`, null, evidence);
  }
  if ((d.gate === 'credentials' || d.gate === 'network') && d.gate !== gate) {
    return { ...outcome(gate, 'skip', `blocked-by-${d.gate}`, `Not checked: ${d.summary}`, null, evidence), blockedBy: d };
  }
  if (d.gate === 'iam' && d.status === 'fail') {
    return outcome(
      gate,
      'inconclusive',
      'lookup-denied',
      `Cannot look: the caller may not call ${readAction} (a read-only permission); the invoke call still decides.`,
      {
        text: `Allow ${readAction} (read-only, on "*"), e.g. attach the AWS managed policy AmazonBedrockReadOnly, so the doctor can explain failures before they happen.`,
        actor: 'administrator',
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [readAction], Resource: '*' }] },
        docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam-awsmanpol.html',
      },
      evidence,
    );
  }
  if (d.gate === gate) return outcome(gate, d.status, d.cause, d.summary, d.fix, evidence);
  // What a look-up's error says about another gate is a guess from one read (a bare 404 reads
  // as "model not found"): it stays here, as this gate's open question, and moves nowhere.
  return outcome(gate, 'inconclusive', d.cause, `${evidence.operation ?? 'A lookup'} could not complete: ${d.summary}`, fixInCheck(d), evidence);
}

/** An unrecognised error's usual advice is "run bedrock-doctor check": inside check, say what helps instead. */
export function fixInCheck(d: Diagnosis): Fix {
  if (d.gate !== 'unknown' || d.cause === 'interrupted') return d.fix;
  return {
    text: 'bedrock-doctor does not recognise this error; its text and request id are in the evidence (--verbose or --json). AWS Support needs the request id.',
    actor: 'caller',
    docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html',
  };
}

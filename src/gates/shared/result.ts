import type { CauseId } from '../../causes/index.js';
import type { Evidence, Fix, Gate, Status } from '../../types.js';

/** What a gate found for one target. */
export interface GateResult {
  gate: Gate;
  status: Status;
  /** Stable kebab-case id a ticket system can match on; null on a plain pass. */
  cause: CauseId | null;
  summary: string;
  fix: Fix | null;
  evidence: Evidence;
}

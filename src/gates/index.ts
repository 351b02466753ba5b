import type { Gate } from '../types.js';
import type { GateCheck } from './shared/context.js';
import { checkCredentials } from './credentials.js';
import { checkIam } from './iam.js';
import { checkInvoke } from './invoke.js';
import { checkModelAccess } from './model-access.js';
import { checkNetwork } from './network.js';
import { checkProviderTerms } from './provider-terms.js';
import { checkRegion } from './region.js';

/** One checker per gate; the pipeline runs them all at once and reports in GATES order. */
export const GATE_CHECKS: Record<Gate, GateCheck> = {
  credentials: checkCredentials,
  network: checkNetwork,
  region: checkRegion,
  'model-access': checkModelAccess,
  iam: checkIam,
  'provider-terms': checkProviderTerms,
  invoke: checkInvoke,
};

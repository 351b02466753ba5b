import type { Failed } from '../../aws/call.js';
import type { GateContext } from './context.js';

/**
 * Where the account stands with the provider's AWS Marketplace offer, from
 * GetFoundationModelAvailability and, when there is no agreement, the offers list. One reading
 * serves provider-terms (is the offer accepted?), model-access (could this caller subscribe?)
 * and invoke (would a call subscribe the account?).
 */
type AgreementState =
  | { kind: 'accepted' }
  | { kind: 'pending' }
  /** No agreement, but the model has no Marketplace offer: nothing to accept. */
  | { kind: 'not-sold'; failed: boolean; errorMessage?: string }
  /** No agreement for a Marketplace-sold model: the first call would subscribe the account. */
  | { kind: 'needs-subscription'; failed: boolean; errorMessage?: string; eula?: string }
  /** No agreement, and the offers could not be read: whether a call would subscribe is unknown. */
  | { kind: 'offers-unknown'; failed: boolean; errorMessage?: string; failure: Failed }
  /** The availability lookup gave no answer (denied, unknown model, a fault). */
  | { kind: 'unknown'; failure: Failed };

export async function agreementState(ctx: GateContext, region: string, baseId: string): Promise<AgreementState> {
  const availability = await ctx.lookups.availability(region, baseId);
  if (!availability.ok) return { kind: 'unknown', failure: availability };
  const agreement = availability.value.agreementAvailability;
  if (agreement?.status === 'PENDING') return { kind: 'pending' };
  if (agreement?.status !== 'NOT_AVAILABLE' && agreement?.status !== 'ERROR') return { kind: 'accepted' };
  const failed = agreement.status === 'ERROR';
  const errorMessage = agreement.errorMessage;
  const offers = await ctx.lookups.offers(region, baseId);
  if (!offers.ok) return { kind: 'offers-unknown', failed, errorMessage, failure: offers };
  const list = offers.value.offers ?? [];
  if (list.length === 0) return { kind: 'not-sold', failed, errorMessage };
  return { kind: 'needs-subscription', failed, errorMessage, eula: list[0]?.termDetails?.legalTerm?.url };
}

import { ACTION_OF_OPERATION, type Operation } from '../vocabulary/iam-actions.js';
import { providerOf } from '../vocabulary/model-id.js';
import type { Status } from '../types.js';
import type { GateCheck, GateContext, GateOutcome, PlannedTarget } from './shared/context.js';
import { agreementState } from './shared/agreement.js';
import { baseModelId, isNotFound } from './shared/model-catalog.js';
import { finding, fromFailure, pass } from './shared/finding.js';

const SEVERITY: Status[] = ['pass', 'skip', 'warn', 'inconclusive', 'pending', 'fail'];

/** The provider's Marketplace agreement. */
async function agreement(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<GateOutcome | null> {
  const state = await agreementState(ctx, target.region, baseId);
  const evidence = { service: 'bedrock', operation: 'GetFoundationModelAvailability', details: { agreement: state.kind } };
  if (state.kind === 'pending') {
    return finding('provider-terms', 'marketplace-subscription-pending', {
      summary: `The AWS Marketplace agreement for ${baseId} is still being processed; calls are denied until it completes.`,
      evidence,
    });
  }
  if (state.kind === 'unknown') {
    // A model availability does not know (first-party, or not here) has no agreement to accept.
    return isNotFound(state.failure) ? null : fromFailure('provider-terms', state.failure);
  }
  if (state.kind === 'accepted' || (state.kind === 'not-sold' && !state.failed)) return null;
  if (state.failed) {
    return finding('provider-terms', 'marketplace-agreement-failed', {
      summary: `The AWS Marketplace agreement for ${baseId} failed${state.errorMessage ? `: ${state.errorMessage}` : ''}.`,
      evidence,
    });
  }
  if (state.kind === 'offers-unknown') return fromFailure('provider-terms', state.failure);
  return finding('provider-terms', 'marketplace-agreement-not-accepted', {
    summary: `The provider's offer for ${baseId} has not been accepted in this account; the first call accepts it${state.kind === 'needs-subscription' && state.eula ? ` (terms: ${state.eula})` : ''}.`,
    params: { modelId: baseId, region: target.region },
    evidence,
  });
}

/** Anthropic's first-time-use form, once per account (or organization), from GetUseCaseForModelAccess. */
async function anthropicUseCase(ctx: GateContext, target: PlannedTarget): Promise<GateOutcome> {
  const useCase = await ctx.lookups.useCase(target.region);
  // AWS answers 404 when no form was ever submitted; any 200 means one is on file.
  if (useCase.ok) {
    const form = decodeForm(useCase.value.formData);
    return pass('provider-terms', `Anthropic's use-case form is on file${form?.companyName ? ` (company: ${form.companyName})` : ''}.`, useCase.evidence);
  }
  const noForm = useCase.evidence.errorName === 'ResourceNotFoundException' || (useCase.evidence.httpStatus === 404 && useCase.diagnosis.cause !== 'wrong-endpoint');
  if (!noForm) return fromFailure('provider-terms', useCase);
  return finding('provider-terms', 'anthropic-use-case-missing', {
    summary:
      "Anthropic's use-case form has not been submitted for this account: Anthropic models are refused until it is. (A form submitted from the Organization's management account may cover member accounts without showing here; the invoke call confirms.)",
    params: { region: target.region },
    evidence: useCase.evidence,
  });
}

export function decodeForm(formData: Uint8Array | undefined): { companyName?: string } | null {
  if (!formData || formData.length === 0) return null;
  try {
    const parsed = JSON.parse(Buffer.from(formData).toString('utf8')) as { companyName?: unknown };
    return { companyName: typeof parsed.companyName === 'string' ? parsed.companyName.slice(0, 128) : undefined };
  } catch {
    return {}; // on file, but not JSON we can read: still on file
  }
}

/**
 * provider-terms: the provider's agreement is accepted (AVAILABLE / PENDING / NOT_AVAILABLE /
 * ERROR) and, for Anthropic models, the use-case form is on file. The worse finding is reported.
 */
export const checkProviderTerms: GateCheck = async (ctx, target) => {
  const baseId = await baseModelId(ctx, target);
  if (!baseId) return finding('provider-terms', 'not-applicable', { summary: 'No base model id to check; the invoke call decides.' });
  const findings = (
    await Promise.all([agreement(ctx, target, baseId), providerOf(baseId) === 'anthropic' ? anthropicUseCase(ctx, target) : null])
  ).filter((f): f is GateOutcome => f !== null);
  // Both reads denied: one "Cannot look" that names both permissions.
  const denied = findings.filter((f) => f.cause === 'lookup-denied');
  if (denied.length > 1) {
    const actions = denied.map((f) => ACTION_OF_OPERATION[f.evidence.operation as Operation]).filter(Boolean);
    return finding('provider-terms', 'lookup-denied', { params: { actions }, evidence: denied[0]!.evidence });
  }
  const worst = findings.sort((a, b) => SEVERITY.indexOf(b.status) - SEVERITY.indexOf(a.status))[0];
  return worst ?? pass('provider-terms', `No provider terms are outstanding for ${baseId}.`);
};

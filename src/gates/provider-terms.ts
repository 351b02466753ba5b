import { providerOf } from '../vocabulary/model-id.js';
import type { Status } from '../types.js';
import type { GateCheck, GateContext, GateOutcome, PlannedTarget } from './shared/context.js';
import { agreementState } from './shared/agreement.js';
import { baseModelId, isNotFound } from './shared/model-catalog.js';
import { fromFailure, outcome, pass } from './shared/finding.js';

const ACCESS_DOCS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html';
const SEVERITY: Status[] = ['pass', 'skip', 'warn', 'inconclusive', 'pending', 'fail'];

/** The provider's Marketplace agreement. */
async function agreement(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<GateOutcome | null> {
  const state = await agreementState(ctx, target.region, baseId);
  const evidence = { service: 'bedrock', operation: 'GetFoundationModelAvailability', details: { agreement: state.kind } };
  if (state.kind === 'pending') {
    return outcome('provider-terms', 'pending', 'marketplace-subscription-pending',
      `The AWS Marketplace agreement for ${baseId} is still being processed; calls are denied until it completes.`,
      { text: 'Wait up to 15 minutes and run the check again; if it is still pending after that, contact AWS Support.', actor: 'caller', docs: ACCESS_DOCS },
      evidence);
  }
  if (state.kind === 'unknown') {
    // A model availability does not know (first-party, or not here) has no agreement to accept.
    return isNotFound(state.failure) ? null : fromFailure('provider-terms', state.failure, 'bedrock:GetFoundationModelAvailability');
  }
  if (state.kind === 'accepted' || (state.kind === 'not-sold' && !state.failed)) return null;
  if (state.failed) {
    return outcome('provider-terms', 'fail', 'marketplace-agreement-failed',
      `The AWS Marketplace agreement for ${baseId} failed${state.errorMessage ? `: ${state.errorMessage}` : ''}.`,
      { text: 'Usual causes: no valid payment method for Marketplace purchases, or a geographic restriction. Fix the billing settings, then retry after 2 minutes.', actor: 'administrator', docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html' },
      evidence);
  }
  if (state.kind === 'offers-unknown') return fromFailure('provider-terms', state.failure, 'bedrock:ListFoundationModelAgreementOffers');
  return outcome('provider-terms', 'warn', 'marketplace-agreement-not-accepted',
    `The provider's offer for ${baseId} has not been accepted in this account; the first call accepts it${state.kind === 'needs-subscription' && state.eula ? ` (terms: ${state.eula})` : ''}.`,
    {
      text: 'If your organisation must review the terms first, do so, then let an administrator accept the offer once for the account.',
      actor: 'administrator',
      commands: [`aws bedrock list-foundation-model-agreement-offers --model-id ${baseId}`],
      docs: ACCESS_DOCS,
    },
    evidence);
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
  if (!noForm) return fromFailure('provider-terms', useCase, 'bedrock:GetUseCaseForModelAccess');
  return outcome('provider-terms', 'fail', 'anthropic-use-case-missing',
    'Anthropic\'s use-case form has not been submitted for this account: Anthropic models are refused until it is. (A form submitted from the Organization\'s management account may cover member accounts without showing here; the invoke call confirms.)',
    {
      text: 'Submit the use-case form once for the account: open any Anthropic model in the Bedrock console playground, or have an administrator submit it with the API (from the management account, it covers the whole Organization). Opt-in Regions need their own submission. Access follows within minutes.',
      actor: 'administrator',
      commands: [
        `FORM=$(printf '%s' '{"companyName":"…","companyWebsite":"https://…","intendedUsers":"0","industryOption":"…","useCases":"…"}' | base64 -w0)`,
        `aws bedrock put-use-case-for-model-access --region ${target.region} --form-data "$FORM"`,
      ],
      docs: ACCESS_DOCS,
    },
    useCase.evidence);
}

function decodeForm(formData: Uint8Array | undefined): { companyName?: string } | null {
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
  if (!baseId) return outcome('provider-terms', 'skip', 'not-applicable', 'No base model id to check; the invoke call decides.');
  const findings = (
    await Promise.all([agreement(ctx, target, baseId), providerOf(baseId) === 'anthropic' ? anthropicUseCase(ctx, target) : null])
  ).filter((f): f is GateOutcome => f !== null);
  const worst = findings.sort((a, b) => SEVERITY.indexOf(b.status) - SEVERITY.indexOf(a.status))[0];
  return worst ?? pass('provider-terms', `No provider terms are outstanding for ${baseId}.`);
};

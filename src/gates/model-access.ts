import type { FoundationModelSummary } from '@aws-sdk/client-bedrock';
import type { GateCheck, GateContext, GateOutcome, PlannedTarget } from './shared/context.js';
import { agreementState } from './shared/agreement.js';
import { baseModelId, findModel, isNotFound } from './shared/model-catalog.js';
import { finding, fromFailure, pass } from './shared/finding.js';
import { policySource } from './shared/policy-source.js';

const MARKETPLACE_ACTIONS = ['aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe'];

async function lifecycleWarning(model: FoundationModelSummary, region: string, now: Date): Promise<GateOutcome | null> {
  const lifecycle = model.modelLifecycle as
    | { status?: string; legacyTime?: Date; endOfLifeTime?: Date; publicExtendedAccessTime?: Date }
    | undefined;
  if (lifecycle?.endOfLifeTime && lifecycle.endOfLifeTime.getTime() <= now.getTime()) {
    return finding('model-access', 'model-end-of-life', {
      summary: `${model.modelId} reached its end of life on ${lifecycle.endOfLifeTime.toISOString().slice(0, 10)}: it can no longer be called.`,
      params: { region },
      evidence: { details: { lifecycle } },
    });
  }
  if (lifecycle?.status !== 'LEGACY') return null;
  const dates = [
    lifecycle.legacyTime && `legacy since ${lifecycle.legacyTime.toISOString().slice(0, 10)}`,
    lifecycle.publicExtendedAccessTime && `extended-access pricing from ${lifecycle.publicExtendedAccessTime.toISOString().slice(0, 10)}`,
    lifecycle.endOfLifeTime && `end of life ${lifecycle.endOfLifeTime.toISOString().slice(0, 10)}`,
  ].filter(Boolean);
  return finding('model-access', 'model-legacy', {
    summary: `${model.modelId} is a Legacy model${dates.length ? ` (${dates.join(', ')})` : ''}: new accounts cannot use it, and accounts lose access after weeks without use.`,
    fix: {
      commands: [`aws bedrock list-foundation-models --by-provider ${model.providerName?.toLowerCase() ?? ''} --query "modelSummaries[?modelLifecycle.status=='ACTIVE'].modelId"`],
    },
    evidence: { details: { lifecycle } },
  });
}

/**
 * No agreement yet for a Marketplace-sold model: the first call in the account subscribes,
 * which needs the Marketplace actions on that first caller. Simulate them to say whether it
 * would work.
 */
async function marketplaceReadiness(ctx: GateContext, target: PlannedTarget, baseId: string, eula: string | undefined): Promise<GateOutcome> {
  const needed = `No AWS Marketplace subscription for ${baseId} yet: the first call in this account creates it and accepts the provider's offer${eula ? ` (${eula})` : ''}.`;
  const params = { modelId: baseId, region: target.region };
  const source = await policySource(ctx, 'model-access');
  if (!source.ok) return finding('model-access', 'marketplace-subscription-needed', { summary: needed, params });
  const simulation = await ctx.lookups.simulate({
    policySourceArn: source.arn,
    actions: MARKETPLACE_ACTIONS,
    resources: ['*'],
    context: [{ key: 'aws:CalledViaLast', values: ['bedrock.amazonaws.com'], type: 'string' }],
  });
  if (!simulation.ok) {
    // Whether this caller could subscribe is unknown; the finding is the missing subscription.
    return finding('model-access', 'marketplace-subscription-needed', { summary: needed, params, evidence: simulation.evidence });
  }
  const denied = simulation.value.filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName);
  if (denied.length > 0) {
    return finding('model-access', 'marketplace-permissions-missing', {
      summary: `${needed} This caller may not do it (denied: ${denied.join(', ')}), so the first call would fail.`,
      params,
      evidence: { ...simulation.evidence, details: { denied } },
    });
  }
  return finding('model-access', 'marketplace-subscription-needed', {
    summary: `${needed} This caller holds the Marketplace permissions, so the first call should subscribe (allow up to 15 minutes).`,
    params,
    evidence: simulation.evidence,
  });
}

/**
 * model-access: the account may use the model: GetFoundationModelAvailability (authorization,
 * Region), Legacy lifecycle, and for Marketplace-sold models without an agreement, whether this
 * caller could create the subscription. (entitlementAvailability has meant nothing since Oct 2025.)
 */
export const checkModelAccess: GateCheck = async (ctx, target) => {
  const baseId = await baseModelId(ctx, target);
  if (!baseId) return finding('model-access', 'not-applicable', { summary: 'No base model id to check; the invoke call decides.' });
  const [availability, found] = await Promise.all([ctx.lookups.availability(target.region, baseId), findModel(ctx, target.region, baseId)]);
  const legacy = found.found ? await lifecycleWarning(found.model, target.region, ctx.now()) : null;
  if (legacy?.status === 'fail') return legacy;
  if (!availability.ok) {
    if (isNotFound(availability)) {
      return legacy ?? finding('model-access', 'not-applicable', { summary: `GetFoundationModelAvailability does not know ${baseId} here (not a Marketplace model, or not in this Region).`, evidence: availability.evidence });
    }
    return fromFailure('model-access', availability);
  }
  const value = availability.value;
  const evidence = { ...availability.evidence, details: { authorizationStatus: value.authorizationStatus, regionAvailability: value.regionAvailability, agreement: value.agreementAvailability?.status } };
  if (value.regionAvailability === 'NOT_AVAILABLE') {
    return finding('model-access', 'model-not-available-in-region', { summary: `Bedrock reports ${baseId} as not available to this account in ${target.region}.`, evidence });
  }
  if (value.authorizationStatus === 'NOT_AUTHORIZED') {
    return finding('model-access', 'account-not-authorized-for-model', {
      summary: `Bedrock reports authorizationStatus NOT_AUTHORIZED for ${baseId}: the account may be blocked from this model.`,
      evidence,
    });
  }
  if (legacy) return legacy;
  const agreement = await agreementState(ctx, target.region, baseId);
  // A failed or pending agreement is provider-terms' finding: nothing here may say the account
  // may use the model, or that a first call would subscribe it.
  if (agreement.kind === 'pending' || ('failed' in agreement && agreement.failed)) {
    return finding('model-access', 'blocked-by-provider-terms', {
      summary: `Not decided: the Marketplace agreement for ${baseId} is ${agreement.kind === 'pending' ? 'still being processed' : 'failed'} (see provider-terms).`,
      evidence,
    });
  }
  if (agreement.kind === 'needs-subscription' || agreement.kind === 'offers-unknown') {
    return marketplaceReadiness(ctx, target, baseId, agreement.kind === 'needs-subscription' ? agreement.eula : undefined);
  }
  return pass('model-access', `The account may use ${baseId} in ${target.region} (${value.authorizationStatus ?? 'authorization unknown'}).`, evidence);
};

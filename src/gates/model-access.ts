import type { FoundationModelSummary } from '@aws-sdk/client-bedrock';
import type { GateCheck, GateContext, GateOutcome, PlannedTarget } from './shared/context.js';
import { agreementState } from './shared/agreement.js';
import { baseModelId, findModel, isNotFound } from './shared/model-catalog.js';
import { fromFailure, outcome, pass } from './shared/finding.js';
import { cannotSimulate, policySource } from './shared/policy-source.js';

const MARKETPLACE_DOCS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html';
const MARKETPLACE_ACTIONS = ['aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe'];

function lifecycleWarning(model: FoundationModelSummary, now: Date): GateOutcome | null {
  const lifecycle = model.modelLifecycle as
    | { status?: string; legacyTime?: Date; endOfLifeTime?: Date; publicExtendedAccessTime?: Date }
    | undefined;
  if (lifecycle?.endOfLifeTime && lifecycle.endOfLifeTime.getTime() <= now.getTime()) {
    return outcome('model-access', 'fail', 'model-end-of-life',
      `${model.modelId} reached its end of life on ${lifecycle.endOfLifeTime.toISOString().slice(0, 10)}: it can no longer be called.`,
      { text: 'Move to an ACTIVE model of the same family.', actor: 'caller', docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html' },
      { details: { lifecycle } });
  }
  if (lifecycle?.status !== 'LEGACY') return null;
  const dates = [
    lifecycle.legacyTime && `legacy since ${lifecycle.legacyTime.toISOString().slice(0, 10)}`,
    lifecycle.publicExtendedAccessTime && `extended-access pricing from ${lifecycle.publicExtendedAccessTime.toISOString().slice(0, 10)}`,
    lifecycle.endOfLifeTime && `end of life ${lifecycle.endOfLifeTime.toISOString().slice(0, 10)}`,
  ].filter(Boolean);
  return outcome('model-access', 'warn', 'model-legacy',
    `${model.modelId} is a Legacy model${dates.length ? ` (${dates.join(', ')})` : ''}: new accounts cannot use it, and accounts lose access after weeks without use.`,
    {
      text: 'Migrate to an ACTIVE model of the same family.',
      actor: 'caller',
      commands: [`aws bedrock list-foundation-models --by-provider ${model.providerName?.toLowerCase() ?? ''} --query "modelSummaries[?modelLifecycle.status=='ACTIVE'].modelId"`],
      docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html',
    },
    { details: { lifecycle } });
}
/**
 * No agreement yet for a Marketplace-sold model: the first call in the account subscribes,
 * which needs the Marketplace actions on that first caller. Simulate them to say whether it
 * would work.
 */
async function marketplaceReadiness(ctx: GateContext, baseId: string, eula: string | undefined): Promise<GateOutcome> {
  const needed = `No AWS Marketplace subscription for ${baseId} yet: the first call in this account creates it and accepts the provider's offer${eula ? ` (${eula})` : ''}.`;
  const adminFix = {
    text: 'An administrator enables the model once for the whole account (any Bedrock call by a principal with aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions, or the agreement APIs); after that no runtime role needs Marketplace permissions.',
    actor: 'administrator' as const,
    commands: [
      `aws bedrock list-foundation-model-agreement-offers --model-id ${baseId}`,
      `aws bedrock create-foundation-model-agreement --model-id ${baseId} --offer-token <offerToken from above>`,
    ],
    docs: MARKETPLACE_DOCS,
  };
  const source = await policySource(ctx, 'model-access');
  if (!source.ok) return outcome('model-access', 'warn', 'marketplace-subscription-needed', needed, adminFix);
  const simulation = await ctx.lookups.simulate({
    policySourceArn: source.arn,
    actions: MARKETPLACE_ACTIONS,
    resources: ['*'],
    context: [{ key: 'aws:CalledViaLast', values: ['bedrock.amazonaws.com'] }],
  });
  if (!simulation.ok) {
    if (simulation.diagnosis.gate === 'iam') return { ...cannotSimulate('model-access', source.arn, simulation.evidence), cause: 'marketplace-subscription-needed', summary: needed };
    return outcome('model-access', 'warn', 'marketplace-subscription-needed', needed, adminFix, simulation.evidence);
  }
  const denied = simulation.value.filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName);
  if (denied.length > 0) {
    return outcome('model-access', 'fail', 'marketplace-permissions-missing',
      `${needed} This caller may not do it (denied: ${denied.join(', ')}), so the first call would fail.`,
      adminFix, { ...simulation.evidence, details: { denied } });
  }
  return outcome('model-access', 'warn', 'marketplace-subscription-needed',
    `${needed} This caller holds the Marketplace permissions, so the first call should subscribe (allow up to 15 minutes).`,
    adminFix, simulation.evidence);
}

/**
 * model-access: the account may use the model: GetFoundationModelAvailability (authorization,
 * Region), Legacy lifecycle, and for Marketplace-sold models without an agreement, whether this
 * caller could create the subscription. (entitlementAvailability has meant nothing since Oct 2025.)
 */
export const checkModelAccess: GateCheck = async (ctx, target) => {
  const baseId = await baseModelId(ctx, target);
  if (!baseId) return outcome('model-access', 'skip', 'not-applicable', 'No base model id to check; the invoke call decides.');
  const [availability, found] = await Promise.all([ctx.lookups.availability(target.region, baseId), findModel(ctx, target.region, baseId)]);
  const legacy = found.found ? lifecycleWarning(found.model, ctx.now()) : null;
  if (legacy?.status === 'fail') return legacy;
  if (!availability.ok) {
    if (isNotFound(availability)) {
      return legacy ?? outcome('model-access', 'skip', 'not-applicable', `GetFoundationModelAvailability does not know ${baseId} here (not a Marketplace model, or not in this Region).`, null, availability.evidence);
    }
    return fromFailure('model-access', availability, 'bedrock:GetFoundationModelAvailability');
  }
  const value = availability.value;
  const evidence = { ...availability.evidence, details: { authorizationStatus: value.authorizationStatus, regionAvailability: value.regionAvailability, agreement: value.agreementAvailability?.status } };
  if (value.regionAvailability === 'NOT_AVAILABLE') {
    return outcome('model-access', 'fail', 'model-not-available-in-region',
      `Bedrock reports ${baseId} as not available to this account in ${target.region}.`,
      { text: 'Use a Region where the model is available to the account (opt-in Regions must be enabled first).', actor: 'caller', docs: MARKETPLACE_DOCS },
      evidence);
  }
  if (value.authorizationStatus === 'NOT_AUTHORIZED') {
    return outcome('model-access', 'warn', 'account-not-authorized-for-model',
      `Bedrock reports authorizationStatus NOT_AUTHORIZED for ${baseId}: the account may be blocked from this model.`,
      { text: 'If the invoke call is also denied, ask AWS Support (or your account team) to enable the model for this account.', actor: 'administrator', docs: MARKETPLACE_DOCS },
      evidence);
  }
  if (legacy) return legacy;
  const agreement = await agreementState(ctx, target.region, baseId);
  if (agreement.kind === 'needs-subscription' || agreement.kind === 'offers-unknown') {
    return marketplaceReadiness(ctx, baseId, agreement.kind === 'needs-subscription' ? agreement.eula : undefined);
  }
  return pass('model-access', `The account may use ${baseId} in ${target.region} (${value.authorizationStatus ?? 'authorization unknown'}).`, evidence);
};

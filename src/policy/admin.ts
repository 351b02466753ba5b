import { allow, type Statement } from '../vocabulary/converse-access.js';

/** The Sid prefix of every statement meant for the administrator, not the runtime identity. */
export const ADMIN_SID_PREFIX = 'AdminOneTime';

/**
 * The administrator's one-time provisioning, as a separate statement from the runtime access:
 * the AWS Marketplace subscription a third-party model needs once per account (through Bedrock
 * only, and for the named products when given), the Anthropic use-case form, and the agreement
 * calls. Once done, every role of the account may call the model with no Marketplace right.
 */
export function adminProvisioningStatements(productIds: string[]): { statements: Statement[]; notes: string[] } {
  // Only through Bedrock (as AWS's sample policy and AmazonBedrockLimitedAccess condition it).
  const throughBedrock = { StringEquals: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' } };
  // AWS: "For the aws-marketplace:Subscribe action only, you can use the aws-marketplace:ProductId
  // condition key" (Bedrock user guide, model-access-permissions): a ProductId condition on
  // ViewSubscriptions would never match, so it gets its own statement without one.
  const subscribeCondition: Statement['Condition'] = {
    ...throughBedrock,
    ...(productIds.length > 0 ? { 'ForAnyValue:StringEquals': { 'aws-marketplace:ProductId': productIds } } : {}),
  };
  const statements = [
    allow('aws-marketplace:Subscribe', '*', { sid: `${ADMIN_SID_PREFIX}MarketplaceSubscription`, condition: subscribeCondition }),
    allow('aws-marketplace:ViewSubscriptions', '*', { sid: `${ADMIN_SID_PREFIX}MarketplaceViewSubscriptions`, condition: throughBedrock }),
    allow(
      ['bedrock:GetFoundationModelAvailability', 'bedrock:ListFoundationModelAgreementOffers', 'bedrock:CreateFoundationModelAgreement', 'bedrock:GetUseCaseForModelAccess', 'bedrock:PutUseCaseForModelAccess'],
      '*',
      { sid: `${ADMIN_SID_PREFIX}ModelAgreementAndUseCase` },
    ),
  ];
  const notes = [
    `${ADMIN_SID_PREFIX}* (--admin): for the administrator who enables a model once per account (the Marketplace subscription, the agreement, Anthropic's use-case form); keep them off the runtime identity: once a model is enabled, every role of the account calls it with no Marketplace permission.`,
    productIds.length > 0
      ? `${ADMIN_SID_PREFIX}MarketplaceSubscription is limited to the AWS Marketplace products ${productIds.join(', ')}.`
      : `${ADMIN_SID_PREFIX}MarketplaceSubscription allows subscribing through Bedrock to any model: pass --product-id with the model's AWS Marketplace product id to narrow it.`,
  ];
  return { statements, notes };
}

/** Model access: the account may use the model (authorization, Legacy, Marketplace subscription). */

import { allow, policyDocument } from '../vocabulary/converse-access.js';
import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const MODEL_ACCESS_CAUSES = causes({
  'marketplace-payment-failed': {
    gate: 'model-access',
    status: 'fail',
    summary:
      'The AWS Marketplace subscription for this model failed: the account has no valid payment method (or the agreement failed for payment or geographic reasons).',
    fix: {
      text: 'An administrator adds or fixes the payment method in AWS Billing (Marketplace purchases need a valid card or invoicing), then retries after a few minutes; contact AWS Support if it still fails.',
      actor: 'administrator',
      docs: DOCS.apiErrors,
    },
  },
  'marketplace-permissions-missing': {
    gate: 'model-access',
    status: 'fail',
    summary:
      'This Marketplace-sold model has never been enabled in the account, and the identity making the first call lacks the AWS Marketplace permissions that auto-subscribe it.',
    fix: {
      text: 'An administrator enables the model once for the whole account (invoke it once in the console playground, or ListFoundationModelAgreementOffers + CreateFoundationModelAgreement); after that every role can call it without Marketplace permissions. Alternatively grant only the FIRST caller aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions conditioned on aws:CalledViaLast = bedrock.amazonaws.com; do not add them to runtime roles.',
      actor: 'administrator',
      commands: [
        'aws bedrock list-foundation-model-agreement-offers --model-id <model-id> --region <region>',
        'aws bedrock create-foundation-model-agreement --model-id <model-id> --offer-token <offer-token> --region <region>',
      ],
      policy: policyDocument([
        allow(['aws-marketplace:Subscribe', 'aws-marketplace:ViewSubscriptions'], '*', {
          sid: 'FirstCallerMarketplaceSubscribe',
          condition: { StringEquals: { 'aws:CalledViaLast': 'bedrock.amazonaws.com' } },
        }),
      ]),
      docs: DOCS.marketplace,
    },
    // An explicit deny of the Marketplace actions (an SCP, say) is not lifted by an Allow.
    specialise: ({ denial: d }) =>
      d?.explicit
        ? {
            summary: `The first call would subscribe the account to this model in AWS Marketplace, but an explicit deny${d.denyIn ? ` in ${d.denyIn}` : ''} blocks the Marketplace actions for this caller.`,
            fix: {
              text: 'An Allow cannot override the Deny. Whoever owns the denying policy (for an SCP, an Organizations administrator) exempts one designated principal, e.g. with a condition on aws:PrincipalArn; that principal enables the model once for the whole account (ListFoundationModelAgreementOffers + CreateFoundationModelAgreement, or one call in the console playground). After that no role needs Marketplace permissions.',
              policy: undefined,
            },
          }
        : {},
  },
  'model-access-denied': {
    gate: 'model-access',
    status: 'fail',
    summary:
      'Bedrock denied access to this model for the account (the reason code in the message, e.g. a Marketplace subscription or Private Marketplace restriction, says why).',
    fix: {
      text: 'An administrator resolves the reason in the message: approve the product in the Private Marketplace, fix the failed Marketplace subscription (payment method, or enable the model once for the account), or contact AWS Support.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.modelAccess,
    },
  },
  'legacy-model-inactive': {
    gate: 'model-access',
    status: 'fail',
    summary: 'The model is Legacy and this account has not used it recently (or is new), so it lost access.',
    fix: {
      text: 'Switch to an ACTIVE model version (ListFoundationModels shows modelLifecycle.status); Legacy access cannot be re-enabled by IAM.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[?modelLifecycle.status==\'ACTIVE\'].modelId"'],
      docs: DOCS.lifecycle,
    },
  },
  'model-end-of-life': {
    gate: 'model-access',
    status: 'fail',
    summary: 'This model version has reached end of life and can no longer be invoked by anyone.',
    fix: {
      text: 'Move to a current model version (see the model lifecycle page for the recommended replacement).',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region>'],
      docs: DOCS.lifecycle,
    },
  },
  'model-access-not-granted': {
    gate: 'model-access',
    status: 'fail',
    summary: "Bedrock refuses this model for the account. In commercial Regions access is automatic since October 2025, so the cause is elsewhere: a Marketplace subscription that failed or was never made, an account-level block, or an organisation policy. (In GovCloud, models are still enabled on the console's Model access page.)",
    fix: {
      text: "Check the account's standing for the model: the agreement (get-foundation-model-availability shows a failed or missing subscription and a payment problem), then SCPs and IAM. An administrator fixes what it shows: a valid payment method, enabling the model once for the account, or an SCP exemption. In GovCloud (us-gov-west-1): enable the model on the Model access page, and third-party models also in the linked commercial account (us-east-1 or us-west-2).",
      checkHint: 'Run bedrock-doctor check to tell the agreement, SCPs and IAM apart.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.modelAccess,
    },
  },
  'account-being-verified': {
    gate: 'model-access',
    status: 'pending',
    summary: 'The AWS account is still being verified, and Bedrock refuses calls until verification completes.',
    fix: {
      text: 'Wait for account verification to finish (new accounts can take hours); if it does not, open an AWS Support case.',
      actor: 'administrator',
      docs: DOCS.support,
    },
  },
  'account-not-authorized': {
    gate: 'model-access',
    status: 'fail',
    summary: 'The account itself is not authorized for this model or operation (an account-level restriction AWS sets, e.g. for new accounts or a model not offered to the account): not an IAM problem.',
    fix: {
      text: 'An administrator contacts AWS Support (or AWS Sales, as the message says) to lift the account-level restriction; changing IAM will not help. Meanwhile, an ACTIVE model of another provider may be available.',
      actor: 'administrator',
      commands: ['aws bedrock get-foundation-model-availability --model-id <model-id> --region <region>'],
      docs: DOCS.apiErrors,
    },
  },
  'operation-not-allowed': {
    gate: 'model-access',
    status: 'fail',
    summary: 'Bedrock refuses this operation for the account ("Operation not allowed"). The cause is not documented: an account-level block, or a Legacy model in extended access.',
    fix: {
      text: 'Try an ACTIVE model (and an Amazon model) to see whether it is this model or the whole account; if it is account-wide, an administrator opens an AWS Support case (no IAM or code change fixes it).',
      actor: 'administrator',
      commands: [CHECK],
      docs: DOCS.support,
    },
  },

  // Found by the model-access gate from availability, lifecycle and simulation.
  'model-legacy': {
    gate: 'model-access',
    status: 'warn',
    summary: 'The model is a Legacy model: new accounts cannot use it, and accounts lose access after 15 to 30 days without use.',
    fix: {
      text: 'Migrate to an ACTIVE model of the same family.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[?modelLifecycle.status==\'ACTIVE\'].modelId"'],
      docs: DOCS.lifecycle,
    },
  },
  'model-not-available-in-region': {
    gate: 'model-access',
    status: 'fail',
    summary: 'Bedrock reports the model as not available to this account in this Region.',
    fix: {
      text: 'Use a Region where the model is available to the account (opt-in Regions must be enabled first).',
      actor: 'caller',
      docs: DOCS.modelAccess,
    },
  },
  'account-not-authorized-for-model': {
    gate: 'model-access',
    status: 'warn',
    summary: 'Bedrock reports authorizationStatus NOT_AUTHORIZED for the model: the account may be blocked from it.',
    fix: {
      text: 'If the invoke call is also denied, ask AWS Support (or your account team) to enable the model for this account.',
      actor: 'administrator',
      docs: DOCS.modelAccess,
    },
  },
  'marketplace-subscription-needed': {
    gate: 'model-access',
    status: 'warn',
    summary: "No AWS Marketplace subscription for the model yet: the first call in this account creates it and accepts the provider's offer.",
    fix: {
      text: 'The first InvokeModel or Converse call of this model in the account subscribes it in AWS Marketplace and accepts the provider EULA, for every Region: that caller needs aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions (with aws:CalledViaLast = bedrock.amazonaws.com) and the account a valid payment method. Or an administrator enables it once with the agreement APIs below; after that no runtime role needs Marketplace permissions.',
      actor: 'administrator',
      commands: [
        'aws bedrock list-foundation-model-agreement-offers --model-id <model-id> --region <region>',
        'aws bedrock create-foundation-model-agreement --model-id <model-id> --offer-token <offer-token> --region <region>',
      ],
      docs: DOCS.modelAccess,
    },
  },
});

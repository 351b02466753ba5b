/** Provider terms: the Marketplace agreement is accepted; Anthropic's use-case form is on file. */

import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const PROVIDER_TERMS_CAUSES = causes({
  'marketplace-subscription-pending': {
    gate: 'provider-terms',
    status: 'pending',
    summary:
      'The AWS Marketplace subscription for this model is still being processed; access follows by itself.',
    fix: {
      text: 'Wait up to 15 minutes and retry; if it is still pending after that, retry every 15 minutes and then contact AWS Support.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  'anthropic-use-case-missing': {
    gate: 'provider-terms',
    status: 'fail',
    summary: "Anthropic's one-time use-case form has not been submitted for this account (or it was submitted less than ~15 minutes ago).",
    fix: {
      text: 'Submit the use-case form once for the account: open any Anthropic model in the Bedrock console playground, or have an administrator submit it with the API (from the management account, it covers the whole Organization). Opt-in Regions need their own submission. Access follows within minutes. If it was already submitted, check that your credentials point at that account.',
      actor: 'administrator',
      commands: [
        `FORM=$(printf '%s' '{"companyName":"…","companyWebsite":"https://…","intendedUsers":"0","industryOption":"…","otherIndustryOption":"","useCases":"…"}' | base64 | tr -d '\\n')`,
        'aws bedrock put-use-case-for-model-access --region <region> --form-data "$FORM"',
        'aws sts get-caller-identity',
      ],
      docs: DOCS.modelAccess,
    },
  },
  'use-case-form-invalid': {
    gate: 'provider-terms',
    status: 'fail',
    summary: 'The Anthropic use-case form submission was rejected: the formData is not valid (wrong encoding or missing fields).',
    fix: {
      text: 'Send formData as JSON with companyName, companyWebsite, intendedUsers, industryOption, otherIndustryOption and useCases: base64-encoded once for the AWS CLI, raw bytes for the SDKs.',
      actor: 'administrator',
      commands: ['aws bedrock put-use-case-for-model-access --region <region> --form-data "$(base64 < use-case.json | tr -d \'\\n\')"'],
      docs: DOCS.modelAccess,
    },
  },

  // Found by the provider-terms gate from the agreement's state.
  'marketplace-agreement-failed': {
    gate: 'provider-terms',
    status: 'fail',
    summary: 'The AWS Marketplace agreement for the model failed.',
    fix: {
      text: 'Usual causes: no valid payment method for Marketplace purchases, or a geographic restriction. Fix the billing settings, then retry after 2 minutes.',
      actor: 'administrator',
      docs: DOCS.apiErrors,
    },
  },
  'marketplace-agreement-not-accepted': {
    gate: 'provider-terms',
    status: 'warn',
    summary: "The provider's offer for the model has not been accepted in this account; the first call accepts it.",
    fix: {
      text: 'If your organisation must review the terms first, do so, then let an administrator accept the offer once for the account.',
      actor: 'administrator',
      commands: ['aws bedrock list-foundation-model-agreement-offers --model-id <model-id> --region <region>'],
      docs: DOCS.modelAccess,
    },
  },
});

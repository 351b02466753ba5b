/** Invoke: the minimal Converse call, the request body and the service's answers. */

import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const INVOKE_CAUSES = causes({
  'tokens-per-day-exhausted': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'The account\'s tokens-per-day quota for this model is used up (new accounts get reduced daily quotas).',
    fix: {
      text: 'Request a higher "Model invocation max tokens per day for <model>" quota (or the account-wide "Cross-Model Max Tokens Per Day") in Service Quotas; for new accounts AWS Support may need to raise it. Or wait for the day to roll over.',
      actor: 'administrator',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region> --query "Quotas[?contains(QuotaName, \'tokens per day\') || contains(QuotaName, \'Tokens Per Day\')].[QuotaName,Value]"'],
      docs: DOCS.quotasRuntime,
    },
  },
  'malformed-request': {
    gate: 'invoke',
    status: 'fail',
    summary: 'Bedrock reached the model and rejected the request body: the application sent a field, structure or size the model does not accept. Access is fine.',
    fix: {
      text: 'Fix the request the application sends (the message names the field); for Anthropic models on Bedrock check anthropic_version, beta flags, tool_use/tool_result ordering and unsupported fields. Upgrading the client library often fixes it.',
      actor: 'caller',
      docs: DOCS.converse,
    },
  },
  'service-quota-exceeded': {
    gate: 'invoke',
    status: 'fail',
    summary: 'The request exceeds a service quota of the account.',
    fix: {
      text: 'Request a quota increase in Service Quotas for the quota named in the message.',
      actor: 'administrator',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region>'],
      docs: DOCS.quotas,
    },
  },
  'model-not-ready': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'The model is not ready to serve requests yet; this says nothing about access.',
    fix: { text: 'Retry after a short wait (the SDK retries automatically).', actor: 'caller', commands: [CHECK], docs: DOCS.apiErrors },
  },
  'model-timeout': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'The model took too long to process the request; this says nothing about access.',
    fix: {
      text: 'Retry, reduce the input or max tokens, or use streaming for long generations.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  throttled: {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'Bedrock throttled the call: the model\'s tokens-per-minute quota (or too many requests at once); this proves nothing about access.',
    fix: {
      text: 'Retry with backoff. If it persists, request a higher "On-demand InvokeModel tokens per minute for <model>" quota in Service Quotas ("Cross-Region InvokeModel tokens per minute for <model>" when you call through an inference profile). Each request reserves its input plus maxTokens against the quota, so set maxTokens to what you need.',
      actor: 'caller',
      commands: ['aws service-quotas list-service-quotas --service-code bedrock --region <region> --query "Quotas[?contains(QuotaName, \'tokens per minute\')].[QuotaName,Value]"'],
      docs: DOCS.quotasRuntime,
    },
  },
  'service-unavailable': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'Bedrock is temporarily unable to serve the request (capacity or an outage); this proves nothing about access.',
    fix: {
      text: 'Retry with exponential backoff, or use a cross-Region inference profile to spread load.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  'internal-error': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'Bedrock returned an internal error; this proves nothing about access (it can also hide an over-long input or a misrouted endpoint).',
    fix: {
      text: 'Retry; if it repeats for the same request, reduce the input size and check AWS_ENDPOINT_URL* overrides (control-plane calls sent to bedrock-runtime fail this way).',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  'model-error': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: 'The model itself failed while processing the request; access is fine.',
    fix: { text: 'Retry; if it repeats, simplify the request.', actor: 'caller', commands: [CHECK], docs: DOCS.apiErrors },
  },
  'request-invalid': {
    gate: 'invoke',
    status: 'fail',
    summary: 'Bedrock rejected the request as invalid; the message names the field.',
    fix: {
      text: 'Check the model id and the request body against the message.',
      checkHint: 'Run bedrock-doctor check to rule out Region and access problems.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },

  // Decided by the invoke gate before or after its call.
  'not-requested': {
    gate: 'invoke',
    status: 'skip',
    summary: 'Not called (--no-invoke): the results above are predictions.',
    fix: null,
    noFix: 'The user asked for predictions only.',
  },
  'converse-unsupported': {
    gate: 'invoke',
    status: 'skip',
    summary: 'Not called: the model outputs no text, and Converse needs a text model. The other gates still apply to InvokeModel.',
    fix: null,
    noFix: 'Nothing is wrong: the doctor has no minimal request for a model without text output.',
  },
  'invoke-would-subscribe': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: "Not called: a call might subscribe the whole account to the model in AWS Marketplace and accept the provider's offer.",
    fix: {
      text: 'Re-run with --allow-subscribe to make the call (and subscribe), or have an administrator enable the model first.',
      actor: 'caller',
      commands: ['bedrock-doctor check --region <region> --model <model-id> --allow-subscribe'],
      docs: DOCS.modelAccess,
    },
  },
  'probe-request-rejected': {
    gate: 'invoke',
    status: 'inconclusive',
    summary: "Bedrock rejected the doctor's minimal Converse request: this model may need another request shape; access itself was not refused.",
    fix: null,
    noFix: "The doctor's own request shape is at fault, not the caller's access; the error text is in the evidence.",
  },
});

import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { callAws } from '../aws/call.js';
import type { GateCheck, GateContext, PlannedTarget } from './context.js';
import { baseModelId } from './model-access.js';
import { outcome } from './outcome.js';

/** A minimal request every text model accepts: a short prompt, few tokens, no randomness. */
export const PROBE_REQUEST = {
  messages: [{ role: 'user' as const, content: [{ text: 'Reply with the single word: pong' }] }],
  inferenceConfig: { maxTokens: 16, temperature: 0 },
};

/**
 * The first call to a Marketplace-sold model without an agreement creates the subscription and
 * accepts the provider's offer for the whole account. Returns the reason not to call, if any.
 */
async function wouldSubscribe(ctx: GateContext, target: PlannedTarget): Promise<string | null> {
  if (ctx.options.allowSubscribe) return null;
  const baseId = await baseModelId(ctx, target);
  if (!baseId) return null;
  const availability = await ctx.lookups.availability(target.region, baseId);
  const status = availability.ok ? availability.value.agreementAvailability?.status : undefined;
  if (status !== 'NOT_AVAILABLE' && status !== 'ERROR') return null;
  const offers = await ctx.lookups.offers(target.region, baseId);
  if (!offers.ok || (offers.value.offers ?? []).length === 0) return null;
  return `${baseId} is sold through AWS Marketplace and this account has no agreement yet: a call would subscribe the whole account and accept the provider's offer.`;
}

/**
 * invoke: one minimal Converse call, the ground truth. Its failure is classified by the same
 * rules as every other error; the pipeline moves it to the gate at fault.
 */
export const checkInvoke: GateCheck = async (ctx, target) => {
  if (ctx.options.noInvoke) {
    return outcome('invoke', 'skip', 'not-requested', 'Not called (--no-invoke): the results above are predictions.');
  }
  const reason = await wouldSubscribe(ctx, target);
  if (reason) {
    return outcome('invoke', 'inconclusive', 'invoke-would-subscribe', `Not called: ${reason}`, {
      text: 'Re-run with --allow-subscribe to make the call (and subscribe), or have an administrator enable the model first.',
      actor: 'caller',
      commands: [`bedrock-doctor check --region ${target.region} --model ${target.model} --allow-subscribe`],
      docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
    });
  }
  const call = await callAws<{ stopReason?: string; usage?: { totalTokens?: number }; metrics?: { latencyMs?: number } }>(
    ctx.clients.runtime(target.region),
    new ConverseCommand({ modelId: target.ref.input, ...PROBE_REQUEST }),
    { service: 'bedrock-runtime', operation: 'Converse' },
    ctx.settings,
  );
  if (call.ok) {
    const { stopReason, usage, metrics } = call.value;
    return {
      ...outcome('invoke', 'pass', null, `Converse answered in ${call.durationMs} ms (stop reason ${stopReason ?? 'unknown'}).`, null, {
        ...call.evidence,
        details: { stopReason, totalTokens: usage?.totalTokens, modelLatencyMs: metrics?.latencyMs },
      }),
      invoke: { answered: true },
    };
  }
  const d = call.diagnosis;
  const own = d.gate === 'invoke' || d.gate === 'unknown';
  // A failure that belongs to another gate carries its fix there; this row only records it.
  return {
    ...outcome('invoke', d.status, d.cause, own ? d.summary : `Converse failed: ${d.summary} (see ${d.gate})`, own ? d.fix : null, call.evidence),
    invoke: { answered: false, diagnosis: d },
  };
};

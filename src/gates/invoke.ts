import { loadRuntime } from '../aws/sdk.js';
import type { CauseId } from '../causes/index.js';
import { callAws, notAnAnswer, type Failed } from '../aws/call.js';
import type { GateCheck, GateContext, PlannedTarget } from './shared/context.js';
import { agreementState } from './shared/agreement.js';
import { baseModelId } from './shared/model-catalog.js';
import { finding, inCheck, pass } from './shared/finding.js';

/** A minimal request every text model accepts: a short prompt, few tokens, no randomness. */
const PROBE_REQUEST = {
  messages: [{ role: 'user' as const, content: [{ text: 'Reply with the single word: pong' }] }],
  inferenceConfig: { maxTokens: 16, temperature: 0 },
};

/** How long the invoke call waits for the control-plane readings before going ahead without them. */
const READING_BUDGET_MS = 4000;

/** Settles with `promise`, or with null once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer));
}

/** Why a call could touch the account's Marketplace agreement; null when it cannot. */
type SubscribeRisk =
  /** A call would subscribe the whole account and accept the provider's offer. */
  | { kind: 'would-subscribe'; reason: string }
  /** The agreement failed (payment, geography): provider-terms reports it; a call fixes nothing. */
  | { kind: 'agreement-failed' }
  | null;

/**
 * The first call to a Marketplace-sold model without an agreement creates the subscription and
 * accepts the provider's offer for the whole account. Says why not to call, if anything does.
 * It fails closed: with no agreement and unreadable offers, the call is not made either. With
 * no reading at all (the caller may not look, or the control plane is slow), it calls: nothing
 * then shows that the account lacks an agreement.
 */
async function wouldSubscribe(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<SubscribeRisk> {
  if (ctx.options.allowSubscribe) return null;
  const state = await agreementState(ctx, target.region, baseId);
  // A failed agreement is not "a first call subscribes": provider-terms reports it.
  if ('failed' in state && state.failed) return { kind: 'agreement-failed' };
  switch (state.kind) {
    case 'needs-subscription':
      return { kind: 'would-subscribe', reason: `${baseId} is sold through AWS Marketplace and this account has no agreement yet: a call would subscribe the whole account and accept the provider's offer.` };
    case 'offers-unknown':
      return { kind: 'would-subscribe', reason: `this account has no agreement for ${baseId} and its Marketplace offers could not be read (${state.failure.diagnosis.summary}), so a call might subscribe the whole account.` };
    default:
      return null;
  }
}

/** The output modalities, when the catalog says the model produces no text (embeddings, images). */
async function textlessOutputs(ctx: GateContext, target: PlannedTarget, baseId: string): Promise<string[] | null> {
  const list = await ctx.lookups.models(target.region);
  const outputs = ((list.ok ? list.value.find((m) => m.modelId === baseId) : undefined)?.outputModalities ?? []) as string[];
  return outputs.length > 0 && !outputs.includes('TEXT') ? outputs : null;
}

/**
 * invoke: one minimal Converse call, the ground truth. Its failure is classified by the same
 * rules as every other error; the pipeline moves it to the gate at fault.
 */
export const checkInvoke: GateCheck = async (ctx, target) => {
  if (ctx.options.noInvoke) {
    return finding('invoke', 'not-requested');
  }
  // Both readings share the gates' memoized calls, so they add no request, only a wait.
  const baseId = await baseModelId(ctx, target);
  const [textless, risk] = baseId
    ? ((await within(Promise.all([textlessOutputs(ctx, target, baseId), wouldSubscribe(ctx, target, baseId)]), READING_BUDGET_MS)) ?? [null, null])
    : [null, null];
  if (textless) {
    return finding('invoke', 'converse-unsupported', {
      summary: `Not called: ${baseId} outputs ${textless.join(', ')}, not text, and Converse needs a text model. The other gates still apply to InvokeModel.`,
    });
  }
  if (risk?.kind === 'agreement-failed') {
    return finding('invoke', 'blocked-by-provider-terms', {
      summary: `Not called: the Marketplace agreement for ${baseId} failed (see provider-terms); re-run after it is fixed, or with --allow-subscribe to try the call.`,
    });
  }
  if (risk?.kind === 'would-subscribe') {
    return finding('invoke', 'invoke-would-subscribe', { summary: `Not called: ${risk.reason}`, params: { region: target.region, modelId: target.model } });
  }
  const [client, { ConverseCommand }] = await Promise.all([ctx.clients.runtime(target.region), loadRuntime()]);
  const call = await callAws<{ output?: unknown; stopReason?: string; usage?: { totalTokens?: number }; metrics?: { latencyMs?: number } }>(
    client,
    new ConverseCommand({ modelId: target.ref.input, ...PROBE_REQUEST }),
    { service: 'bedrock-runtime', operation: 'Converse' },
    ctx.settings,
  );
  if (call.ok && (call.value.output !== undefined || call.value.stopReason !== undefined)) {
    const { stopReason, usage, metrics } = call.value;
    return {
      ...pass('invoke', `Converse answered in ${call.durationMs} ms (stop reason ${stopReason ?? 'unknown'}).`, {
        ...call.evidence,
        details: { stopReason, totalTokens: usage?.totalTokens, modelLatencyMs: metrics?.latencyMs },
      }),
      invoke: { answered: true },
    };
  }
  // A 200 without output or stop reason is not a Converse answer (a proxy's page read as empty).
  const failed = call.ok ? ((await notAnAnswer(call, 'Converse', 'output and no stop reason', ctx.settings)) as Failed) : call;
  const { evidence } = failed;
  const d = await inCheck(failed.diagnosis);
  if (REQUEST_REJECTED.has(d.cause)) {
    // The doctor's own minimal request was refused as malformed: that says nothing about access.
    return {
      ...(await finding('invoke', 'probe-request-rejected', {
        summary: `Bedrock rejected the doctor's minimal Converse request (${evidence.message ?? d.summary}): this model may need another request shape; access itself was not refused.`,
        evidence,
      })),
      invoke: { answered: false },
    };
  }
  const own = d.gate === 'invoke' || d.gate === 'unknown';
  // A failure that belongs to another gate carries its fix there; this row only records it.
  return {
    gate: 'invoke',
    status: d.status,
    cause: d.cause,
    summary: own ? d.summary : `Converse failed: ${d.summary} (see ${d.gate})`,
    fix: own ? d.fix : null,
    evidence,
    invoke: { answered: false, diagnosis: d },
  };
};

/** Causes that mean "this request is malformed" rather than "this caller may not". */
const REQUEST_REJECTED = new Set<CauseId>(['malformed-request', 'request-invalid']);

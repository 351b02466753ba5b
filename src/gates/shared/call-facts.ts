import { configuredEndpoint } from '../../aws/endpoints.js';
import { usesPrincipalTags, vpcEndpointId, type CallFacts } from '../../vocabulary/request-context.js';
import type { GateContext } from './context.js';

interface KnownCallFacts {
  /** What every simulated group shares; the Region and profile are added per group. */
  facts: Omit<CallFacts, 'requestedRegion' | 'viaProfile'>;
  /** The keys the entity's own policies test; null when they could not be listed. */
  policyKeys: string[] | null;
  /** Sentences for the evidence: what could not be read. */
  notes: string[];
}

/**
 * What the doctor can know of the context the real call carries: the policies' condition keys
 * (iam:GetContextKeysForPrincipalPolicy), the principal's tags when the policies test them, the
 * VPC endpoint when the runtime endpoint override names one, and whether the call is https.
 */
export async function knownCallFacts(ctx: GateContext, source: { arn: string; account: string }): Promise<KnownCallFacts> {
  const notes: string[] = [];
  const keys = await ctx.lookups.contextKeys(source.arn);
  const policyKeys = keys.ok ? keys.value : null;
  if (!keys.ok) notes.push(`The policies' condition keys could not be listed (iam:GetContextKeysForPrincipalPolicy: ${keys.evidence.errorName ?? 'failed'}).`);

  let principalTags: Record<string, string> | undefined;
  if (policyKeys && usesPrincipalTags(policyKeys)) {
    const tags = await ctx.lookups.principalTags(source.arn);
    if (tags.ok) principalTags = tags.value;
    else notes.push(`The principal's tags could not be read (${tags.action ?? 'iam:List*Tags'}: ${tags.evidence.errorName ?? 'failed'}).`);
    // A role session's own tags override its role's, and no read-only call shows them.
    if (/:role\//.test(source.arn)) notes.push('Session tags, which override role tags, are not visible.');
  }

  const facts = callFactsWithoutTags(ctx, source);
  return { facts: principalTags ? { ...facts, principalTags } : facts, policyKeys, notes };
}

/** What is known without asking AWS: the principal, and from the runtime endpoint override, the transport and a VPC endpoint. */
export function callFactsWithoutTags(ctx: GateContext, source: { arn: string; account: string }): KnownCallFacts['facts'] {
  const runtime = configuredEndpoint('BEDROCK_RUNTIME', ctx.env);
  let endpoint: URL | undefined;
  try {
    endpoint = runtime ? new URL(runtime) : undefined;
  } catch {
    endpoint = undefined;
  }
  const sourceVpce = endpoint ? vpcEndpointId(endpoint.hostname) : undefined;
  return {
    principalArn: source.arn,
    account: source.account,
    secureTransport: endpoint ? endpoint.protocol === 'https:' : true,
    ...(sourceVpce ? { sourceVpce } : {}),
  };
}

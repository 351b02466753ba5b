/**
 * The IAM request context a Bedrock call carries, as the policy simulator's context entries:
 * what the doctor can know about the real call, so a condition on it is evaluated rather
 * than reported missing. Keys are case-insensitive in IAM.
 */

export interface ContextEntry {
  key: string;
  values: string[];
  type: 'string' | 'boolean';
}

/** What the real call is known to carry, per simulated group of resources. */
export interface CallFacts {
  /** The Region the request goes to; `unspecified` for a global foundation-model ARN. */
  requestedRegion: string;
  /** The inference profile the call goes through, for the destination model ARNs. */
  viaProfile?: string;
  /** The IAM user or role whose policies apply (a role session's principal ARN is its role). */
  principalArn: string;
  account: string;
  /** The VPC endpoint id, when the runtime endpoint override names a VPC endpoint. */
  sourceVpce?: string;
  /** The principal's tags, when they could be read. */
  principalTags?: Record<string, string>;
  /** The runtime endpoint is https (it always is, but for a local override). */
  secureTransport: boolean;
}

/**
 * An interface VPC endpoint's own DNS name, regional or zonal:
 * `vpce-0a1b…-abcd1234[-us-east-1a].bedrock-runtime.us-east-1.vpce.amazonaws.com`.
 * With private DNS the usual hostname resolves to the endpoint, and nothing shows it.
 */
const VPC_ENDPOINT_HOST = /^(vpce-[0-9a-f]{8,17})-[0-9a-z]+(?:-[0-9a-z-]+)?\.bedrock(?:-runtime)?\.[a-z0-9-]+\.vpce\.amazonaws\.com(?:\.cn)?$/i;

/** The VPC endpoint id (aws:SourceVpce) a hostname names, if it is a VPC endpoint's DNS name. */
export function vpcEndpointId(host: string): string | undefined {
  return VPC_ENDPOINT_HOST.exec(host)?.[1]?.toLowerCase();
}

const PRINCIPAL_TAG_PREFIX = 'aws:PrincipalTag/';

export function usesPrincipalTags(keys: readonly string[]): boolean {
  return keys.some((key) => key.toLowerCase().startsWith(PRINCIPAL_TAG_PREFIX.toLowerCase()));
}

/** The context entries the simulation gets for one group of resources. */
export function callContext(facts: CallFacts): ContextEntry[] {
  const string = (key: string, value: string): ContextEntry => ({ key, values: [value], type: 'string' });
  return [
    string('aws:RequestedRegion', facts.requestedRegion),
    ...(facts.viaProfile ? [string('bedrock:InferenceProfileArn', facts.viaProfile)] : []),
    string('aws:PrincipalArn', facts.principalArn),
    string('aws:PrincipalAccount', facts.account),
    { key: 'aws:SecureTransport', values: [String(facts.secureTransport)], type: 'boolean' },
    ...(facts.sourceVpce ? [string('aws:SourceVpce', facts.sourceVpce)] : []),
    ...Object.entries(facts.principalTags ?? {}).map(([tag, value]) => string(`${PRINCIPAL_TAG_PREFIX}${tag}`, value)),
  ];
}

/** The keys the policies test that the context does not supply (compared case-insensitively). */
export function unsuppliedKeys(policyKeys: readonly string[], supplied: readonly ContextEntry[]): string[] {
  const have = new Set(supplied.map((entry) => entry.key.toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const key of policyKeys) {
    const lower = key.toLowerCase();
    if (have.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    out.push(key);
  }
  return out;
}

/**
 * Keys the real call is known not to carry, so a simulation without them is faithful: a
 * direct call is made via no service (aws:CalledVia*), and through no profile unless it is.
 */
export function absentFromCall(facts: Pick<CallFacts, 'viaProfile'>): string[] {
  return ['aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast', ...(facts.viaProfile ? [] : ['bedrock:InferenceProfileArn'])];
}

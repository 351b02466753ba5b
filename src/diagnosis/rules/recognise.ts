/** What several rules look for in a message: DNS failures, bare messages, a profile name, a model id, a denial. */

import type { CauseParams } from '../../causes/index.js';
import { hostsBedrock } from '../../vocabulary/regions.js';
import { regionOfBedrockHost } from '../facts/index.js';
import { parseIamDenial } from '../iam-denial.js';
import type { MatchInput } from '../rule.js';

export const DNS_TEXT =
  /getaddrinfo|\bENOTFOUND\b|\bEAI_AGAIN\b|no such host|Name or service not known|nodename nor servname|Temporary failure in name resolution|Could not resolve host|dns error|failed to lookup address|UnknownHostException|Unable to resolve host|server misbehaving|Could not connect to the endpoint URL/i;

export function hostRegion(m: MatchInput): string | undefined {
  return regionOfBedrockHost(m.facts.host);
}

/** The host is a Bedrock endpoint in a Region that does not host Bedrock (or is no Region). */
export function regionLacksBedrock(m: MatchInput): boolean {
  const r = hostRegion(m);
  return r !== undefined && !hostsBedrock(r);
}

/** A message with no words in it: just a status, a name, or JSON metadata. */
export function isBare(m: MatchInput): boolean {
  const msg = m.facts.message.replace(new RegExp(m.facts.name ?? '\u0000', 'gi'), ' ');
  return !/[A-Za-z]{2,} [A-Za-z]{2,}/.test(msg);
}

/** The AWS CLI profile a message names, for `aws sso login --profile …`. */
export function profileOf(m: MatchInput): CauseParams {
  const found = /profile(?:=| ?: ?\[| \[|: |: ")['"]?([\w.@+-]{1,64})/.exec(m.text);
  return found?.[1] ? { profile: found[1] } : {};
}

export function modelIdOf(m: MatchInput): CauseParams {
  const id = /model ID ([\w.:-]{3,200}?)(?= with|[\s,]|$)/i.exec(m.text)?.[1] ?? /"modelId" ?: ?"([\w.:/-]{3,200})"/.exec(m.text)?.[1];
  return id ? { modelId: id } : {};
}

/** The standard denial's principal, action and resource. */
export function denialOf(m: MatchInput): CauseParams {
  return { denial: parseIamDenial(m.text) };
}

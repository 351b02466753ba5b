/**
 * Parsing the standard AWS authorization failure:
 *   "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based
 *    policy allows the ACTION action" (or "with an explicit deny in a service control policy", …)
 * The catalog turns what it names into words and a policy (causes/iam.ts).
 */

import type { CauseParams } from '../causes/index.js';

/** The denial's parts, as the cause catalog's texts use them. */
type IamDenial = NonNullable<CauseParams['denial']>;

const PRINCIPAL = /(?:User|Principal|Role): ?(arn:[^\s"',]{1,300})/;
const ACTION_RESOURCE =
  /is not authorized to perform:? ?([A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,100})(?: on resource:? ?(arn:[^\s"'<>,]{1,400}|\*))?/i;

export function parseIamDenial(text: string): IamDenial {
  const out: IamDenial = {};
  const p = PRINCIPAL.exec(text);
  if (p?.[1]) out.principal = p[1];
  const m = ACTION_RESOURCE.exec(text);
  if (m?.[1]) out.action = m[1];
  if (m?.[2]) out.resource = m[2].replace(/[.)\]}]+$/, '');
  if (/\bexplicit deny\b/i.test(text)) out.explicit = true;
  const denyIn = /explicit deny in (an? [\w -]{3,40}?(?:policy|boundary))/i.exec(text)?.[1];
  if (denyIn) out.denyIn = denyIn;
  if (/because no [\w -]{3,40}?(?:policy|boundary) allows/i.test(text)) out.missingAllow = true;
  // A profile ARN or id anywhere in the text (Claude Code prints the model it called: "us.anthropic.…").
  if (/inference-profile\/|InferenceProfileArn|inference profile|\b(?:us|eu|apac|jp|au|ca|us-gov|global)\.[a-z0-9-]+\.[a-z]/i.test(text)) out.viaProfile = true;
  return out;
}

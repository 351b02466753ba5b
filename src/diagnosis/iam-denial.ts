/**
 * Parsing the standard AWS authorization failure:
 *   "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based
 *    policy allows the ACTION action" (or "with an explicit deny in a service control policy", …)
 * The catalog turns what it names into words and a policy (causes/iam.ts).
 */

interface IamDenial {
  principal?: string;
  action?: string;
  resource?: string;
}

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
  return out;
}

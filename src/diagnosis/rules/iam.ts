/** The standard AWS denial, by the policy type that denied. */

import type { Rule } from '../rule.js';
import { denialOf } from './recognise.js';

export const IAM_RULES: readonly Rule[] = [
  {
    cause: 'scp-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /explicit deny in an? (?:service control policy|SCP)|because no service control policy allows/i,
    extract: denialOf,
  },
  {
    cause: 'rcp-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /explicit deny in an? resource control policy|because no resource control policy allows/i,
    extract: denialOf,
  },
  {
    cause: 'vpce-policy-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /no VPC endpoint policy allows|explicit deny in a VPC endpoint policy|aws:SourceVpce?\b/i,
    extract: denialOf,
  },
  {
    cause: 'permissions-boundary',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /no permissions boundary allows|explicit deny in a permissions boundary/i,
    extract: denialOf,
  },
  {
    cause: 'session-policy-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /no session policy allows|explicit deny in a session policy/i,
    extract: (m) => ({ ...denialOf(m), cognitoGuest: /CognitoIdentityCredentials|Cognito_\w*Unauth/i.test(m.text) }),
  },
  {
    cause: 'iam-explicit-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /explicit deny in (?:an? )?(?:identity-based|resource-based) policy|explicit deny\b/i,
    extract: denialOf,
  },
  {
    cause: 'iam-implicit-deny',
    seenUnder: ['AccessDeniedException', 'AccessDenied'],
    message: /no identity-based policy allows|no resource-based policy allows/i,
    extract: denialOf,
  },
  {
    cause: 'iam-not-authorized',
    seenUnder: ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'],
    // A denial cut short after the principal still names an authenticated caller that was refused.
    message: /is not authorized to perform:? ?[A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,100}|not authorized to perform (?:this|the requested) (?:action|operation)|operation: User: arn:aws[\w-]*:(?:sts|iam)::/i,
    extract: denialOf,
  },
];

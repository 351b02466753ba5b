/** Marketplace and account denials. They come before the IAM rules: these texts contain "not authorized to perform: aws-marketplace:…". */

import type { Rule } from '../rule.js';
import { denialOf, profileOf } from './recognise.js';

export const MARKETPLACE_AND_ACCOUNT_RULES: readonly Rule[] = [
  {
    cause: 'marketplace-payment-failed',
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    message:
      /INVALID_PAYMENT_INSTRUMENT|valid payment instrument|Agreement Failed|payment (?:method|instrument)[^.]{0,60}(?:invalid|required|declined|expired|missing)/i,
  },
  {
    cause: 'marketplace-subscription-pending',
    names: ['MPAgreementBeingCreated'],
    seenUnder: ['AccessDeniedException'],
    message:
      /subscription for this model is still being processed|MPAgreementBeingCreated|Agreement Pending|subscription (?:is )?(?:still )?(?:being processed|being created|pending|in progress)/i,
  },
  {
    cause: 'marketplace-permissions-missing',
    seenUnder: ['AccessDeniedException'],
    message:
      /not authorized to perform the required AWS Marketplace actions|aws-marketplace: ?(?:Subscribe|ViewSubscriptions)|Marketplace subscription for this model cannot be completed/i,
    extract: denialOf,
  },
  {
    cause: 'model-access-denied',
    seenUnder: ['AccessDeniedException'],
    message: /Model access is denied|access to (?:this|the) model (?:is|was) denied|private marketplace/i,
  },
  {
    cause: 'sso-no-access',
    seenUnder: ['ForbiddenException'],
    message: /\bNo access\b/i,
    when: (m) =>
      m.facts.name === 'ForbiddenException' || /GetRoleCredentials/i.test(m.facts.operation ?? m.context.operation ?? ''),
    extract: profileOf,
  },
  {
    cause: 'assume-role-denied',
    seenUnder: ['AccessDenied', 'AccessDeniedException', 'InvalidIdentityToken'],
    message:
      /not authorized to perform:? ?sts:(?:AssumeRole|TagSession|SetSourceIdentity)\w{0,30}|Could not assume role|is not authorized to assume|No OpenIDConnect provider found|Incorrect token audience|InvalidIdentityToken|AssumeRole\w{0,30} operation: (?:User|Access denied|Not authorized)/i,
  },
  {
    cause: 'bearer-token-denied',
    seenUnder: ['AccessDeniedException'],
    message: /bedrock:CallWithBearerToken|API keys? (?:are |is )?(?:disabled|not allowed|blocked|denied)/i,
    extract: denialOf,
  },
];

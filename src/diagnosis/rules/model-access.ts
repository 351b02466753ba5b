/** Model access: Legacy and end-of-life models, account-level blocks. */

import type { Rule } from '../rule.js';

export const MODEL_ACCESS_RULES: readonly Rule[] = [
  {
    cause: 'legacy-model-inactive',
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    message:
      /marked (?:by (?:the )?provider )?as Legacy|not been actively using the model|model (?:is|has been) (?:marked )?(?:as )?legacy|legacy model[^.]{0,60}(?:not available|no longer|access)/i,
  },
  {
    cause: 'model-end-of-life',
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    message: /reached (?:the |its )?end of (?:its )?life|end[- ]of[- ]life|model (?:version )?(?:has been|is) (?:retired|deprecated|discontinued)|no longer (?:available|supported) for (?:use|invocation)/i,
  },
  {
    cause: 'model-access-not-granted',
    seenUnder: ['AccessDeniedException'],
    message: /(?:don't|do not|does not|doesn't) have access to (?:the |this )?(?:requested )?model|access to (?:the |this )?model (?:is not|has not been) (?:granted|enabled)|model access (?:is )?(?:not enabled|required)/i,
  },
  {
    cause: 'account-being-verified',
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    message: /account is (?:currently )?being verified|account verification (?:is )?(?:in progress|pending)/i,
  },
  {
    cause: 'account-not-authorized',
    names: ['BadCScoreException'],
    seenUnder: ['AccessDeniedException', 'ValidationException'],
    message:
      /account is not authorized to (?:invoke this API operation|access this model|use this model)|is not available for this account|not (?:available|allowed|enabled) (?:to|for) (?:this|your) account|BadCScore|contact AWS Sales|\bpermission_error\b/i,
  },
  {
    cause: 'operation-not-allowed',
    seenUnder: ['ValidationException', 'AccessDeniedException'],
    message: /\bOperation not allowed\b/i,
  },
];

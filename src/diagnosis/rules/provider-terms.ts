/** Provider terms: Anthropic's use-case form. */

import type { Rule } from '../rule.js';

export const PROVIDER_TERMS_RULES: readonly Rule[] = [
  {
    cause: 'anthropic-use-case-missing',
    names: ['FTUFormNotFilled'],
    seenUnder: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    message:
      /use case details have not been submitted|use case details|FTUFormNotFilled|use[- ]case (?:details )?form|Fill out the Anthropic use case|not filled out the (?:required )?(?:use[- ]case|request) form|first[- ]time[- ]use form/i,
  },
  {
    cause: 'use-case-form-invalid',
    seenUnder: ['ValidationException'],
    message: /Invalid form data/i,
  },
];

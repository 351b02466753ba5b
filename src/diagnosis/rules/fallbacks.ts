/** Fallbacks on an error name or HTTP status alone: the least specific, so last. */

import type { Rule } from '../rule.js';
import { isBare } from './recognise.js';

export const FALLBACK_RULES: readonly Rule[] = [
  {
    cause: 'access-denied-no-message',
    names: ['AccessDeniedException', 'AccessDenied'],
    httpStatus: [],
    when: (m) => m.context.authMode !== 'sigv4' && isBare(m),
  },
  {
    cause: 'access-denied',
    names: ['AccessDeniedException', 'AccessDenied', 'ForbiddenException', 'NotAuthorized'],
    httpStatus: [403],
    message:
      /\bAccess denied\b|\bForbidden\b[^.]{0,40}(?:permission|not allowed)|\bpermission denied\b|(?:do not|don't|does not|doesn't) have (?:the )?(?:required |necessary |sufficient )?permissions? to\b/i,
  },
  {
    cause: 'unauthenticated',
    names: ['UnauthorizedException', 'NotAuthorizedException'],
    httpStatus: [401],
  },
  {
    cause: 'resource-not-found',
    names: ['ResourceNotFoundException'],
    httpStatus: [404],
  },
  {
    cause: 'request-invalid',
    names: ['ValidationException', 'BadRequestException'],
    httpStatus: [400, 413, 422],
  },
];

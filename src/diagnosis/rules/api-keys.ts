/** Bedrock API keys and authorization headers. */

import type { Rule } from '../rule.js';
import { isBare } from './recognise.js';

export const API_KEY_RULES: readonly Rule[] = [
  {
    cause: 'bearer-token-empty',
    message: /could not be signed with `?token`? since the `?token`? is not defined|bearer token (?:is )?(?:empty|missing)/i,
  },
  {
    cause: 'api-key-bad-format',
    seenUnder: ['AccessDeniedException', 'UnauthorizedException'],
    httpStatus: [],
    message: /Invalid API Key format|Must start with (?:a |the )?pre-?defined prefix/i,
  },
  {
    cause: 'api-key-invalid',
    names: ['AccessDeniedException'],
    seenUnder: ['UnauthorizedException'],
    httpStatus: [401, 403],
    // A bare 403 (no message) is this cause only when the call used a bearer token.
    message:
      /Authentication failed:? ?Please make sure your API Key is valid|(?:API|bearer) (?:key|token)[^.]{0,30}(?:invalid|expired|not valid|revoked)|invalid (?:Bedrock )?(?:API|bearer) (?:key|token)/i,
    when: (m) => m.match !== undefined || (m.context.authMode === 'api-key' && isBare(m)),
  },
  {
    cause: 'malformed-authorization',
    names: ['IncompleteSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException', 'MissingAuthenticationToken'],
    seenUnder: ['AccessDeniedException'],
    message:
      /Authorization header requires '?(?:Credential|Signature|SignedHeaders)|Missing Authentication Token|Authorization header (?:is )?(?:malformed|invalid|missing)|Invalid key=value pair .{0,40}Authorization header|Authorization header or parameters are not formatted correctly/i,
  },
];

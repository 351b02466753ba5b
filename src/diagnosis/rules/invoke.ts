/** Invoke: the request body, quotas, throttling and service faults. */

import type { Rule } from '../rule.js';

export const INVOKE_RULES: readonly Rule[] = [
  {
    cause: 'tokens-per-day-exhausted',
    seenUnder: ['ThrottlingException', 'ServiceQuotaExceededException'],
    message: /tokens per day|daily token (?:quota|limit)|per-day (?:token )?quota/i,
  },
  {
    cause: 'malformed-request',
    seenUnder: ['ValidationException', 'ModelErrorException', 'ModelStreamErrorException', 'BadRequestException'],
    message:
      /Malformed input request|Extra inputs are not permitted|extraneous key|tool_result|tool_use|invalid beta flag|input is too long|prompt is too long|Input validation error|maximum context length|too many (?:input )?tokens in the (?:request|prompt)|is not valid against schema|required key \[|messages\.\d{1,4}|unsupported (?:parameter|field)|unexpected field|Invalid (?:request )?body|reformat your input|field required|must not be valid against schema|Unsupported value|model returned the following errors|roles must alternate|max_tokens|tool_choice|maximum allowed number of (?:output|input) tokens|maximum tokens you requested|exceeds? the model(?:'s)? (?:token )?limit|\btool(?:Config|Use|Result|Choice)\b|budget_tokens|\bInput should be\b|(?:field|parameter|key) must be (?:defined|set|provided|specified)|context (?:window|length) (?:exceeded|is exceeded)|prompt caching|cachePoint/i,
  },
  {
    cause: 'service-quota-exceeded',
    names: ['ServiceQuotaExceededException'],
    message: /exceeds the service quota|service quota (?:exceeded|limit)|quota (?:has been )?exceeded for/i,
  },
  {
    cause: 'model-not-ready',
    names: ['ModelNotReadyException'],
    message: /model[^.]{0,60}not ready|not ready to serve/i,
  },
  {
    cause: 'model-timeout',
    names: ['ModelTimeoutException'],
    httpStatus: [408],
    message: /model (?:has )?timed out|Model timeout/i,
  },
  {
    cause: 'throttled',
    names: ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'],
    seenUnder: ['ServiceQuotaExceededException', 'ModelStreamErrorException', 'ServiceUnavailableException'],
    httpStatus: [429],
    message:
      /too many requests|too many tokens|rate (?:is )?too high|rate exceeded|Rate limit(?:ed| exceeded| reached)|request limit exceeded|slow down|(?:tokens|requests) per minute|\brate_limit|reduce the frequency of requests|\bThrottl(?:ed|ing)\b/i,
  },
  {
    cause: 'service-unavailable',
    names: ['ServiceUnavailableException', 'ServiceUnavailable'],
    httpStatus: [502, 503, 504, 529],
    message:
      /Bedrock is unable to process your request|Service ?Unavailable|\boverloaded(?:_error)?\b|temporarily unavailable|Bad Gateway|Gateway Time-?out|insufficient capacity/i,
  },
  {
    cause: 'internal-error',
    names: ['InternalServerException', 'InternalFailure', 'InternalServerError'],
    seenUnder: ['ModelStreamErrorException'],
    httpStatus: [500],
    message: /encountered an unexpected error|Internal Server Error|internal (?:server )?(?:error|failure)|InternalFailure|server (?:had|encountered|experienced) an (?:internal )?error/i,
  },
  {
    cause: 'model-error',
    names: ['ModelErrorException', 'ModelStreamErrorException'],
    httpStatus: [424],
    message: /model returned an error|error (?:from|in) the model|ModelErrorException/i,
  },
];

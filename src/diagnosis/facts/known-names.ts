/**
 * AWS (and SDK-side) error names the classifier knows, canonical casing. A name from this
 * list is trusted enough to contradict a message rule; anything else is only a fact.
 */
const KNOWN_NAMES: readonly string[] = [
  'AccessDeniedException',
  'AccessDenied',
  'ValidationException',
  'ResourceNotFoundException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceQuotaExceededException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'ModelErrorException',
  'ModelStreamErrorException',
  'InternalServerException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'ConflictException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'RequestExpired',
  'RequestTimeTooSkewed',
  'OptInRequired',
  'UnauthorizedException',
  'ForbiddenException',
  'InvalidGrantException',
  'TokenRetrievalError',
  'SSOTokenProviderFailure',
  'UnauthorizedSSOTokenError',
  'CredentialsProviderError',
  'NoCredentialsError',
  'PartialCredentialsError',
  'ProfileNotFound',
  'NoRegionError',
  'EndpointConnectionError',
  'ConnectTimeoutError',
  'ReadTimeoutError',
  'ConnectionClosedError',
  'TimeoutError',
  'AbortError',
  'RequestTimeoutException',
  'RequestTimeout',
  'FTUFormNotFilled',
  'MPAgreementBeingCreated',
  'BadCScoreException',
  'UnknownOperationException',
  'InvalidAction',
  'NotAuthorized',
  'NotAuthorizedException',
  'AggregateError',
  'SyntaxError',
];

const KNOWN_BY_LOWER = new Map(KNOWN_NAMES.map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of a known AWS error name, or undefined. */
export function knownName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : KNOWN_BY_LOWER.get(name.toLowerCase());
}

/** Longest first, so `ExpiredTokenException` wins over `ExpiredToken`. No trailing boundary:
 * glued texts such as `AccessDeniedExceptionModel access is denied…` still name the error. */
export const NAME_SCAN = new RegExp(
  `(?<![A-Za-z])(${[...KNOWN_NAMES].sort((a, b) => b.length - a.length).join('|')})`,
  'gi',
);

/** Wrapper classes that say nothing about the AWS error itself. */
export const WRAPPER_NAMES = new Set(
  [
    'Error',
    'ValueError',
    'ClientError',
    'BotoCoreError',
    'EventStreamError',
    'PermissionDeniedError',
    'AuthenticationError',
    'BadRequestError',
    'APIError',
    'APICallError',
    'AI_APICallError',
    'BedrockException',
    'BedrockError',
    'HTTPStatusError',
    'SdkClientException',
    'SdkException',
    'AwsServiceException',
    'BedrockRuntimeException',
    'BedrockRuntimeServiceException',
    'BedrockServiceException',
    'ServiceException',
    'RuntimeError',
    'Exception',
    'TypeError',
    'UnknownError',
    'InternalError',
    'ServiceError',
    'DisplayErrorContext',
  ].map((n) => n.toLowerCase()),
);

export const NODE_CODE =
  /\b(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EPROTO|CERT_[A-Z_]{2,40}|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|ERR_HTTP2_[A-Z_]{2,40}|ERR_SSL_[A-Z_]{2,40}|UND_ERR_[A-Z_]{2,40})\b/;

export const NODE_CODE_SHAPE = /^(E[A-Z_]{2,30}|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|SELF_SIGNED_[A-Z_]+|DEPTH_ZERO_[A-Z_]+|ERR_[A-Z0-9_]+|UND_ERR_[A-Z_]+)$/;

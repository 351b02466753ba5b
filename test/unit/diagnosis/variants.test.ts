import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';

/**
 * Paraphrases and other printings of the corpus errors (different SDKs, wrappers, wraps,
 * casing): a check that the rules follow what a message means, not one exact string.
 */
const VARIANTS: [text: string, gate: string, cause?: string][] = [
  // credentials
  ['ExpiredTokenException: The security token included in the request is expired\n    at throwDefaultError (node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)', 'credentials', 'expired-credentials'],
  ['<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></ErrorResponse>', 'credentials', 'expired-credentials'],
  ['An error occurred (UnrecognizedClientException) when calling the ListFoundationModels operation: The security token included in the request is invalid.', 'credentials', 'invalid-credentials'],
  ['software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException: The security token included in the request is invalid. (Service: BedrockRuntime, Status Code: 403, Request ID: 8f1c2d3e-aaaa)', 'credentials', 'invalid-credentials'],
  ['botocore.exceptions.UnauthorizedSSOTokenError: The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.', 'credentials', 'sso-expired'],
  ['botocore.exceptions.SSOTokenLoadError: Error loading SSO Token: Token for my-sso does not exist', 'credentials', 'sso-expired'],
  ["CredentialsProviderError: Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", 'credentials', 'sso-expired'],
  ['Error: Unable to locate credentials. You can configure credentials by running "aws configure".', 'credentials', 'no-credentials'],
  ['NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors', 'credentials', 'no-credentials'],
  ['botocore.exceptions.CredentialRetrievalError: Error when retrieving credentials from custom-process: exit status 1', 'credentials', 'no-credentials'],
  ['ERROR: InvalidSignatureException: Signature expired: 20250101T000000Z is now earlier than 20250101T001000Z (20250101T001500Z - 5 min.)', 'credentials', 'clock-skew'],
  ['The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.', 'credentials', 'signature-mismatch'],
  ['An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/bedrock-caller', 'credentials', 'assume-role-denied'],
  ['Error: Could not assume role with OIDC: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com', 'credentials', 'assume-role-denied'],
  ['API Error: 403 {"message":"Your API key has expired. Generate a new one."}', 'credentials', 'api-key-invalid'],
  ['ProviderError: Error response received from instance metadata service', 'credentials', 'imds-unavailable'],
  // iam
  ['botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Converse operation: User: arn:aws:sts::123456789012:assumed-role/MyRole/i-0abc is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:eu-west-3::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0 because no identity-based policy allows the bedrock:InvokeModel action', 'iam', 'iam-implicit-deny'],
  ["anthropic.PermissionDeniedError: Error code: 403 - {'message': 'User: arn:aws:sts::1:assumed-role/dev/me is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 with an explicit deny in a service control policy'}", 'iam', 'scp-deny'],
  ['AccessDeniedException(properties: AWSBedrockRuntime.AccessDeniedException.Properties(message: Optional("User: arn:aws:iam::1:user/x is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:1:application-inference-profile/abc123 because no\n permissions boundary allows the bedrock:InvokeModel action")))', 'iam', 'permissions-boundary'],
  ['│ User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform:    │\n│ bedrock:Converse on resource: arn:aws:bedrock:us-east-1::foundation-   │\n│ model/amazon.nova-lite-v1:0 because no session policy allows it        │', 'iam', 'session-policy-deny'],
  // model access / provider terms
  ['operation error Bedrock Runtime: Converse, https response error StatusCode: 403, RequestID: 4f2a, AccessDeniedException: Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model.', 'model-access', 'marketplace-permissions-missing'],
  ["PermissionDeniedError: Error code: 403 - {'message': \"You don’t have access to the model with the specified model ID.\"}", 'model-access', 'model-access-not-granted'],
  ['ERROR Bedrock call failed: {"name":"AccessDeniedException","$fault":"client","$metadata":{"httpStatusCode":403,"requestId":"abc"},"message":"Your account is not authorized to invoke this API operation."}', 'model-access', 'account-not-authorized'],
  ['litellm.exceptions.NotFoundError: litellm.NotFoundError: BedrockException - {"message":"Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model."}', 'provider-terms', 'anthropic-use-case-missing'],
  ['You have not filled out the required use-case form for this model. Complete the form at https://us-east-1.console.aws.amazon.com/bedrock/ before requesting access.', 'provider-terms', 'anthropic-use-case-missing'],
  ['AccessDeniedException: Your AWS Marketplace subscription for this model is still being processed. Try again later.', 'provider-terms', 'marketplace-subscription-pending'],
  ['RESOURCENOTFOUNDEXCEPTION: THIS MODEL VERSION HAS REACHED THE END OF ITS LIFE.', 'model-access', 'model-end-of-life'],
  // region
  ['software.amazon.awssdk.services.bedrockruntime.model.ValidationException: The provided model identifier is invalid. (Service: BedrockRuntime, Status Code: 400, Request ID: 1234)', 'region', 'invalid-model-identifier'],
  ["Error code: 400 - {'message': 'Invocation of model ID anthropic.claude-3-5-haiku-20241022-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.'}", 'region', 'inference-profile-required'],
  ["Model 'anthropic.claude-v2' is not supported in region 'eu-west-3'", 'region', 'model-not-in-region'],
  ['dial tcp: lookup bedrock-runtime.ap-east-1.amazonaws.com: no such host', 'region', 'bedrock-not-in-region'],
  ['Could not connect to the endpoint URL: "https://bedrock-runtime.cn-north-1.amazonaws.com.cn/model/x/invoke"', 'region', 'bedrock-not-in-region'],
  ['botocore.exceptions.NoRegionError: You must specify a region.', 'region', 'region-not-set'],
  // invoke
  ['[ERROR] 2025-06-01T10:00:00Z ThrottlingException: Too many tokens, please wait before trying again.', 'invoke', 'throttled'],
  ['ServiceError(ServiceError { source: ThrottlingException(ThrottlingException { message: Some("Too many requests, please wait before trying again."), meta: ErrorMetadata { code: Some("ThrottlingException") } }) })', 'invoke', 'throttled'],
  ['Error: 429 Too Many Requests', 'invoke', 'throttled'],
  ['litellm.RateLimitError: BedrockException - {"message":"Too many tokens per day, please wait before trying again."}', 'invoke', 'tokens-per-day-exhausted'],
  ["anthropic.APIStatusError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}", 'invoke', 'service-unavailable'],
  ['ModelStreamErrorException: Input is too long for requested model.', 'invoke', 'malformed-request'],
  ['ValidationException: The model returned the following errors: max_tokens: 300000 > 64000, which is the maximum allowed number of output tokens', 'invoke', 'malformed-request'],
  ['ModelTimeoutException: Model has timed out in processing the request. Try your request again.', 'invoke', 'model-timeout'],
  ['An error occurred (InternalServerException) when calling the InvokeModel operation (reached max retries: 4): Internal server error', 'invoke', 'internal-error'],
  ['Request failed with status code 503', 'invoke', 'service-unavailable'],
  // network
  ['Error: getaddrinfo EAI_AGAIN bedrock-runtime.eu-central-1.amazonaws.com', 'network', 'dns-failure'],
  ['httpx.ConnectError: [Errno 8] nodename nor servname provided, or not known', 'network', 'dns-failure'],
  ['Error: connect ETIMEDOUT 52.94.0.1:443', 'network', 'endpoint-timeout'],
  ['Error: The pending stream has been canceled (caused by: connect ETIMEDOUT 3.5.5.5:443)', 'network', 'endpoint-timeout'],
  ["requests.exceptions.SSLError: HTTPSConnectionPool(host='bedrock-runtime.us-east-1.amazonaws.com', port=443): Max retries exceeded with url: /model/x/converse (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))", 'network', 'tls-interception'],
  ['Error: self-signed certificate in certificate chain', 'network', 'tls-interception'],
  ['Error: Client network socket disconnected before secure TLS connection was established', 'network', 'connection-reset'],
  ['EndpointConnectionError: Could not connect to the endpoint URL: "https://bedrock.us-east-1.amazonaws.com/foundation-models"', 'network', 'endpoint-connection-failed'],
  ['TypeError: fetch failed\n  [cause]: Error: getaddrinfo ENOTFOUND bedrock-runtime.us-west-2.amazonaws.com', 'network', 'dns-failure'],
  ['An error occurred (ValidationException) when calling the InvokeModel operation: The requested operation is not recognized by the service.', 'network', 'wrong-endpoint'],
];

describe('paraphrased and re-wrapped errors', () => {
  it.each(VARIANTS)('%s', (text, gate, cause) => {
    const d = classify(text);
    expect(d.gate, `${d.gate}/${d.cause}`).toBe(gate);
    if (cause) expect(d.cause).toBe(cause);
  });

  it('gives the same answer for straight and curly quotes, and for any line wrapping', () => {
    for (const [text] of VARIANTS) {
      const base = classify(text);
      const curly = classify(text.replace(/'/g, '’').replace(/"/g, '”'));
      const wrapped = classify(text.replace(/ /g, (_s, i: number) => (i % 37 === 0 ? '\n   ' : ' ')));
      expect(curly.gate, text).toBe(base.gate);
      expect(wrapped.gate, text).toBe(base.gate);
    }
  });
});

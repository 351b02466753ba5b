import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../../src/causes/index.js';
import { type ClassifyContext, classify, factsFromError, factsFromText, RULES } from '../../../src/diagnosis/index.js';

/** An SDK v3-shaped service exception. */
function sdkError(name: string, message: string, status: number, fault: 'client' | 'server' = 'client'): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-1234-abcd' },
    $fault: fault,
  });
}

/** A Node system error. */
function nodeError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

type Case = [label: string, input: unknown, gate: string, cause: string, context?: ClassifyContext];

const CASES: Case[] = [
  // credentials
  ['empty bearer token', new Error('request could not be signed with `token` since the `token` is not defined'), 'credentials', 'bearer-token-empty'],
  ['api key bad format', '403 {"Message":"Invalid API Key format: Must start with pre-defined prefix"}', 'credentials', 'api-key-bad-format'],
  ['api key invalid', sdkError('AccessDeniedException', 'Authentication failed: Please make sure your API Key is valid.', 403), 'credentials', 'api-key-invalid'],
  ['bare 403 in api-key mode', sdkError('AccessDeniedException', '', 403), 'credentials', 'api-key-invalid', { authMode: 'api-key' }],
  ['malformed authorization', "403 Authorization header requires 'Credential' parameter.", 'credentials', 'malformed-authorization'],
  ['sso no access', 'An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access', 'credentials', 'sso-no-access'],
  ['assume role denied', sdkError('AccessDenied', 'User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/bedrock', 403), 'credentials', 'assume-role-denied'],
  ['sso misconfigured', "CredentialsProviderError: Sso session 'corp' could not be found in shared credentials file.", 'credentials', 'sso-misconfigured'],
  ['sso expired (JS)', Object.assign(new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' }), 'credentials', 'sso-expired'],
  ['sso expired (aws login)', 'Failed to load a token for session dev, please re-authenticate using aws login', 'credentials', 'sso-expired'],
  ['expired credentials', sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403), 'credentials', 'expired-credentials'],
  ['expired token bare', sdkError('ExpiredToken', '', 403), 'credentials', 'expired-credentials'],
  ['invalid credentials', sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403), 'credentials', 'invalid-credentials'],
  ['clock skew', sdkError('InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)', 403), 'credentials', 'clock-skew'],
  ['request expired', sdkError('RequestExpired', 'Request has expired.', 400), 'credentials', 'clock-skew'],
  ['signature mismatch', sdkError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.', 403), 'credentials', 'signature-mismatch'],
  ['imds', Object.assign(new Error('TimeoutError from instance metadata service'), { name: 'CredentialsProviderError' }), 'credentials', 'imds-unavailable'],
  ['profile not found', 'botocore.exceptions.ProfileNotFound: The config profile (dev) could not be found', 'credentials', 'profile-not-found'],
  ['no credentials', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false }), 'credentials', 'no-credentials'],
  ['unauthenticated 401', 'HTTP 401 Unauthorized', 'credentials', 'unauthenticated'],
  ['bare access denied (no auth mode)', 'AccessDeniedException: 403', 'credentials', 'access-denied-no-message'],

  // iam
  ['bearer token denied', sdkError('AccessDeniedException', 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: bedrock:CallWithBearerToken with an explicit deny in a service control policy', 403), 'iam', 'bearer-token-denied'],
  ['scp', 'User: arn:aws:sts::111122223333:assumed-role/dev/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 with an explicit deny in a service control policy: arn:aws:organizations::999:policy/o-1/service_control_policy/p-1', 'iam', 'scp-deny'],
  ['rcp', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 with an explicit deny in a resource control policy', 'iam', 'rcp-deny'],
  ['vpce', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0 because no VPC endpoint policy allows the bedrock:InvokeModel action', 'iam', 'vpce-policy-deny'],
  ['boundary', 'User: arn:aws:iam::1:user/u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0 because no permissions boundary allows the bedrock:InvokeModel action', 'iam', 'permissions-boundary'],
  ['session policy', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/x because no session policy allows the bedrock:InvokeModel action', 'iam', 'session-policy-deny'],
  ['explicit deny', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0 with an explicit deny in an identity-based policy', 'iam', 'iam-explicit-deny'],
  ['implicit deny', sdkError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0 because no identity-based policy allows the bedrock:InvokeModel action', 403), 'iam', 'iam-implicit-deny'],
  ['not authorized (no reason)', 'User: arn:aws:iam::1:user/u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-2::foundation-model/x', 'iam', 'iam-not-authorized'],
  ['access denied with unknown text', sdkError('AccessDeniedException', 'Something we have never seen before happened here', 403), 'iam', 'access-denied'],

  // model access and provider terms
  ['payment', 'Model access is denied due to INVALID_PAYMENT_INSTRUMENT: A valid payment instrument must be provided.', 'model-access', 'marketplace-payment-failed'],
  ['subscription pending', sdkError('AccessDeniedException', 'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed', 403), 'provider-terms', 'marketplace-subscription-pending'],
  ['marketplace permissions', sdkError('AccessDeniedException', 'Model access is denied due to arn:aws:sts::1:assumed-role/r/s is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the action', 403), 'model-access', 'marketplace-permissions-missing'],
  ['model access denied (other reason)', sdkError('AccessDeniedException', 'Model access is denied due to PRIVATE_MARKETPLACE_RESTRICTION: the product is not approved.', 403), 'model-access', 'model-access-denied'],
  ['legacy', 'ResourceNotFoundException: Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days.', 'model-access', 'legacy-model-inactive'],
  ['eol', sdkError('ResourceNotFoundException', 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.', 404), 'model-access', 'model-end-of-life'],
  ['not granted', sdkError('AccessDeniedException', "You don't have access to the model with the specified model ID.", 403), 'model-access', 'model-access-not-granted'],
  ['being verified', 'AccessDeniedException: Your account is currently being verified', 'model-access', 'account-being-verified'],
  ['account not authorized', 'BadCScoreException: Your account is not authorized to access this model', 'model-access', 'account-not-authorized'],
  ['operation not allowed', sdkError('ValidationException', 'Operation not allowed', 400), 'model-access', 'operation-not-allowed'],
  ['ftu', sdkError('ResourceNotFoundException', 'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model.', 404), 'provider-terms', 'anthropic-use-case-missing'],
  ['form invalid', 'An error occurred (ValidationException) when calling the PutUseCaseForModelAccess operation: Invalid form data.', 'provider-terms', 'use-case-form-invalid'],

  // region
  ['profile required', sdkError('ValidationException', 'Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.', 400), 'region', 'inference-profile-required'],
  ['invalid id', sdkError('ValidationException', 'The provided model identifier is invalid.', 400), 'region', 'invalid-model-identifier'],
  ['not in region', sdkError('ResourceNotFoundException', 'Could not resolve the foundation model from the provided model identifier.', 404), 'region', 'model-not-in-region'],
  ['client cannot parse profile', 'Unsupported model provider: eu', 'region', 'profile-id-unsupported-by-client'],
  ['bedrock not in region', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND bedrock-runtime.ap-east-1.amazonaws.com', { hostname: 'bedrock-runtime.ap-east-1.amazonaws.com', syscall: 'getaddrinfo' }), 'region', 'bedrock-not-in-region'],
  ['region not set', 'Error: Region is missing', 'region', 'region-not-set'],
  ['invalid region', 'Region not accepted: region="us east 1" is not a valid hostname component.', 'region', 'invalid-region'],
  ['region not enabled', sdkError('OptInRequired', 'You are not subscribed to this service.', 403), 'region', 'region-not-enabled'],
  ['resource not found', sdkError('ResourceNotFoundException', 'Something else entirely.', 404), 'region', 'resource-not-found'],

  // invoke
  ['tokens per day', sdkError('ThrottlingException', 'Too many tokens per day, please wait before trying again.', 429), 'invoke', 'tokens-per-day-exhausted'],
  ['malformed', sdkError('ValidationException', 'Malformed input request: #: extraneous key [foo] is not permitted, please reformat your input and try again.', 400), 'invoke', 'malformed-request'],
  ['quota', sdkError('ServiceQuotaExceededException', 'Your request exceeds the service quota for your account.', 400), 'invoke', 'service-quota-exceeded'],
  ['not ready', sdkError('ModelNotReadyException', 'The model specified in the request is not ready to serve inference requests.', 429), 'invoke', 'model-not-ready'],
  ['model timeout', sdkError('ModelTimeoutException', 'Model has timed out in processing the request.', 408), 'invoke', 'model-timeout'],
  ['throttled', { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 429 } }, 'invoke', 'throttled'],
  ['unavailable', sdkError('ServiceUnavailableException', 'Bedrock is unable to process your request.', 503, 'server'), 'invoke', 'service-unavailable'],
  ['internal', sdkError('InternalServerException', 'The system encountered an unexpected error during processing. Try your request again.', 500, 'server'), 'invoke', 'internal-error'],
  ['model error', sdkError('ModelErrorException', 'The model returned an error.', 424), 'invoke', 'model-error'],
  ['request invalid', sdkError('ValidationException', 'Something about the request was wrong.', 400), 'invoke', 'request-invalid'],

  // network
  ['wrong endpoint', sdkError('UnknownOperationException', '', 404), 'network', 'wrong-endpoint'],
  ['tls', nodeError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'), 'network', 'tls-interception'],
  ['dns', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND bedrock-runtime.us-east-1.amazonaws.com', { hostname: 'bedrock-runtime.us-east-1.amazonaws.com' }), 'network', 'dns-failure'],
  ['endpoint connection', 'EndpointConnectionError: Could not connect to the endpoint URL: "https://bedrock-runtime.us-west-2.amazonaws.com/model/x/converse"', 'network', 'endpoint-connection-failed'],
  ['refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566'), 'network', 'connection-refused'],
  ['reset', nodeError('ECONNRESET', 'socket hang up'), 'network', 'connection-reset'],
  ['timeout', Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' }), 'network', 'endpoint-timeout'],
  ['proxy error', 'botocore.exceptions.ProxyConnectionError: Failed to connect to proxy URL: "http://proxy:3128"', 'network', 'proxy-error'],
  ['proxy not used', Object.assign(new AggregateError([], ''), {}), 'network', 'proxy-not-used'],
  ['garbage', Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), { $metadata: { httpStatusCode: 200 } }), 'network', 'garbage-response'],
];

describe('every rule', () => {
  it.each(CASES)('%s', (_label, input, gate, cause, context) => {
    const d = classify(input, context);
    expect({ gate: d.gate, cause: d.cause }).toEqual({ gate, cause });
    expect(d.rule).toBe(cause);
  });

  it('has at least one table case', () => {
    const covered = new Set(CASES.map((c) => c[3]));
    const missing = RULES.map((r) => r.cause).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('has one rule per cause, a catalog entry with an actor, a docs link and a finding status, and no stateful regex', () => {
    const ids = RULES.map((r) => r.cause);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      const spec = CAUSES[r.cause];
      expect(spec.fix, r.cause).not.toBeNull();
      expect(['caller', 'administrator'], r.cause).toContain(spec.fix!.actor);
      expect(spec.fix!.docs, r.cause).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//);
      expect(spec.summary.length, r.cause).toBeGreaterThan(10);
      expect(r.message?.flags ?? '', r.cause).not.toMatch(/[gy]/);
      expect(['fail', 'inconclusive', 'pending'], r.cause).toContain(spec.status);
      expect(spec.gate, r.cause).not.toBe('any');
    }
  });

  it('never tells a runtime role to get aws-marketplace:Subscribe', () => {
    for (const spec of Object.values(CAUSES)) {
      if (spec.fix && JSON.stringify(spec.fix.policy ?? '').includes('aws-marketplace:Subscribe')) {
        expect(spec.fix.actor).toBe('administrator');
        expect(spec.fix.text).toMatch(/first caller/i);
        expect(spec.fix.text).toMatch(/not add them to runtime roles/i);
      }
    }
  });

  it('keeps transient failures inconclusive', () => {
    for (const id of ['throttled', 'service-unavailable', 'internal-error', 'model-timeout', 'model-not-ready', 'endpoint-timeout', 'connection-reset'] as const) {
      expect(CAUSES[id].status, id).toBe('inconclusive');
    }
  });
});

describe('confidence', () => {
  it('name + message beats message alone beats name alone', () => {
    const both = classify(sdkError('ThrottlingException', 'Too many requests, please wait before trying again.', 429));
    const msg = classify('Too many requests, please wait before trying again.');
    const name = classify({ name: 'ThrottlingException' });
    expect(both.confidence).toBeCloseTo(0.95);
    expect(msg.confidence).toBeCloseTo(0.8);
    expect(name.confidence).toBeCloseTo(0.6);
    expect([both.cause, msg.cause, name.cause]).toEqual(['throttled', 'throttled', 'throttled']);
  });

  it('a specific name vetoes a message that contradicts it', () => {
    const d = classify(sdkError('ThrottlingException', 'The provided model identifier is invalid.', 429));
    expect(d.cause).toBe('throttled');
  });

  it('a message beats a name alone', () => {
    const d = classify(sdkError('ResourceNotFoundException', 'Access denied. This Model is marked by provider as Legacy', 404));
    expect(d.cause).toBe('legacy-model-inactive');
  });
});

describe('unrecognised', () => {
  it('answers unknown with the check advice', () => {
    const d = classify('the flux capacitor is misaligned');
    expect(d).toMatchObject({ gate: 'unknown', cause: 'unrecognised-error', status: 'inconclusive', confidence: 0, rule: null });
    expect(d.fix.actor).toBe('caller');
    expect(d.fix.text).toContain('bedrock-doctor check');
  });
});

describe('templated IAM summaries and policies', () => {
  it('names the global foundation model and the unspecified Region', () => {
    const d = classify('User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 with an explicit deny in a service control policy');
    expect(d.summary).toContain('arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1');
    expect(d.summary).toMatch(/global/);
    // No Allow statement overrides an SCP's Deny: the fix is the SCP, and it names the "unspecified" Region.
    expect(d.fix.policy).toBeUndefined();
    expect(d.fix.text).toContain('unspecified');
    expect(d.fix.actor).toBe('administrator');
    const implicit = classify('User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-6-v1 because no identity-based policy allows the bedrock:InvokeModel action');
    expect(JSON.stringify(implicit.fix.policy)).toContain('unspecified');
  });

  it('grants the profile and its destination models', () => {
    const d = classify('User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0 because no identity-based policy allows the bedrock:InvokeModel action');
    expect(d.summary).toContain('inference profile');
    const policy = JSON.stringify(d.fix.policy);
    expect(policy).toContain('arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0');
    // The model in each documented Region of the geography, only through the profile; no wildcard Region.
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) expect(policy).toContain(`arn:aws:bedrock:${region}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`);
    expect(policy).not.toContain('bedrock:*:');
    expect(policy).toContain('bedrock:InferenceProfileArn');
  });

  it('names a destination-Region foundation model', () => {
    const d = classify('User: arn:aws:iam::1:user/u is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0 because no identity-based policy allows the bedrock:InvokeModel action');
    expect(d.summary).toMatch(/foundation model in us-west-2/);
  });

  it('grants "*" for account-level actions', () => {
    const d = classify('User: arn:aws:iam::1:user/u is not authorized to perform: bedrock:ListFoundationModels because no identity-based policy allows the bedrock:ListFoundationModels action');
    expect(JSON.stringify(d.fix.policy)).toContain('"Resource":"*"');
  });

  it('fills the SSO profile into the command', () => {
    const d = classify("The SSO session token associated with profile=dev-admin was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.");
    expect(d.cause).toBe('sso-expired');
    expect(d.fix.commands).toContain('aws sso login --profile dev-admin');
  });

  it('names the Region without Bedrock', () => {
    const d = classify('getaddrinfo ENOTFOUND bedrock-runtime.ap-east-1.amazonaws.com');
    expect(d.summary).toContain('ap-east-1');
  });
});

describe('apostrophes', () => {
  it.each([
    ['You don’t have access to the model with the specified model ID.', "You don't have access to the model with the specified model ID."],
    ['Invocation of model ID x with on-demand throughput isn’t supported.', "Invocation of model ID x with on-demand throughput isn't supported."],
    ['The provided model doesn’t support on-demand throughput.', "The provided model doesn't support on-demand throughput."],
    ['Model use case details haven’t… “use case details have not been submitted”', 'Model use case details have not been submitted'],
  ])('%s', (curly, straight) => {
    const a = classify(curly);
    const b = classify(straight);
    expect(a.gate).toBe(b.gate);
    expect(a.cause).toBe(b.cause);
  });
});

describe('facts', () => {
  it('reads an SDK exception', () => {
    const f = factsFromError(sdkError('AccessDeniedException', 'nope', 403));
    expect(f).toMatchObject({ name: 'AccessDeniedException', httpStatus: 403, message: 'nope', requestId: 'req-1234-abcd' });
  });

  it('reads a cause chain and AggregateError children', () => {
    const inner = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443');
    const f = factsFromError(new AggregateError([inner], 'all failed'));
    expect(f.code).toBe('ECONNREFUSED');
    const wrapped = new Error('request failed', { cause: nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND bedrock.xx-foo-1.amazonaws.com', { hostname: 'bedrock.xx-foo-1.amazonaws.com' }) });
    expect(factsFromError(wrapped)).toMatchObject({ code: 'ENOTFOUND', host: 'bedrock.xx-foo-1.amazonaws.com' });
    expect(classify(wrapped).cause).toBe('bedrock-not-in-region');
  });

  it('reads $response status', () => {
    expect(factsFromError(Object.assign(new Error('x'), { $response: { statusCode: 502 } })).httpStatus).toBe(502);
  });

  it('reads botocore, Go, XML and JSON printings', () => {
    expect(factsFromText('An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many requests')).toMatchObject({
      name: 'ThrottlingException',
      operation: 'Converse',
      message: 'Too many requests',
    });
    expect(factsFromText('operation error Bedrock Runtime: Converse, https response error StatusCode: 403, RequestID: 1a2b3c4d-5e6f, AccessDeniedException: denied')).toMatchObject({
      name: 'AccessDeniedException',
      httpStatus: 403,
      operation: 'Converse',
      requestId: '1a2b3c4d-5e6f',
    });
    expect(factsFromText('<Error><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error>')).toMatchObject({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
    expect(factsFromText('{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"x y"}')).toMatchObject({ name: 'AccessDeniedException', message: 'x y' });
  });

  it('joins box-drawn, hard-wrapped text', () => {
    const f = factsFromText('│ User: arn:aws:sts::1:assumed-role/r/s is    │\n│   not authorized to perform: bedrock:InvokeModel │');
    expect(f.message).toContain('is not authorized to perform: bedrock:InvokeModel');
  });
});

describe('robustness', () => {
  const circular: Record<string, unknown> = { name: 'ThrottlingException' };
  circular.self = circular;
  const circularError = new Error('loop');
  (circularError as Error & { cause: unknown }).cause = circularError;
  const hostile = {
    get name(): string {
      throw new Error('boom');
    },
    get message(): string {
      throw new Error('boom');
    },
    toString(): string {
      throw new Error('boom');
    },
  };
  const hostileProxy = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    },
  );
  const bytes = Buffer.alloc(2 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;

  const inputs: [string, unknown][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['null', null],
    ['undefined', undefined],
    ['number', 42],
    ['NaN', Number.NaN],
    ['bigint', 10n],
    ['symbol', Symbol('x')],
    ['function', () => 1],
    ['array', [1, 'two', { three: 3 }]],
    ['circular object', circular],
    ['circular cause', circularError],
    ['throwing getters', hostile],
    ['throwing proxy', hostileProxy],
    ['2 MB random bytes', bytes.toString('latin1')],
    ['2 MB of one letter', 'a'.repeat(2 * 1024 * 1024)],
    ['2 MB of dots and letters', 'a.'.repeat(1024 * 1024)],
    ['binary buffer', bytes],
    ['NUL bytes', '\u0000'.repeat(10_000)],
    ['deep JSON', '{"a":'.repeat(10_000)],
    ['many quotes', '"message":"'.repeat(20_000)],
  ];

  it.each(inputs)('%s never throws and answers quickly', (_label, input) => {
    const start = performance.now();
    const d = classify(input);
    const ms = performance.now() - start;
    expect(typeof d.gate).toBe('string');
    expect(d.fix.text.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
    expect(() => factsFromError(input)).not.toThrow();
    expect(() => factsFromText(input as string)).not.toThrow();
  });

  it('survives a hostile context', () => {
    expect(classify('Too many requests', null as unknown as ClassifyContext).cause).toBe('throttled');
    expect(classify('Too many requests', hostileProxy as ClassifyContext).cause).toBe('throttled');
  });
});

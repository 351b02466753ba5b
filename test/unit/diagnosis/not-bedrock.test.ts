/**
 * explain knows what it does not know: real error texts from other AWS services, other AI
 * providers and other tools (test/fixtures/foreign-errors.jsonl, each with its source thread)
 * come back gate `unknown`, saying what they are, with low confidence and no policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diagnosis/index.js';

interface ForeignCase {
  id: string;
  kind: string;
  service: string;
  source: string;
  text: string;
}

const CASES: ForeignCase[] = readFileSync(new URL('../../fixtures/foreign-errors.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as ForeignCase);

/**
 * Texts that name no service at all, so a Bedrock call could have failed the same way; they
 * keep the network or throttling advice: bare connection errors to an IP and port (f085,
 * f086), a connect timeout from Node's fetch, which some Bedrock clients use (f089), and a
 * bare ThrottlingException "Rate exceeded" known only by its file path (f022).
 */
const INDISTINGUISHABLE = new Set(['f022', 'f085', 'f086', 'f089']);

describe('texts that are not about Bedrock', () => {
  it('has at least 20 real texts from at least 15 services and tools', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.service)).size).toBeGreaterThanOrEqual(15);
    for (const c of CASES) expect(c.source, c.id).toMatch(/\S+[/#]\S+/);
  });

  it.each(CASES.filter((c) => !INDISTINGUISHABLE.has(c.id)).map((c) => [`${c.id} ${c.kind}`, c] as const))('%s: unknown, no policy', (_label, c) => {
    const d = classify(c.text);
    expect({ gate: d.gate, cause: d.cause }, `${c.source}: ${d.summary}`).toEqual({ gate: 'unknown', cause: 'not-bedrock' });
    expect(d.fix.policy).toBeUndefined();
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.summary).toMatch(/^This is .+, not an Amazon Bedrock access error\.$/);
    expect(d.fix.docs ?? '').not.toMatch(/inference-profile/);
  });

  it.each([
    ['User: arn:aws:iam::111122223333:user/app is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key', /Amazon S3 permission error \(s3:GetObject\)/],
    ['connect ECONNREFUSED 127.0.0.1:5432', /PostgreSQL/],
    ['Error code: 429 - insufficient_quota: You exceeded your current quota', /OpenAI/],
  ])('names what it is: %s', (text, what) => {
    expect(classify(text).summary).toMatch(what);
  });

  it.each([
    ['a Bedrock model id wins', 'AccessDeniedException: User: arn:aws:iam::111122223333:user/app is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 (s3 bucket logging enabled)', 'iam'],
    ['an expired token is the same for every service', 'An error occurred (ExpiredToken) when calling the GetObject operation: The security token included in the request is expired', 'credentials'],
    ['the STS call that gets credentials is on the way to Bedrock', 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/app', 'credentials'],
    // A stray foreign word beside a message only Bedrock sends.
    ['a program error after a Bedrock access denial', `{'message': "You don't have access to the model with the specified model ID."}\nTraceback (most recent call last):\n  File "app.py", line 9, in <module>\n    print(body['output'])\nKeyError: 'output'`, 'model-access'],
    ['a JS crash after Bedrock throttling', '{"message":"Too many tokens, please wait before trying again."} TypeError: Cannot read properties of undefined (reading \'content\')', 'invoke'],
    ['a LiteLLM fallback naming Azure', "litellm.exceptions.APIError: You don't have access to the model with the specified model ID. Fallback: model=azure/gpt-4o", 'model-access'],
    ['a TLS failure from a fetch-based client', 'TypeError: fetch failed at node:internal/deps/undici/undici:13502:13 { cause: Error: unable to get local issuer certificate code: UNABLE_TO_GET_ISSUER_CERT_LOCALLY }', 'network'],
    ['Cognito credentials for a Bedrock app', 'An error occurred (NotAuthorizedException) when calling the GetCredentialsForIdentity operation: Token is expired', 'credentials'],
    ['aws sso login', 'An error occurred (InvalidGrantException) when calling the StartDeviceAuthorization operation: Invalid grant provided', 'credentials'],
    ['an S3 word in a Bedrock batch job', 'An error occurred (ValidationException) when calling the CreateModelInvocationJob operation: The specified bucket does not exist', 'invoke'],
  ])('still reads Bedrock texts as Bedrock: %s', (_label, text, gate) => {
    expect(classify(text).gate).toBe(gate);
  });

  it('is not applied inside check, where the doctor knows which service it called', () => {
    const d = classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), { service: '127.0.0.1:5432', operation: 'connect' });
    expect(d.gate).toBe('network');
  });
});

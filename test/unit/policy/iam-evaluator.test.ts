import { describe, expect, it } from 'vitest';
import { evaluate } from './iam-evaluator.js';

/** The evaluator the policy tests rely on, held to AWS's documented evaluation logic. */
describe('the independent IAM evaluator', () => {
  const arn = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0';
  const allow = (extra: object = {}) => ({ Effect: 'Allow' as const, Action: 'bedrock:InvokeModel', Resource: arn, ...extra });

  it('denies by default, allows on a match, and an explicit Deny wins', () => {
    expect(evaluate({ Statement: [] }, { action: 'bedrock:InvokeModel', resource: arn })).toBe('implicitDeny');
    expect(evaluate({ Statement: [allow()] }, { action: 'bedrock:invokemodel', resource: arn })).toBe('allowed');
    expect(evaluate({ Statement: [allow(), { Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }] }, { action: 'bedrock:InvokeModel', resource: arn })).toBe('explicitDeny');
  });

  it('matches wildcards, NotAction and NotResource', () => {
    expect(evaluate({ Statement: [allow({ Action: 'bedrock:Invoke*' })] }, { action: 'bedrock:InvokeModelWithResponseStream', resource: arn })).toBe('allowed');
    expect(evaluate({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, { action: 'bedrock:InvokeModel', resource: arn })).toBe('allowed');
    expect(evaluate({ Statement: [{ Effect: 'Allow', Action: '*', NotResource: arn }] }, { action: 'bedrock:InvokeModel', resource: arn })).toBe('implicitDeny');
  });

  it('conditions: all keys must hold; a missing key fails a positive operator and passes a negated one', () => {
    const condition = { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'bedrock:InferenceProfileArn': 'p' } } };
    expect(evaluate({ Statement: [allow(condition)] }, { action: 'bedrock:InvokeModel', resource: arn, context: { 'aws:RequestedRegion': 'us-east-1', 'bedrock:InferenceProfileArn': 'p' } })).toBe('allowed');
    expect(evaluate({ Statement: [allow(condition)] }, { action: 'bedrock:InvokeModel', resource: arn, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('implicitDeny');
    const notEquals = { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } };
    expect(evaluate({ Statement: [allow(notEquals)] }, { action: 'bedrock:InvokeModel', resource: arn })).toBe('allowed');
    expect(evaluate({ Statement: [allow(notEquals)] }, { action: 'bedrock:InvokeModel', resource: arn, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('implicitDeny');
    expect(evaluate({ Statement: [allow({ Condition: { 'ForAnyValue:StringEquals': { k: ['a', 'b'] } } })] }, { action: 'bedrock:InvokeModel', resource: arn, context: { k: ['c', 'b'] } })).toBe('allowed');
  });

  it('throws on an operator it does not know, rather than guess', () => {
    expect(() => evaluate({ Statement: [allow({ Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01' } } })] }, { action: 'bedrock:InvokeModel', resource: arn, context: { 'aws:CurrentTime': '2021-01-01' } })).toThrow(/unknown condition operator/);
  });
});

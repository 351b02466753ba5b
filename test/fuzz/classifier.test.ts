import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/diagnosis/index.js';
import { parseIamDenial } from '../../src/diagnosis/iam-denial.js';
import { CAUSE_IDS } from '../../src/causes/index.js';
import { GATES } from '../../src/types.js';
import { anyText, deepJson, hugeText, textInputs, withinBudget } from './budget.js';

const RUNS = { text: 600, huge: 60, errors: 500 };
const GATE_NAMES = [...GATES, 'unknown'];

function wellFormed(diagnosis: ReturnType<typeof classify>): void {
  expect(GATE_NAMES).toContain(diagnosis.gate);
  expect(CAUSE_IDS).toContain(diagnosis.cause);
  expect(diagnosis.confidence).toBeGreaterThanOrEqual(0);
  expect(diagnosis.confidence).toBeLessThanOrEqual(1);
  expect(typeof diagnosis.summary).toBe('string');
  // The answer stays readable whatever the input: no echo of a huge text.
  expect(diagnosis.summary.length).toBeLessThan(4_000);
  expect(JSON.stringify(diagnosis.fix).length).toBeLessThan(20_000);
}

/** Error-shaped values as anything may throw them: odd types, cycles, getters that throw. */
const errorLike = fc.oneof(
  fc.record(
    {
      name: fc.oneof(fc.constantFrom('AccessDeniedException', 'TimeoutError', 'CredentialsProviderError', 'Error', ''), anyText, fc.integer()),
      message: fc.oneof(anyText, fc.constant(undefined), fc.integer(), fc.constant(null)),
      code: fc.oneof(fc.constantFrom('ENOTFOUND', 'ECONNRESET', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_X'), anyText),
      $metadata: fc.oneof(fc.record({ httpStatusCode: fc.oneof(fc.integer({ min: -1, max: 999 }), anyText), requestId: anyText }, { requiredKeys: [] }), anyText),
      $response: fc.record({ body: fc.oneof(anyText, deepJson), statusCode: fc.integer() }, { requiredKeys: [] }),
      cause: fc.oneof(anyText, fc.record({ message: anyText, code: anyText }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 4, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  anyText.map((message) => new Error(message)),
  anyText.map((message) => {
    const error = Object.assign(new Error(message), { name: 'ValidationException' }) as Error & { cause?: unknown };
    error.cause = error; // a cycle
    return error;
  }),
  anyText.map((message) =>
    Object.defineProperty(new Error(message), 'code', {
      get() {
        throw new Error('getter throws');
      },
    }),
  ),
);

describe('the classifier never throws, never hangs, stays within budget', () => {
  it(`on arbitrary texts: unicode, control characters, fragments of real errors, deep JSON (${RUNS.text} runs)`, () => {
    fc.assert(fc.property(textInputs, (text) => wellFormed(withinBudget(() => classify(text)))), { numRuns: RUNS.text });
  });

  it(`on huge texts up to 300 000 characters and JSON nested 50 000 deep (${RUNS.huge} runs)`, () => {
    fc.assert(fc.property(fc.oneof(hugeText, deepJson), (text) => wellFormed(withinBudget(() => classify(text)))), { numRuns: RUNS.huge });
  });

  it(`on error-shaped values of any type, with cycles and throwing getters (${RUNS.errors} runs)`, () => {
    fc.assert(
      fc.property(errorLike, fc.constantFrom(undefined, { service: 'bedrock-runtime', operation: 'Converse', authMode: 'sigv4' as const }), (error, context) =>
        wellFormed(withinBudget(() => classify(error, context))),
      ),
      { numRuns: RUNS.errors },
    );
  });

  it(`reads IAM denials out of any text (${RUNS.text} runs)`, () => {
    fc.assert(
      fc.property(textInputs, (text) => {
        const denial = withinBudget(() => parseIamDenial(text));
        expect(typeof denial).toBe('object');
      }),
      { numRuns: RUNS.text },
    );
  });
});

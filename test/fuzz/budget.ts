/**
 * Shared pieces of the property tests: input shapes that break parsers (huge, unicode,
 * control characters, deep nesting, fragments of real error texts), and a per-input budget.
 */
import fc from 'fast-check';

/**
 * Time and memory one input may take. Far above what any input needs (a few milliseconds), so
 * a slow machine never fails it, but far below what a quadratic scan or a catastrophic
 * backtracking regex takes on the huge inputs.
 */
export const BUDGET = { ms: 2_000, heapBytes: 64 * 1024 * 1024 };

export function withinBudget<T>(run: () => T): T {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const grown = process.memoryUsage().heapUsed - heap;
  if (ms > BUDGET.ms) throw new Error(`over the time budget: ${Math.round(ms)} ms`);
  if (grown > BUDGET.heapBytes) throw new Error(`over the memory budget: ${Math.round(grown / 1024 / 1024)} MiB`);
  return result;
}

export async function withinBudgetAsync<T>(run: () => Promise<T>): Promise<T> {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  if (ms > BUDGET.ms) throw new Error(`over the time budget: ${Math.round(ms)} ms`);
  if (process.memoryUsage().heapUsed - heap > BUDGET.heapBytes) throw new Error('over the memory budget');
  return result;
}

/** Pieces of real AWS, SDK and Node error texts, to build inputs that reach deep into the rules. */
const FRAGMENTS = [
  'AccessDeniedException', 'ValidationException', 'ThrottlingException', 'ExpiredTokenException', 'ResourceNotFoundException',
  'User: arn:aws:iam::111122223333:user/dev', 'arn:aws:sts::111122223333:assumed-role/R/s', ' is not authorized to perform: ',
  'bedrock:InvokeModel', 'bedrock:Converse', 'bedrock-runtime:InvokeModel', ' on resource: ', 'arn:aws:bedrock:us-east-1::foundation-model/',
  'anthropic.claude-3-haiku-20240307-v1:0', 'us.anthropic.claude-sonnet-4-20250514-v1:0', ' with an explicit deny in a ',
  'service control policy', 'because no identity-based policy allows', '{"message":"', '"__type":"', '{"Message":', '"}', '}',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'getaddrinfo ENOTFOUND ', 'bedrock-runtime.us-east-1.amazonaws.com',
  'https://', 'connect ECONNREFUSED 127.0.0.1:443', 'socket hang up', 'isn\u2019t supported', 'with on-demand throughput',
  'Model use case details have not been submitted', 'The security token included in the request is expired', 'aws sso login',
  'Error: ', '\n    at Object.<anonymous> (/x.js:1:2)', '\r\n', '\t', '\u0000', '\u001b[31m', '\u202e', '\ud83d\ude00', '\ud800',
  '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '[default]', 'aws_secret_access_key = ', '= ', '\\', '"', "'", '((((', '))))',
  'a'.repeat(64), '0'.repeat(40), ' ', ':', '/', '.',
];

const UNITS = ['grapheme', 'binary', 'binary-ascii'] as const;

/** Arbitrary strings of every kind: any unicode (lone surrogates too), control characters, fragments. */
export const anyText = fc.oneof(
  ...UNITS.map((unit) => fc.string({ unit, maxLength: 300 })),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
);

/** Huge inputs: a short piece repeated up to ~300 000 characters. */
export const hugeText = fc
  .tuple(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })), fc.integer({ min: 2_000, max: 20_000 }))
  .map(([piece, times]) => piece.repeat(times).slice(0, 300_000));

/** JSON nested far deeper than any parser's recursion is comfortable with. */
export const deepJson = fc
  .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}'], ['{"message":', '}']), fc.boolean())
  .map(([depth, [open, close], closed]) => open!.repeat(depth) + '1' + (closed ? close!.repeat(depth) : ''));

export const textInputs = fc.oneof({ arbitrary: anyText, weight: 8 }, { arbitrary: hugeText, weight: 1 }, { arbitrary: deepJson, weight: 1 });

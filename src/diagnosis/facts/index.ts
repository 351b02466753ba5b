/**
 * Fact extraction: turn an error object or pasted text (JS SDK v3, boto3/botocore, AWS CLI,
 * Go/Swift/Java/Rust SDK dumps, raw JSON or XML bodies, LangChain/LiteLLM/Vercel AI wrappers)
 * into the few facts the rules match on. Pure, bounded (only the first 64 KiB is scanned),
 * never throws, and every regex below has bounded quantifiers or a literal anchor, so no
 * input can make it backtrack catastrophically.
 */

export type { ErrorFacts, ExtractedFacts } from './types.js';
export { knownName } from './known-names.js';
export { regionOfBedrockHost } from './host.js';
export { extractFromText, factsFromText } from './from-text.js';
export { extractFromError, factsFromError } from './from-error.js';

/** The diagnosis catalog: rules as data, fact extraction, and the pure classifier. */

export type { ErrorFacts } from './facts.js';
export { factsFromError, factsFromText } from './facts.js';
export type { ClassifyContext, MatchInput, Rule } from './rule.js';
export { RULES } from './rules.js';
export { classify } from './classify.js';

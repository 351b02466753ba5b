/** The classifier: rules that recognise causes, fact extraction, and the pure classify(). */

export { factsFromError, factsFromText } from './facts/index.js';
export type { ClassifyContext, Diagnosis } from './rule.js';
export { RULES } from './rules/index.js';
export { classify, diagnosisOf } from './classify.js';
export { classifyAll, classifyLog, errorRecords, type LogError } from './log.js';

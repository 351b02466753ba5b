/** The published schemas, compiled once: every report and diagnosis a test reads is checked against them. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
export const validateReport = ajv.compile(load('report.schema.json'));
export const validateExplain = ajv.compile(load('explain.schema.json'));

/** The report a run printed, parsed and proven valid against schema/report.schema.json. */
export function reportOf(stdout: string): any {
  const report = JSON.parse(stdout);
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return report;
}

/** The diagnosis explain printed, parsed and proven valid against schema/explain.schema.json. */
export function diagnosisOf(stdout: string): any {
  const diagnosis = JSON.parse(stdout);
  expect(validateExplain(diagnosis), JSON.stringify(validateExplain.errors)).toBe(true);
  return diagnosis;
}

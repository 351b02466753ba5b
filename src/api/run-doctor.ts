import type { JsonReport } from '../report/json.js';
import type { DoctorOptions } from './options.js';
import { planDoctor, runPlan } from './plan-and-run.js';

export type { DoctorClients, DoctorOptions } from './options.js';

/**
 * The report `check --format json` prints, as an object. It never prints and never exits: the
 * caller decides, e.g. refuses to start with `report.nextStep` in its error.
 */
export async function runDoctor(options: DoctorOptions): Promise<JsonReport> {
  return (await runPlan(await planDoctor(options), options)).report;
}

import type { JsonReport } from '../report/json.js';
import { planDoctor, runPlanUntilReady } from './plan-and-run.js';
import type { DoctorOptions, WaitOptions } from './options.js';

/** `runDoctor` that waits for access still taking effect: for a deploy that has just granted it. */
export async function runDoctorUntilReady(options: DoctorOptions, wait: WaitOptions): Promise<JsonReport> {
  return (await runPlanUntilReady(await planDoctor(options), options, wait)).report;
}

import { appendFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { FailOnStatus } from '../pipeline/result.js';
import type { JsonReport } from '../report/json.js';
import { redactForTicket } from '../report/redact.js';
import { secretScrubber } from '../secrets.js';
import type { Io } from './io.js';

/** GitHub sets GITHUB_ACTIONS=true in every step of a workflow run. */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * Annotations on stdout beside a human report, on stderr when stdout holds a document (JSON or
 * Markdown) that a step may capture; the job summary appended to GITHUB_STEP_SUMMARY. Both are
 * scrubbed of secrets (and redacted on request) as every other output is.
 */
export async function writeGitHubOutputs(io: Io, report: JsonReport, options: { failOn: readonly FailOnStatus[]; redact?: boolean; annotationsOn: 'stdout' | 'stderr' }): Promise<void> {
  // Loaded only inside a workflow run: a check elsewhere never parses the GitHub forms.
  const { annotations, jobSummary } = await import('../report/github.js');
  const clean = (text: string) => {
    const scrubbed = secretScrubber(io.env)(text);
    return options.redact ? redactForTicket(scrubbed, io.env.HOME || homedir()) : scrubbed;
  };
  // Cleaned before escaping too: an escaped secret would no longer match the scrubber.
  const safe = JSON.parse(clean(JSON.stringify(report))) as JsonReport;
  io[options.annotationsOn].write(clean(annotations(safe, options.failOn)));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  try {
    await appendFile(summaryFile, clean(jobSummary(safe, options.failOn)));
  } catch (error) {
    // The verdict stands without a summary: say so, and let the exit code speak.
    io.stderr.write(`::warning title=bedrock-doctor::cannot append the job summary to GITHUB_STEP_SUMMARY: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}\n`);
  }
}

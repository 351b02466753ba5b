import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inGitHubActions, writeGitHubOutputs } from '../../../src/commands/github-actions.js';
import { buildReport } from '../../../src/report/json.js';
import { bufferIo } from '../buffer-io.js';
import { check, run } from '../report/fixtures.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG%bPxRfiCY:EXAMPLEKEY';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'bd-gha-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A report whose text echoes a secret, as an error message from outside might. */
const leaky = buildReport(run([check('credentials', 'fail', { text: `Rotate the key ${SECRET} now.`, actor: 'caller' }, { summary: `Denied for ${SECRET}\non 111122223333` })]), {});

describe('GitHub Actions output', () => {
  it('only when GITHUB_ACTIONS is "true"', () => {
    expect(inGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inGitHubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
    expect(inGitHubActions({ CI: 'true' })).toBe(false);
  });

  it('never shows a secret, before or after escaping, in the annotations or the summary', async () => {
    const summaryFile = join(dir, 'summary.md');
    const io = bufferIo({ AWS_SECRET_ACCESS_KEY: SECRET, GITHUB_STEP_SUMMARY: summaryFile });
    await writeGitHubOutputs(io, leaky, { failOn: [], annotationsOn: 'stderr' });
    const summary = await readFile(summaryFile, 'utf8');
    expect(io.err()).toMatch(/^::error title=credentials .*\[secret\]/);
    for (const text of [io.err(), summary]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.replace(/%/g, '%25').replace(/:/g, '%3A'));
    }
    expect(io.out()).toBe('');
  });

  it('--redact masks account ids there too', async () => {
    const summaryFile = join(dir, 'summary.md');
    const io = bufferIo({ GITHUB_STEP_SUMMARY: summaryFile });
    await writeGitHubOutputs(io, leaky, { failOn: [], redact: true, annotationsOn: 'stdout' });
    expect(io.out() + (await readFile(summaryFile, 'utf8'))).not.toContain('111122223333');
  });

  it('a summary that cannot be written is a warning, not a crash', async () => {
    const io = bufferIo({ GITHUB_STEP_SUMMARY: dir }); // a directory
    await writeGitHubOutputs(io, leaky, { failOn: [], annotationsOn: 'stdout' });
    expect(io.err()).toBe('::warning title=bedrock-doctor::cannot append the job summary to GITHUB_STEP_SUMMARY: EISDIR\n');
    expect(io.out()).toMatch(/^::error /);
  });
});

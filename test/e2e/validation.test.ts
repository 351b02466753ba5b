/**
 * Input is checked before any AWS call: every bad flag or value is one line naming the value and
 * the accepted form, exit 2, and the emulator standing in for AWS sees no request at all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario, scenarioEnvironment, startEmulator, type Emulator } from '../../src/sandbox/index.js';
import { runCli, STACK_TRACE } from './cli.js';
import { reportOf } from '../schemas.js';

let emulator: Emulator;
let home: string;
let env: Record<string, string>;
beforeAll(async () => {
  const scenario = findScenario('healthy')!;
  emulator = await startEmulator(scenario);
  home = await mkdtemp(join(tmpdir(), 'bd-valid-'));
  env = await scenarioEnvironment(scenario, emulator, { home, inherit: process.env });
});
afterAll(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const check = (...args: string[]) => ['check', '--region', 'us-east-1', ...args];

describe('bad input: exit 2, one line naming the value and the accepted form, zero AWS requests', () => {
  it.each([
    [check('--model', 'arn:aws:bedrock:us-east-1:12345:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0'), /"12345" is not a 12-digit AWS account id/],
    [check('--model', 'arn:aws:bedrock:us-east-1:111122223333:foundation-model/amazon.nova-lite-v1:0'), /a foundation-model ARN has no account/],
    [check('--model', 'arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB1'), /"knowledge-base" is not a Bedrock model resource \(expected foundation-model, inference-profile/],
    [check('--model', 'arn:nope:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'), /names no AWS partition/],
    [check('--model', 'arn:aws:s3:::bucket'), /must be a Bedrock ARN/],
    [check('--model', 'arn:aws:bedrock:mars-north-9::foundation-model/amazon.nova-lite-v1:0'), /"mars-north-9" is not an AWS Region name/],
    [check('--model', 'us.claude-sonnet'), /not an inference profile id \(expected us\.provider\.model/],
    [['check', '--region', 'us-east1', '--model', HAIKU], /"us-east1" is not an AWS Region name; did you mean us-east-1\?/],
    [['check', '--region', 'us-esat-1', '--model', HAIKU], /did you mean us-east-1\?/],
    [check('--model', HAIKU, '--timeout', 'soon'), /--timeout "soon" is not a number of seconds/],
    [check('--model', HAIKU, '--timeout', '0'), /between 1 and 3600/],
    [check('--model', HAIKU, '--format', 'xml'), /--format must be one of human, json, markdown, yaml/],
    [check('--model', HAIKU, '--expect-account', '12'), /"12" is not a 12-digit AWS account id/],
    [check('--model', HAIKU, '--output', '/no/such/dir/report.json'), /cannot write --output/],
  ])('%j', async (args, message) => {
    const before = emulator.requests.length;
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(emulator.requests.length - before).toBe(0);
  });

  it('accepts a format in any case', async () => {
    const run = await runCli(check('--model', HAIKU, '--format', 'JSON'), env);
    expect(run.code).toBe(0);
    expect(reportOf(run.stdout)).toMatchObject({ ready: true });
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../../src/commands/demo.js';
import type { Io } from '../../../src/commands/io.js';

function bufferIo(env: NodeJS.ProcessEnv = {}): Io & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { stdout, stderr, stdin: new PassThrough(), env, out: () => out, err: () => err };
}

describe('demo', () => {
  it("runs a scenario in its own environment and leaves the user's untouched", async () => {
    const before = { ...process.env };
    const io = bufferIo({ AWS_PROFILE: 'someone-else', AWS_REGION: 'eu-west-1' });
    const code = await demoCommand('iam-implicit-deny', { format: 'json' }, io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.checks.find((c: { gate: string }) => c.gate === 'iam')).toMatchObject({ status: 'fail', cause: 'iam-implicit-deny', region: 'us-east-1' });
    expect(process.env).toEqual(before);
  });
});

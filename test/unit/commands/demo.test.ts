import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../../src/commands/demo.js';
import { bufferIo } from '../buffer-io.js';

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

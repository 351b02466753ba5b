/**
 * --redact in every format: no 12-digit account id, no full access key id and no home path
 * survives, and nothing else changes: the gates, statuses, causes and fixes are those of the
 * same run without --redact.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario, scenarioArgs, scenarioEnvironment, startEmulator, type Emulator, type Scenario } from '../../src/sandbox/index.js';
import { redactForTicket } from '../../src/report/redact.js';
import { runCli } from './cli.js';
import { reportOf } from '../schemas.js';

const ACCOUNT_ID = /(?<![\d-])\d{12}(?![\d-])/;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const FORMATS: [string, string[]][] = [['human', ['--verbose']], ['json', []], ['markdown', []]];

let emulator: Emulator;
let home: string;
let env: Record<string, string>;
beforeAll(async () => {
  emulator = await startEmulator('iam-implicit-deny');
  home = await mkdtemp(join(tmpdir(), 'bd-redact-'));
  env = await scenarioEnvironment(findScenario('iam-implicit-deny')!, emulator, { home, inherit: process.env });
});
afterAll(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

/** What differs between two runs of the same check: timings and request ids. */
const runToRun = (text: string) =>
  text
    .replace(/\d+ ?ms\b/g, 'N ms')
    .replace(/"(\w*Ms)": \d+/g, '"$1": N')
    .replace(/"probeMs": \[[^\]]*\]/g, '"probeMs": N')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'REQUEST-ID')
    // The ticket's own run: its time, and the command line (which differs by the --redact itself).
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIMESTAMP')
    .replace(/ --redact`/g, '`');

/** The same check twice, plain and with --redact. */
async function both(args: string[], runEnv: Record<string, string>) {
  const plain = await runCli(args, runEnv);
  const redacted = await runCli([...args, '--redact'], runEnv);
  expect(redacted.code).toBe(plain.code);
  return { plain: plain.stdout, redacted: redacted.stdout };
}

function expectRedacted(plain: string, redacted: string, secrets: { account: boolean; key: boolean; home: boolean }) {
  // The plain run shows what must be masked, so the test cannot pass by having nothing to hide.
  if (secrets.account) expect(plain).toMatch(ACCOUNT_ID);
  if (secrets.key) expect(plain).toMatch(ACCESS_KEY_ID);
  if (secrets.home) expect(plain).toContain(home);
  expect(redacted).not.toMatch(ACCOUNT_ID);
  expect(redacted).not.toMatch(ACCESS_KEY_ID);
  expect(redacted).not.toContain(home);
  // Nothing but the masked values changed: same gates, statuses, causes, fixes and layout.
  expect(runToRun(redacted)).toBe(runToRun(redactForTicket(plain, home)));
}

describe('--redact in every format', () => {
  it.each(FORMATS)('an IAM denial, --format %s: account ids masked in every ARN, the finding unchanged', async (format, extra) => {
    const { plain, redacted } = await both(['check', ...scenarioArgs(findScenario('iam-implicit-deny')!), '--format', format, ...extra], env);
    expectRedacted(plain, redacted, { account: true, key: false, home: false });
    if (format === 'json') {
      const [a, b] = [reportOf(plain), reportOf(redacted)];
      const verdicts = (r: { checks: { gate: string; status: string; cause: string | null }[] }) => r.checks.map(({ gate, status, cause }) => [gate, status, cause]);
      expect(verdicts(b)).toEqual(verdicts(a));
      expect(b.checks.find((c: { gate: string }) => c.gate === 'iam').cause).toBe('iam-implicit-deny');
      expect(b.checks.find((c: { gate: string }) => c.gate === 'iam').remediation.policy.Statement[0].Resource).toEqual(
        a.checks.find((c: { gate: string }) => c.gate === 'iam').remediation.policy.Statement[0].Resource.map((arn: string) => arn.replace(/\d{12}/, '************')),
      );
    }
  });

  it.each(FORMATS)('an error that quotes an access key id and a home path, --format %s: neither survives', async (format, extra) => {
    // STS answers as it does to a request whose Authorization header lost its signature: the
    // message quotes the header, access key id included (here with a path, as a relaying tool might).
    const quoting = {
      ...findScenario('healthy')!,
      behaviours: {
        'sts:*': { error: { code: 'IncompleteSignature', status: 400, message: `Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=${KEY}/20261202/us-east-1/sts/aws4_request (from ${home}/.aws/credentials)` } },
      },
    } as Scenario;
    const echo = await startEmulator(quoting);
    try {
      const runEnv = await scenarioEnvironment(quoting, echo, { home, inherit: process.env });
      const { plain, redacted } = await both(['check', ...scenarioArgs(quoting), '--format', format, ...extra], runEnv);
      expect(plain).toMatch(/credentials/);
      expectRedacted(plain, redacted, { account: false, key: format !== 'markdown', home: format !== 'markdown' });
    } finally {
      await echo.close();
    }
  });
});

import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialFileSecrets } from '../../src/aws/credential-files.js';
import { trustedCertificates } from '../../src/aws/trust.js';
import { resolveRegions } from '../../src/pipeline/plan.js';
import { UsageError } from '../../src/errors.js';
import { anyText, deepJson, hugeText, withinBudgetAsync } from './budget.js';

/** Each input is written to disk and read back, so these runs are fewer. */
const RUNS = 200;

let home: string;
let files = 0;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'bd-fuzz-files-'));
  await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
});
afterAll(() => rm(home, { recursive: true, force: true }));

const iniLine = fc.oneof(
  fc.constantFrom('[default]', '[profile dev]', '[sso-session s]', '[services x]', '[', ']', '[[x]]', '#c', ';c', '', '  ', '\t'),
  fc.tuple(fc.constantFrom('region', 'aws_secret_access_key', 'aws_session_token', 'credential_process', 'sso_start_url', 'x'), fc.constantFrom(' = ', '=', ' =', ': '), anyText).map((p) => p.join('')),
  anyText,
);
const iniFile = fc.oneof(
  { arbitrary: fc.tuple(fc.array(iniLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol)), weight: 6 },
  { arbitrary: hugeText, weight: 1 },
);

describe('the shared config and credentials files (INI)', () => {
  it(`the profile's Region is found after any other content, and reading never throws (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(iniFile, async (noise) => {
        // A new path each time: the SDK's INI loader caches by path.
        const file = join(home, `config-${files++}`);
        await writeFile(file, `${noise}\n[profile planted]\nregion = us-west-2\n`);
        const resolved = await withinBudgetAsync(() =>
          resolveRegions({ regions: [], profile: 'planted' }, { AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), HOME: home }),
        );
        expect(resolved).toEqual({ regions: ['us-west-2'], source: 'profile' });
      }),
      { numRuns: RUNS },
    );
  });

  it(`the secrets of any credentials file are found, and reading never throws (${RUNS} runs)`, async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9+/]{20,40}$/);
    await fc.assert(
      fc.asyncProperty(iniFile, secret, async (noise, value) => {
        const file = join(home, `credentials-${files++}`);
        await writeFile(file, `${noise}\n[planted]\naws_secret_access_key = ${value}\n`);
        const secrets = await withinBudgetAsync(() => credentialFileSecrets({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: file, AWS_CONFIG_FILE: join(home, 'none') }));
        expect(secrets).toContain(value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('JSON files: the SSO token cache', () => {
  it(`any cache file is read or skipped, never thrown on (${RUNS} runs)`, async () => {
    const cacheFile = fc.oneof(
      anyText,
      deepJson,
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.record({ accessToken: fc.oneof(anyText, fc.integer(), fc.constant(null)), expiresAt: anyText }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(cacheFile, async (text) => {
        await writeFile(join(home, '.aws', 'sso', 'cache', 'token.json'), text);
        const secrets = await withinBudgetAsync(() => credentialFileSecrets({ HOME: home, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') }));
        for (const s of secrets) expect(typeof s).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('CA bundles (AWS_CA_BUNDLE)', () => {
  it(`any bundle file is a list of certificates or a one-line usage error, in linear time (${RUNS} runs)`, async () => {
    const bundle = fc.oneof(anyText, hugeText, fc.array(fc.constantFrom('-----BEGIN CERTIFICATE-----\n', 'MIIB\n', '-----END CERTIFICATE-----\n', 'x'), { maxLength: 30 }).map((p) => p.join('')));
    await fc.assert(
      fc.asyncProperty(bundle, async (text) => {
        const file = join(home, `bundle-${files++}.pem`);
        await writeFile(file, text);
        const ca = await withinBudgetAsync(() => trustedCertificates({ AWS_CA_BUNDLE: file }).catch((e: unknown) => e as Error));
        if (ca instanceof Error) {
          expect(ca).toBeInstanceOf(UsageError);
          expect(ca.message).not.toContain('\n');
        } else {
          expect(ca!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseModelRef } from '../../src/vocabulary/model-id.js';
import { principalOf } from '../../src/vocabulary/principal.js';
import { arnKind, describeArn, touchedResources } from '../../src/vocabulary/converse-access.js';
import { inspectApiKey } from '../../src/vocabulary/api-key.js';
import { regionProblem } from '../../src/vocabulary/regions.js';
import { vpcEndpointId } from '../../src/vocabulary/request-context.js';
import { hostsFromText } from '../../src/diagnosis/facts/host.js';
import { planCheck } from '../../src/pipeline/plan.js';
import { secretScrubber } from '../../src/secrets.js';
import { pemCertificates } from '../../src/aws/trust.js';
import { decodeForm } from '../../src/gates/provider-terms.js';
import { anyText, deepJson, textInputs, withinBudget, withinBudgetAsync } from './budget.js';

const RUNS = 500;

/** Strings shaped like what each parser expects, with arbitrary pieces put in. */
const arnLike = fc
  .tuple(
    fc.constantFrom('arn', 'arn', 'ARN', ''),
    fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'x'),
    fc.constantFrom('bedrock', 'iam', 'sts', ''),
    fc.constantFrom('us-east-1', '', 'eu-west-3', 'mars-1'),
    fc.constantFrom('111122223333', '', '12'),
    fc.oneof(
      fc.constantFrom('foundation-model/', 'inference-profile/', 'application-inference-profile/', 'user/', 'role/', 'assumed-role/', 'root', 'federated-user/'),
      anyText,
    ),
    anyText,
  )
  .map((parts) => `${parts.slice(0, 6).join(':')}${parts[6]}`);
const modelLike = fc.oneof(
  arnLike,
  fc.tuple(fc.constantFrom('', 'us.', 'eu.', 'global.', 'apac.', 'us-gov.', 'xx.'), fc.constantFrom('anthropic.', 'amazon.', 'meta.', ''), anyText).map((p) => p.join('')),
  textInputs,
);

/** Only a UsageError (one line, exit 2) may come out of input checking; anything else is a crash. */
function usageOrValue<T>(run: () => T): T | UsageError {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    // eslint-disable-next-line no-control-regex
    expect((error as Error).message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    return error as UsageError;
  }
}

describe('model ids and ARNs', () => {
  it(`parseModelRef accepts or rejects with a one-line usage error, and what it accepts maps to ARNs (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(modelLike, (input) => {
        const ref = withinBudget(() => usageOrValue(() => parseModelRef(input)));
        if (ref instanceof UsageError) {
          expect(ref.message.length).toBeLessThan(800);
          return;
        }
        expect(['base', 'profile', 'foundation-model-arn', 'profile-arn', 'application-profile-arn', 'provisioned-arn', 'custom-arn', 'arn']).toContain(ref.kind);
        for (const touched of touchedResources('us-east-1', ref, '111122223333')) expect(touched.arn).toMatch(/^arn:/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`principalOf, arnKind and describeArn read any caller or resource ARN (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(arnLike, textInputs), (arn) =>
        withinBudget(() => {
          expect(['user', 'assumed-role', 'root', 'federated-user', 'other']).toContain(principalOf(arn).kind);
          expect(typeof arnKind(arn)).toBe('string');
          expect(typeof describeArn(arn, 'short')).toBe('string');
          expect(typeof describeArn(arn, 'advice', { viaProfile: true })).toBe('string');
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('API keys', () => {
  const keyLike = fc.oneof(
    textInputs,
    anyText.map((t) => `ABSK${t}`),
    anyText.map((t) => `bedrock-api-key-${t}`),
    anyText.map((t) => `bedrock-api-key-${Buffer.from(t).toString('base64')}`),
    fc
      .tuple(anyText, fc.constantFrom('X-Amz-Credential=AKID%2F20261125%2Fus-east-1%2Fbedrock%2Faws4_request', 'X-Amz-Date=20261125T010000Z', 'X-Amz-Expires=43200', 'X-Amz-Signature=' + 'ab'.repeat(32)), anyText)
      .map((parts) => `bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?${parts.join('&')}`).toString('base64')}`),
  );

  it(`inspectApiKey reads any key, and what it keeps never holds the key (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(keyLike, (token) => {
        const info = withinBudget(() => inspectApiKey(token));
        expect(['empty', 'short-term', 'short-term-unreadable', 'long-term', 'unknown-format']).toContain(info.kind);
        if (token.trim().length >= 24) expect(JSON.stringify(info)).not.toContain(token.trim());
      }),
      { numRuns: RUNS },
    );
  });

  it(`the scrubber removes any bearer token, secret key or session token from any text around it (${RUNS} runs)`, () => {
    const secret = fc.string({ unit: 'grapheme', minLength: 8, maxLength: 80 }).filter((s) => s.trim() === s && s.length >= 8);
    fc.assert(
      fc.property(secret, fc.constantFrom('AWS_BEARER_TOKEN_BEDROCK', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'), anyText, anyText, (value, variable, before, after) => {
        const scrubbed = withinBudget(() => secretScrubber({ [variable]: value })(`${before}${value}${after}${encodeURIComponent(value)}`));
        expect(scrubbed).not.toContain(value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Regions and durations', () => {
  it(`regionProblem answers any name with null or one line (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(textInputs, fc.constantFrom('us-east-1', 'us-esat-1', 'fips-us-east-1', 'us-east-1-fips', 'eu-west-9')), (region) => {
        const problem = withinBudget(() => usageOrValue(() => {
          const found = regionProblem(region);
          // As the user sees it: a usage error.
          if (found !== null) throw new UsageError(`--region ${found}`);
          return null;
        }));
        if (problem !== null) expect(problem.message.length).toBeLessThan(600);
      }),
      { numRuns: RUNS },
    );
  });

  it(`--timeout: any number or numeric text is a plan bounded to 1..3600 s, or a usage error (${RUNS} runs)`, async () => {
    const seconds = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(NaN, Infinity, -Infinity, 0, 1, 3600, 3601, 1e308, -0),
      fc.oneof(anyText, fc.constantFrom('60', '1e3', '0x10', ' 5 ', '1_000', '١٢')).map((text) => Number(text)),
    );
    await fc.assert(
      fc.asyncProperty(seconds, fc.oneof(fc.constant('us-east-1'), anyText), async (timeoutSeconds, region) => {
        const input = { regions: [region], models: ['amazon.nova-lite-v1:0'], noInvoke: true, allowSubscribe: false, stream: false, timeoutSeconds };
        const plan = await withinBudgetAsync(() => planCheck(input, {}).catch((error: unknown) => error as Error));
        if (plan instanceof Error) {
          expect(plan).toBeInstanceOf(UsageError);
          return;
        }
        expect(plan.timeoutMs).toBeGreaterThanOrEqual(1000);
        expect(plan.timeoutMs).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hosts, endpoints and bundles', () => {
  it(`vpcEndpointId and hostsFromText read any text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(textInputs, anyText.map((t) => `vpce-0123456789abcdef0-${t}.bedrock-runtime.us-east-1.vpce.amazonaws.com`)), (text) =>
        withinBudget(() => {
          const id = vpcEndpointId(text);
          if (id !== undefined) expect(id).toMatch(/^vpce-[0-9a-f]{8,17}$/);
          expect(Array.isArray(hostsFromText(text))).toBe(true);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it(`pemCertificates finds only whole blocks, in linear time even on headers without an end (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(textInputs, (text) => {
        for (const block of withinBudget(() => pemCertificates(text))) {
          expect(block.startsWith('-----BEGIN CERTIFICATE-----')).toBe(true);
          expect(block.endsWith('-----END CERTIFICATE-----')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('JSON from AWS: the use-case form', () => {
  it(`decodeForm reads any bytes, any JSON value, any nesting (${RUNS} runs)`, () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 500 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
      fc.record({ companyName: fc.oneof(anyText, fc.integer(), fc.constant(null)) }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
      deepJson.map((t) => new TextEncoder().encode(t)),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        const form = withinBudget(() => decodeForm(data));
        if (form?.companyName !== undefined) expect(form.companyName.length).toBeLessThanOrEqual(128);
      }),
      { numRuns: RUNS },
    );
  });
});

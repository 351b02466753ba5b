/** Reports as real runs print them (texts from the demo scenarios): for the layout tests. */
import type { ReportCheck, ReportIdentity, RunResult } from '../../../src/pipeline/result.js';
import type { Fix, Gate, Status } from '../../../src/types.js';

export const IDENTITY: ReportIdentity = {
  authMode: 'sigv4',
  account: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/BedrockDev/alice',
  principalArn: 'arn:aws:iam::111122223333:role/BedrockDev',
  credentialSource: 'sso',
};

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-sonnet-4-20250514-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';

function row(gate: Gate, status: Status, region: string, model: string, summary: string, cause: ReportCheck['cause'] = null, fix: Fix | null = null, extra: Partial<ReportCheck> = {}): ReportCheck {
  return { gate, status, cause, summary, fix, evidence: {}, region, model, durationMs: 120, ...extra };
}

/** The passing rows of one cell, as a healthy run prints them. */
function healthyRows(region: string, model: string): ReportCheck[] {
  return [
    row('credentials', 'pass', region, model, `Account 111122223333 as arn:aws:sts::111122223333:assumed-role/BedrockDev/alice (credentials from sso).`),
    row('network', 'pass', region, model, 'The Bedrock endpoints accept connections (bedrock, bedrock-runtime); no proxy in the path.'),
    row('region', 'pass', region, model, `${model} is offered in ${region} (on-demand).`),
    row('model-access', 'pass', region, model, `The account may use ${model} in ${region} (AUTHORIZED).`),
    row('iam', 'pass', region, model, `arn:aws:iam::111122223333:role/BedrockDev may call bedrock:InvokeModel on 1 ARN (simulated). The simulation cannot see session policies or resource-based conditions; the invoke call proves them.`),
    row('provider-terms', 'pass', region, model, model.startsWith('anthropic.') ? "Anthropic's use-case form is on file (company: Example Corp)." : 'No Marketplace agreement is needed for this model.'),
    row('invoke', 'pass', region, model, 'Converse answered (1 output token) in 412 ms.'),
  ];
}

const PROFILE_FIX = (region: string): Fix => {
  const geo = region.startsWith('eu-') ? 'eu' : 'us';
  return {
    text: `Use the inference profile id ${geo}.${SONNET} as the modelId (others: global.${SONNET}), and allow bedrock:InvokeModel on the profile and on the model in every destination Region.`,
    actor: 'caller',
    commands: [`aws bedrock list-inference-profiles --region ${region} --query "inferenceProfileSummaries[?contains(inferenceProfileId, '${SONNET}')].inferenceProfileId"`],
    docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html',
  };
};

const IAM_FIX = (region: string, model: string): Fix => ({
  text: 'Attach an Allow for bedrock:InvokeModel on exactly these ARNs to arn:aws:iam::111122223333:role/BedrockDev.',
  actor: 'administrator',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: [`arn:aws:bedrock:${region}::foundation-model/${model}`] }] },
  docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html',
});

/** A cell whose model can only be called through an inference profile. */
function profileRequired(region: string): ReportCheck[] {
  return healthyRows(region, SONNET).map((c) =>
    c.gate === 'region'
      ? row('region', 'fail', region, SONNET, `${SONNET} cannot be called by its model id in ${region} (no on-demand throughput): call it through an inference profile, e.g. us.${SONNET}.`, 'inference-profile-required', PROFILE_FIX(region))
      : c.gate === 'invoke'
        ? row('invoke', 'fail', region, SONNET, `Converse failed: Model ${SONNET} cannot be invoked on demand by its base id in this Region: call it through an inference profile. (see region)`, 'inference-profile-required', null, {
            evidence: { service: 'bedrock-runtime', operation: 'Converse', errorName: 'ValidationException', httpStatus: 400, requestId: '7f3c1a52-9d1e-4c5b-8a1e-2b6f0c9d4e11', message: 'Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.' },
          })
        : c,
  );
}

/** A cell the caller's IAM policies do not allow. */
function iamDenied(region: string, model: string): ReportCheck[] {
  return healthyRows(region, model).map((c) =>
    c.gate === 'iam'
      ? row('iam', 'fail', region, model, `arn:aws:iam::111122223333:role/BedrockDev may not call bedrock:InvokeModel on the model ARN arn:aws:bedrock:${region}::foundation-model/${model}: denied by no identity policy allowing it (implicit deny).`, 'iam-implicit-deny', IAM_FIX(region, model))
      : c.gate === 'invoke'
        ? row('invoke', 'fail', region, model, `Converse failed: Not allowed by any IAM policy. (see iam)`, 'iam-implicit-deny', null, {
            evidence: { service: 'bedrock-runtime', operation: 'Converse', errorName: 'AccessDeniedException', httpStatus: 403, requestId: 'c7048c26-0c3e-44b1-8c21-f11e57f3bad9', message: `User: arn:aws:sts::111122223333:assumed-role/BedrockDev/alice is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:${region}::foundation-model/${model} because no identity-based policy allows the bedrock:InvokeModel action` },
          })
        : c,
  );
}

const result = (checks: ReportCheck[]): RunResult => {
  const targets = [...new Map(checks.map((c) => [`${c.region}|${c.model}`, { region: c.region, model: c.model }])).values()];
  return { identity: IDENTITY, targets, checks, durationMs: 1830, regionSource: 'flag', interrupted: false };
};

export const HEALTHY = result(healthyRows('us-east-1', HAIKU));
export const FAILING = result(iamDenied('us-east-1', HAIKU));

/** 3 Regions x 3 models: Sonnet 4 needs a profile in two Regions, Haiku is denied by IAM in one. */
export const MATRIX = result(
  ['us-east-1', 'us-west-2', 'eu-west-1'].flatMap((region) =>
    [NOVA, HAIKU, SONNET].flatMap((model) =>
      model === SONNET && region !== 'eu-west-1' ? profileRequired(region) : model === HAIKU && region === 'eu-west-1' ? iamDenied(region, model) : healthyRows(region, model),
    ),
  ),
);

/**
 * What each gate is, in one place: what must hold, the read-only calls it makes, the gates it
 * needs first, and the AWS pages behind it. `--list-checks`, `--only` and docs/gates/ read it.
 */

import { DOCS } from '../causes/docs.js';
import { GATES, type Gate } from '../types.js';
import type { Operation } from '../vocabulary/iam-actions.js';

export interface GateAbout {
  /** What must hold for the gate to pass, in one line. */
  holds: string;
  /** How the gate decides, in a few sentences. */
  how: string;
  /** The AWS operations it calls (IAM actions from vocabulary/iam-actions); none mutates. */
  calls: Operation[];
  /**
   * The gates whose findings it relies on: their look-ups are its look-ups, and a failure it
   * meets there (expired credentials, an unreachable endpoint) is reported on them.
   */
  dependsOn: Gate[];
  /** AWS documentation. */
  docs: string[];
}

export const GATE_ABOUT: Record<Gate, GateAbout> = {
  credentials: {
    holds: 'the SDK finds valid credentials (or a Bedrock API key) for the intended account',
    how: "Resolves credentials with the AWS SDK's default chain (or the profile given) and asks STS who they belong to; with --expect-account, compares the account. A Bedrock API key in AWS_BEARER_TOKEN_BEDROCK is read from what it says about itself (kind, Region, expiry), never printed.",
    calls: ['GetCallerIdentity'],
    dependsOn: [],
    docs: [DOCS.credentials, DOCS.sso, DOCS.apiKeys],
  },
  network: {
    holds: 'the Bedrock endpoints accept connections (DNS, TCP, TLS, `AWS_ENDPOINT_URL*`)',
    how: 'Opens a TLS connection to the bedrock and bedrock-runtime endpoints the SDK will call, after AWS_ENDPOINT_URL* overrides; no AWS API call. Behind HTTPS_PROXY the calls themselves test the path. A failure on any later call (a reset, a hang, a captive portal) is reported here too.',
    calls: [],
    dependsOn: [],
    docs: [DOCS.endpoints, DOCS.endpointConfig, DOCS.proxy],
  },
  region: {
    holds: 'Bedrock and the model exist in the Region; profile-only models are called through an inference profile',
    how: "Lists the Region's foundation models and inference profiles: the model (or profile) must be offered there, and a model without on-demand throughput must be called through an inference profile. A Bedrock host that does not resolve means Bedrock is not in the Region.",
    calls: ['ListFoundationModels', 'GetFoundationModel', 'ListInferenceProfiles', 'GetInferenceProfile'],
    dependsOn: ['credentials', 'network'],
    docs: [DOCS.modelsRegions, DOCS.profiles, DOCS.modelIds],
  },
  'model-access': {
    holds: 'the account may use the model (authorization, Legacy models, Marketplace subscription)',
    how: "Reads the model's availability to the account (authorization, Region), its lifecycle (Legacy, end of life), and for a Marketplace-sold model without an agreement, whether this caller holds the Marketplace permissions the first call needs (simulated).",
    calls: ['GetFoundationModelAvailability', 'ListFoundationModels', 'ListFoundationModelAgreementOffers', 'GetRole', 'SimulatePrincipalPolicy'],
    dependsOn: ['credentials', 'network', 'region'],
    docs: [DOCS.modelAccess, DOCS.marketplace, DOCS.lifecycle],
  },
  iam: {
    holds: 'policies, SCPs and permissions boundaries allow `bedrock:InvokeModel` on the exact ARNs',
    how: "Simulates the caller's user or role (an assumed role resolved to its role, path included) against bedrock:InvokeModel (and bedrock:InvokeModelWithResponseStream with --stream) on the exact ARNs the call touches: for an inference profile, the profile and the model in every destination Region. Session policies, resource control policies, VPC endpoint policies and resource policies are not simulated.",
    calls: ['GetRole', 'SimulatePrincipalPolicy', 'ListInferenceProfiles', 'GetInferenceProfile'],
    dependsOn: ['credentials', 'network', 'region'],
    docs: [DOCS.identityPolicies, DOCS.crossRegion, DOCS.evaluation, DOCS.simulator],
  },
  'provider-terms': {
    holds: "the provider's Marketplace agreement is accepted; Anthropic's use-case form is on file",
    how: "Reads the state of the provider's AWS Marketplace agreement (accepted, pending, failed, none) and, for Anthropic models, whether the account's first-time-use form is on file.",
    calls: ['GetFoundationModelAvailability', 'ListFoundationModelAgreementOffers', 'GetUseCaseForModelAccess'],
    dependsOn: ['credentials', 'network', 'region'],
    docs: [DOCS.modelAccess, DOCS.marketplace],
  },
  invoke: {
    holds: 'a minimal Converse call really answers',
    how: "Makes one minimal Converse call (16 tokens, temperature 0): the ground truth. Its failure is classified and marks the gate at fault; its success turns predicted failures into warnings. It is not made with --no-invoke, nor when the predictive gates show that the call would create a Marketplace subscription for the whole account (unless --allow-subscribe).",
    calls: ['Converse'],
    dependsOn: ['credentials', 'network', 'region', 'model-access', 'iam', 'provider-terms'],
    docs: [DOCS.converse, DOCS.apiErrors],
  },
};

/** The gates to run for a selection: each chosen gate and every gate it depends on, in gate order. */
export function withDependencies(chosen: readonly Gate[]): Gate[] {
  const needed = new Set<Gate>();
  const add = (gate: Gate) => {
    if (needed.has(gate)) return;
    needed.add(gate);
    GATE_ABOUT[gate].dependsOn.forEach(add);
  };
  chosen.forEach(add);
  return GATES.filter((gate) => needed.has(gate));
}

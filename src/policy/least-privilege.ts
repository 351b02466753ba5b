import { foundationModelArn, invokeActions, type ModelRef } from '../vocabulary/model-id.js';
import { partitionOf, realRegion } from '../vocabulary/regions.js';

export interface PolicyTarget {
  region: string;
  ref: ModelRef;
}

export interface PolicyOptions {
  /** Also allow ConverseStream / InvokeModelWithResponseStream. */
  stream: boolean;
  /** The account that owns inference-profile ARNs; `*` when unknown. */
  account: string;
  /** Add the read-only permissions bedrock-doctor uses to look. */
  doctor: boolean;
}

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The read-only calls bedrock-doctor makes; none changes anything. */
export const DOCTOR_READ_ACTIONS = [
  'bedrock:ListFoundationModels',
  'bedrock:GetFoundationModel',
  'bedrock:ListInferenceProfiles',
  'bedrock:GetInferenceProfile',
  'bedrock:GetFoundationModelAvailability',
  'bedrock:ListFoundationModelAgreementOffers',
  'bedrock:GetUseCaseForModelAccess',
];

/**
 * The least-privilege identity policy for calling these models with Converse: the model ARN in
 * its Region, or for an inference profile the profile ARN plus the model in any destination
 * Region, reachable only through that profile (bedrock:InferenceProfileArn); a global profile
 * also needs the Region-less global model ARN. Built offline, from the ids alone.
 */
export function leastPrivilegePolicy(targets: PolicyTarget[], options: PolicyOptions): { Version: string; Statement: Statement[] } {
  const actions = invokeActions(options.stream);
  const direct = new Set<string>();
  const profiles = new Map<string, Set<string>>();
  for (const target of targets) {
    const { ref } = target;
    const partition = partitionOf(target.region);
    const region = realRegion(target.region);
    switch (ref.kind) {
      case 'base':
        direct.add(foundationModelArn(partition, region, ref.baseId));
        break;
      case 'foundation-model-arn':
      case 'other-arn':
        direct.add(ref.input);
        break;
      case 'application-profile-arn':
        // Its models are not in its id: allow any foundation model, but only through this profile.
        profiles.set(ref.input, new Set([`arn:${partition}:bedrock:*::foundation-model/*`]));
        break;
      case 'profile':
      case 'profile-arn': {
        const profileArn = ref.kind === 'profile-arn' ? ref.input : `arn:${partition}:bedrock:${region}:${options.account}:inference-profile/${ref.profileId}`;
        const models = new Set([`arn:${partition}:bedrock:*::foundation-model/${ref.baseId}`]);
        if (ref.prefix === 'global') models.add(`arn:${partition}:bedrock:::foundation-model/${ref.baseId}`);
        profiles.set(profileArn, models);
        break;
      }
    }
  }
  const statements: Statement[] = [];
  if (direct.size > 0) statements.push({ Sid: 'InvokeModels', Effect: 'Allow', Action: actions, Resource: [...direct].sort() });
  if (profiles.size > 0) {
    statements.push({ Sid: 'InvokeThroughInferenceProfiles', Effect: 'Allow', Action: actions, Resource: [...profiles.keys()].sort() });
    statements.push({
      Sid: 'ModelsBehindTheProfiles',
      Effect: 'Allow',
      Action: actions,
      Resource: [...new Set([...profiles.values()].flatMap((s) => [...s]))].sort(),
      Condition: { StringLike: { 'bedrock:InferenceProfileArn': [...profiles.keys()].sort() } },
    });
  }
  if (options.doctor) {
    statements.push({ Sid: 'BedrockDoctorReadOnly', Effect: 'Allow', Action: DOCTOR_READ_ACTIONS, Resource: ['*'] });
    const partition = partitionOf(targets[0]?.region ?? 'us-east-1');
    statements.push({
      Sid: 'BedrockDoctorSimulateSelf',
      Effect: 'Allow',
      Action: ['iam:SimulatePrincipalPolicy', 'iam:GetRole'],
      // Narrow to the caller's own user or role ARN where you know it.
      Resource: [`arn:${partition}:iam::${options.account}:user/*`, `arn:${partition}:iam::${options.account}:role/*`],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

import { allow, invokeActions, modelsBehindProfile, policyDocument, touchedResources, type PolicyDocument, type Statement } from '../vocabulary/converse-access.js';
import { DOCTOR_BEDROCK_READS } from '../vocabulary/iam-actions.js';
import type { ModelRef } from '../vocabulary/model-id.js';
import { partitionOf } from '../vocabulary/regions.js';

interface PolicyTarget {
  region: string;
  ref: ModelRef;
}

interface PolicyOptions {
  /** Also allow ConverseStream / InvokeModelWithResponseStream. */
  stream: boolean;
  /** The account that owns inference-profile ARNs; `*` when unknown. */
  account: string;
  /** Add the read-only permissions bedrock-doctor uses to look. */
  doctor: boolean;
  /** The caller's own IAM user or role ARN, to scope the doctor's simulation to it. */
  principal?: string;
}

/**
 * The least-privilege identity policy for calling these models with Converse: the model ARN in
 * its Region, or for an inference profile the profile ARN plus the model in any destination
 * Region, reachable only through that profile (bedrock:InferenceProfileArn); a global profile
 * also needs the Region-less global model ARN. Built offline, from the ids alone.
 */
export function leastPrivilegePolicy(targets: PolicyTarget[], options: PolicyOptions): PolicyDocument {
  const actions = invokeActions(options.stream);
  const direct = new Set<string>();
  const profiles = new Map<string, string[]>();
  for (const target of targets) {
    const { ref } = target;
    switch (ref.kind) {
      case 'base':
      case 'foundation-model-arn':
      case 'other-arn':
        // What the call touches: the model ARN in the Region (the ARN as given, when it is one).
        direct.add(ref.kind === 'base' ? touchedResources(target.region, ref, options.account)[0]!.arn : ref.input);
        break;
      case 'application-profile-arn':
        profiles.set(ref.input, modelsBehindProfile(ref.input).models);
        break;
      case 'profile':
      case 'profile-arn': {
        // Offline, the destinations are unknown: the model in any Region, only through the profile.
        const profileArn = touchedResources(target.region, ref, options.account)[0]!.arn;
        profiles.set(profileArn, modelsBehindProfile(profileArn, ref.baseId).models);
        break;
      }
    }
  }
  const statements: Statement[] = [];
  if (direct.size > 0) statements.push(allow(actions, [...direct].sort(), { sid: 'InvokeModels' }));
  if (profiles.size > 0) {
    const profileArns = [...profiles.keys()].sort();
    statements.push(allow(actions, profileArns, { sid: 'InvokeThroughInferenceProfiles' }));
    statements.push(
      allow(actions, [...new Set([...profiles.values()].flat())].sort(), {
        sid: 'ModelsBehindTheProfiles',
        condition: { StringLike: { 'bedrock:InferenceProfileArn': profileArns } },
      }),
    );
  }
  if (options.doctor) {
    statements.push(allow(DOCTOR_BEDROCK_READS, ['*'], { sid: 'BedrockDoctorReadOnly' }));
    statements.push(simulateSelf(partitionOf(targets[0]?.region ?? 'us-east-1'), options));
  }
  return policyDocument(statements);
}

/**
 * The doctor simulates the caller's own policies: on its own user (iam:SimulatePrincipalPolicy,
 * with the policies' condition keys and the user's tags for the context), or its own role (and
 * iam:GetRole, to read the role's path). Unknown, any user or role of the account, which the
 * policy command says to narrow.
 */
const SIMULATE_USER = ['iam:SimulatePrincipalPolicy', 'iam:GetContextKeysForPrincipalPolicy', 'iam:ListUserTags'];
const SIMULATE_ROLE = ['iam:SimulatePrincipalPolicy', 'iam:GetContextKeysForPrincipalPolicy', 'iam:GetRole', 'iam:ListRoleTags'];
function simulateSelf(partition: string, options: PolicyOptions): Statement {
  const sid = 'BedrockDoctorSimulateSelf';
  if (options.principal) {
    const role = /:role\//.test(options.principal);
    return allow(role ? SIMULATE_ROLE : SIMULATE_USER, [options.principal], { sid });
  }
  return allow([...new Set([...SIMULATE_USER, ...SIMULATE_ROLE])], [`arn:${partition}:iam::${options.account}:user/*`, `arn:${partition}:iam::${options.account}:role/*`], { sid });
}

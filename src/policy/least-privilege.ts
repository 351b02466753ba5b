import { accessStatements, allow, foundationModelArn, invokeActions, policyDocument, touchedResources, type PolicyDocument, type Statement, type Touched } from '../vocabulary/converse-access.js';
import { GEOGRAPHY_SOURCE, geographiesFrom, geographyOf, globalProfileCallableFrom, isSourceRegion, modelRegionsFrom } from '../vocabulary/geographies.js';
import { DOCTOR_BEDROCK_READS } from '../vocabulary/iam-actions.js';
import type { ModelRef } from '../vocabulary/model-id.js';
import { partitionOf, realRegion } from '../vocabulary/regions.js';
import { adminProvisioningStatements } from './admin.js';

export interface PolicyTarget {
  region: string;
  ref: ModelRef;
  /** What GetInferenceProfile said of the profile, when it could be asked. */
  profile?: { arn?: string; destinations: string[] };
  /** Set when the model is offered in the Region only through inference profiles: those that contain it. */
  profileOnly?: string[];
}

export interface PolicyOptions {
  /** Also allow ConverseStream / InvokeModelWithResponseStream. */
  stream: boolean;
  /** The account that owns inference-profile ARNs; undefined when unknown. */
  account?: string;
  /** Add the read-only permissions bedrock-doctor uses to look. */
  doctor: boolean;
  /** The caller's own IAM user or role ARN, to scope the doctor's simulation to it. */
  principal?: string;
  /** Add the administrator's one-time provisioning statements. */
  admin?: boolean;
  /** AWS Marketplace product ids, to narrow the administrator's subscription right. */
  productIds?: string[];
}

/** Why no working policy can be printed: bad input (exit 2), or what cannot be known offline (exit 3). */
export interface PolicyProblem {
  kind: 'input' | 'unknown';
  message: string;
}

export interface GeneratedPolicy {
  policy: PolicyDocument;
  /** Where each profile's Region list came from, and why any extra statement is there. */
  notes: string[];
  problems: PolicyProblem[];
}

/** What one target touches, or why that cannot be said. */
function accessOf(target: PolicyTarget, account: string | undefined): { touched: Touched[]; note?: string } | PolicyProblem {
  const { ref } = target;
  const real = realRegion(target.region);
  if ('arnRegion' in ref && ref.arnRegion !== '' && ref.arnRegion !== real) {
    return { kind: 'input', message: `${ref.input} is in ${ref.arnRegion}, but --region is ${target.region}: a call in ${target.region} cannot use it (pass --region ${ref.arnRegion})` };
  }
  if ((ref.kind === 'base' || ref.kind === 'foundation-model-arn') && target.profileOnly) {
    const use = target.profileOnly.length > 0 ? `use an inference profile id as the model, e.g. ${target.profileOnly.join(' or ')}` : 'use an inference profile that contains it';
    return { kind: 'input', message: `${ref.baseId} cannot be called by its model id in ${target.region} (no on-demand throughput): ${use}` };
  }
  if (ref.kind === 'profile' || ref.kind === 'profile-arn') {
    const suggestion = `${[...geographiesFrom(target.region).map((g) => `${g.prefix}.${ref.baseId}`), ...(globalProfileCallableFrom(target.region) ? [`global.${ref.baseId}`] : [])].join(' or ') || 'a profile of its own geography'}`;
    if (ref.prefix === 'global' && !globalProfileCallableFrom(target.region)) {
      return { kind: 'input', message: `${ref.profileId} is a global profile of the commercial Regions; ${target.region} cannot call it` };
    }
    const geography = geographyOf(ref.prefix);
    if (geography && !isSourceRegion(geography, real)) {
      return { kind: 'input', message: `${ref.profileId} routes within ${geography.name}; it cannot be called from ${target.region}: use ${suggestion}` };
    }
    if (ref.kind === 'profile' && !target.profile?.arn && !account) {
      return { kind: 'input', message: `the ARN of ${ref.profileId} names the caller's account: pass --account ID (or run with credentials)` };
    }
    if (ref.prefix === 'global') {
      // Whatever the profile's models[] lists, AWS documents what a global profile's call is authorized against.
      return { touched: touchedResources(target.region, ref, account ?? '', target.profile), note: `${ref.profileId} from ${target.region}: AWS's documented pattern for global profiles (the model in ${real}, and the Region-less model ARN with aws:RequestedRegion "unspecified").` };
    }
    if (target.profile) {
      return { touched: touchedResources(target.region, ref, account ?? '', target.profile), note: destinationsNote(target, 'GetInferenceProfile') };
    }
    if (!geography) {
      return { kind: 'unknown', message: `no documented Region list for ${ref.prefix ? `${ref.prefix}. profiles` : ref.profileId}: run with credentials so that GetInferenceProfile names its destination Regions` };
    }
    const regions = modelRegionsFrom(geography, real);
    const destinations = regions.map((r) => foundationModelArn(partitionOf(r), r, ref.baseId));
    const touched = touchedResources(target.region, ref, account ?? '', { destinations });
    const source = geography.regions.includes(real) ? '' : ` (and the model in the source Region ${real})`;
    return { touched, note: `${ref.profileId} from ${target.region}: destination Regions ${geography.regions.join(', ')}${source}, from ${GEOGRAPHY_SOURCE}, not looked up: run with credentials for the profile's exact list.` };
  }
  if (ref.kind === 'application-profile-arn') {
    if (!target.profile) {
      return { kind: 'unknown', message: `the models behind ${ref.input} are not in its ARN: run with credentials so that GetInferenceProfile names them` };
    }
    return { touched: touchedResources(target.region, ref, account ?? '', target.profile), note: destinationsNote(target, 'GetInferenceProfile') };
  }
  return { touched: touchedResources(target.region, ref, account ?? '') };
}

function destinationsNote(target: PolicyTarget, source: string): string {
  const regions = [...new Set((target.profile?.destinations ?? []).map((arn) => arn.split(':')[3] || 'Region-less (global)'))];
  return `${target.ref.input} from ${target.region}: destination Regions ${regions.join(', ') || 'none'}, from ${source}.`;
}

/**
 * The least-privilege identity policy for calling these models with Converse: for a model its
 * ARN in the Region; for an inference profile the profile ARN plus the model in every
 * destination Region, reachable only through that profile; for a global profile AWS's
 * documented pattern. When one target cannot work as asked, problems say why instead.
 */
export function leastPrivilegePolicy(targets: PolicyTarget[], options: PolicyOptions): GeneratedPolicy {
  const actions = invokeActions(options.stream);
  const touched: Touched[] = [];
  const notes: string[] = [];
  const problems: PolicyProblem[] = [];
  for (const target of targets) {
    const access = accessOf(target, options.account);
    if ('kind' in access) {
      problems.push(access);
      continue;
    }
    touched.push(...access.touched);
    if (access.note) notes.push(access.note);
  }
  const statements: Statement[] = accessStatements(touched, actions);
  if (options.doctor) {
    statements.push(allow(DOCTOR_BEDROCK_READS, ['*'], { sid: 'BedrockDoctorReadOnly' }));
    statements.push(simulateSelf(partitionOf(targets[0]?.region ?? 'us-east-1'), options));
    notes.push('BedrockDoctorReadOnly and BedrockDoctorSimulateSelf (--doctor): the read-only look-ups bedrock-doctor makes; the application itself needs neither.');
  }
  if (options.admin) {
    const admin = adminProvisioningStatements(options.productIds ?? []);
    statements.push(...admin.statements);
    notes.push(...admin.notes);
  }
  return { policy: policyDocument(statements), notes, problems };
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
  const account = options.account ?? '*';
  return allow([...new Set([...SIMULATE_USER, ...SIMULATE_ROLE])], [`arn:${partition}:iam::${account}:user/*`, `arn:${partition}:iam::${account}:role/*`], { sid });
}

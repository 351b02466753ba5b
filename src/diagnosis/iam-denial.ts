/**
 * Parsing the standard AWS authorization failure:
 *   "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based
 *    policy allows the ACTION action" (or "with an explicit deny in a service control policy", …)
 * and turning the resource ARN into words and a least-privilege policy statement.
 */
import { invokeActions } from '../vocabulary/model-id.js';

export interface IamDenial {
  principal?: string;
  action?: string;
  resource?: string;
}

const PRINCIPAL = /(?:User|Principal|Role): ?(arn:[^\s"',]{1,300})/;
const ACTION_RESOURCE =
  /is not authorized to perform:? ?([A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,100})(?: on resource:? ?(arn:[^\s"'<>,]{1,400}|\*))?/i;

export function parseIamDenial(text: string): IamDenial {
  const out: IamDenial = {};
  const p = PRINCIPAL.exec(text);
  if (p?.[1]) out.principal = p[1];
  const m = ACTION_RESOURCE.exec(text);
  if (m?.[1]) out.action = m[1];
  if (m?.[2]) out.resource = m[2].replace(/[.)\]}]+$/, '');
  return out;
}

type ResourceKind = 'none' | 'inference-profile' | 'application-profile' | 'global-fm' | 'regional-fm' | 'other';

function kindOf(arn: string | undefined): ResourceKind {
  if (!arn || arn === '*') return 'none';
  if (/:application-inference-profile\//.test(arn)) return 'application-profile';
  if (/:inference-profile\//.test(arn)) return 'inference-profile';
  if (/^arn:[\w-]{1,20}:bedrock:::foundation-model\//.test(arn)) return 'global-fm';
  if (/^arn:[\w-]{1,20}:bedrock:[a-z0-9-]{1,30}::foundation-model\//.test(arn)) return 'regional-fm';
  return 'other';
}

/** Words for which grant the resource ARN in the denial shows is missing. */
export function describeResource(arn: string | undefined): string {
  switch (kindOf(arn)) {
    case 'none':
      return 'no specific resource (an account-level action, granted on "*")';
    case 'application-profile':
      return `the application inference profile ${arn} (the profile and every model it routes to need an Allow)`;
    case 'inference-profile':
      return `the cross-Region inference profile ${arn} (an Allow is needed on the profile AND on the foundation model in every destination Region)`;
    case 'global-fm':
      return `the global foundation model ${arn} (no Region: the call came through a global. inference profile; the Allow needs "aws:RequestedRegion": "unspecified", and Region-lock policies or SCPs block it)`;
    case 'regional-fm': {
      const region = /^arn:[\w-]{1,20}:bedrock:([a-z0-9-]{1,30})::/.exec(arn ?? '')?.[1] ?? '?';
      return `the foundation model in ${region} (${arn}); through an inference profile this is a destination Region, which also needs an Allow`;
    }
    default:
      return `the resource ${arn}`;
  }
}

const INVOKE_ACTIONS = invokeActions(true);

/** A least-privilege identity-policy document granting the denied action on the denied resource. */
export function allowPolicy(denial: IamDenial): unknown {
  const action = denial.action ?? 'bedrock:InvokeModel';
  const actions = INVOKE_ACTIONS.includes(action) ? INVOKE_ACTIONS : [action];
  const resource = denial.resource ?? '*';
  const statements: Record<string, unknown>[] = [];
  const kind = kindOf(denial.resource);
  const partition = /^arn:([\w-]{1,20}):/.exec(resource)?.[1] ?? 'aws';
  if (kind === 'global-fm') {
    statements.push({
      Sid: 'AllowGlobalFoundationModel',
      Effect: 'Allow',
      Action: actions,
      Resource: resource,
      Condition: { StringEquals: { 'aws:RequestedRegion': 'unspecified' } },
    });
  } else {
    statements.push({ Sid: 'AllowBedrockAccess', Effect: 'Allow', Action: actions, Resource: resource });
  }
  if (kind === 'inference-profile') {
    const profileId = /:inference-profile\/(.{1,200})$/.exec(resource)?.[1] ?? '';
    const modelId = profileId.replace(/^[a-z-]{2,10}\./, '');
    statements.push({
      Sid: 'AllowModelsBehindProfile',
      Effect: 'Allow',
      Action: actions,
      Resource: [
        `arn:${partition}:bedrock:*::foundation-model/${modelId}`,
        ...(profileId.startsWith('global.') ? [`arn:${partition}:bedrock:::foundation-model/${modelId}`] : []),
      ],
      Condition: { StringLike: { 'bedrock:InferenceProfileArn': resource } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function denialSummary(prefix: string, d: IamDenial, reason: string): string {
  const who = d.principal ? `${d.principal} ` : '';
  const action = d.action ?? 'the action';
  return `${prefix}: ${who}may not call ${action} on ${describeResource(d.resource)}: ${reason}.`;
}

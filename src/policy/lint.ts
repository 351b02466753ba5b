/**
 * The known mistakes of hand-written Bedrock policies, found with their line: actions IAM does
 * not have, a profile allowed without the model in its destination Regions, Marketplace rights
 * on a runtime identity, an aws:RequestedRegion condition that shuts out a destination Region,
 * a streaming client without the streaming action, and wildcards broader than needed.
 */

import { arnKind, foundationModelArn, globalModelArn, isGlobalProfile } from '../vocabulary/converse-access.js';
import { geographyOf, modelRegionsFrom } from '../vocabulary/geographies.js';
import { realBedrockAction } from '../vocabulary/iam-actions.js';
import { ADMIN_SID_PREFIX } from './admin.js';
import { at, valueOf, type Node, type PolicySource } from './policy-source.js';

export interface Finding {
  severity: 'error' | 'warning';
  rule: 'dead-action' | 'profile-destinations' | 'marketplace-on-runtime' | 'region-condition' | 'stream-action' | 'broad-wildcard';
  line: number;
  message: string;
}

export interface LintOptions {
  /** The client streams (ConverseStream): the policy must allow InvokeModelWithResponseStream. */
  stream: boolean;
  /** The policy is the administrator's: Marketplace rights are expected. */
  admin: boolean;
}

interface Entry {
  value: string;
  node: Node;
}

interface PolicyStatement {
  node: Node;
  effect: string;
  sid: string;
  actions: Entry[];
  notAction: boolean;
  resources: Entry[];
  notResource: boolean;
  condition: Record<string, Record<string, string[]>>;
  conditionNode?: Node;
}

const INVOKE = 'bedrock:InvokeModel';
const STREAM = 'bedrock:InvokeModelWithResponseStream';

const glob = (pattern: string, value: string, caseInsensitive: boolean) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, caseInsensitive ? 'i' : '').test(value);

function entries(node: Node | undefined): Entry[] {
  if (!node) return [];
  const items = node.type === 'array' ? (node.children ?? []) : [node];
  return items.filter((n) => typeof valueOf(n) === 'string').map((n) => ({ value: valueOf(n) as string, node: n }));
}

function statementsOf(root: Node): PolicyStatement[] {
  const list = at(root, ['Statement']);
  const nodes = list?.type === 'array' ? (list.children ?? []) : list ? [list] : [];
  return nodes
    .filter((n) => n.type === 'object')
    .map((node) => {
      const condition = (valueOf(at(node, ['Condition'])) ?? {}) as Record<string, Record<string, string | string[]>>;
      return {
        node,
        effect: String(valueOf(at(node, ['Effect'])) ?? ''),
        sid: String(valueOf(at(node, ['Sid'])) ?? ''),
        actions: entries(at(node, ['Action']) ?? at(node, ['NotAction'])),
        notAction: !at(node, ['Action']) && Boolean(at(node, ['NotAction'])),
        resources: entries(at(node, ['Resource']) ?? at(node, ['NotResource'])),
        notResource: !at(node, ['Resource']) && Boolean(at(node, ['NotResource'])),
        condition: Object.fromEntries(Object.entries(condition).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys ?? {}).map(([k, v]) => [k, [v].flat().map(String)]))])),
        conditionNode: at(node, ['Condition']),
      };
    });
}

function coversAction(s: PolicyStatement, action: string): boolean {
  const any = s.actions.some((a) => glob(a.value, action, true));
  return s.notAction ? !any : any;
}

function coversResource(s: PolicyStatement, arn: string): boolean {
  const any = s.resources.some((r) => glob(r.value, arn, false));
  return s.notResource ? !any : any;
}

const regionValues = (keys: Record<string, string[]>) => Object.entries(keys).find(([k]) => k.toLowerCase() === 'aws:requestedregion')?.[1];

function hasRegionCondition(s: PolicyStatement): boolean {
  return Object.values(s.condition).some((keys) => regionValues(keys) !== undefined);
}

/** Whether the statement's aws:RequestedRegion conditions hold for a call in `region` (true when it has none). */
function regionConditionHolds(s: PolicyStatement, region: string): boolean {
  for (const [operator, keys] of Object.entries(s.condition)) {
    const values = regionValues(keys);
    // A Terraform reference (`var.region`) is not known here: it may hold.
    if (!values || values.some((v) => v.includes('${'))) continue;
    const base = operator.replace(/^For(AnyValue|AllValues):/, '').replace(/IfExists$/, '');
    const matches = values.some((v) => (base.endsWith('Like') ? glob(v, region, false) : v === region));
    if (/^String(Equals|Like)$/.test(base) && !matches) return false;
    if (/^String(NotEquals|NotLike)$/.test(base) && matches) return false;
  }
  return true;
}

/** The Regions whose model a geographic profile called from `region` needs (none for an undocumented prefix). */
function geographicModelRegions(prefix: string, region: string): string[] {
  const geography = geographyOf(prefix);
  return geography ? modelRegionsFrom(geography, region) : [];
}

/** The profiles a policy allows calls through, parsed from their ARNs. */
function profilesOf(statements: PolicyStatement[]): { entry: Entry; arn: string; region: string; partition: string; prefix: string; baseId: string }[] {
  const found = [];
  for (const s of statements.filter((s) => s.effect === 'Allow' && coversAction(s, INVOKE) && !s.notResource)) {
    for (const entry of s.resources) {
      const m = /^arn:([\w-]+):bedrock:([a-z0-9-]+):[^:]+:inference-profile\/([a-z-]+)\.([a-z0-9-]+\.[\w.:-]+)$/.exec(entry.value);
      if (m && arnKind(entry.value) === 'inference-profile') found.push({ entry, arn: entry.value, partition: m[1]!, region: m[2]!, prefix: m[3]!, baseId: m[4]! });
    }
  }
  return found;
}

export function lintPolicy(source: PolicySource, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], rule: Finding['rule'], node: Node, message: string) => findings.push({ severity, rule, line: source.lineOf(node), message });
  const statements = statementsOf(source.root);
  const allows = statements.filter((s) => s.effect === 'Allow');

  for (const s of statements) {
    for (const action of s.actions) {
      const note = realBedrockAction(action.value)?.note;
      if (note) add('error', 'dead-action', action.node, `${action.value} ${s.effect === 'Deny' ? 'denies' : 'grants'} nothing: ${note}.`);
    }
  }

  for (const profile of profilesOf(statements)) {
    const covered = (arn: string) => allows.some((s) => coversAction(s, INVOKE) && coversResource(s, arn));
    const name = profile.arn.split('/').pop();
    const destinations = isGlobalProfile(profile.arn)
      ? [{ region: profile.region, arn: foundationModelArn(profile.partition, profile.region, profile.baseId) }, { region: 'unspecified', arn: globalModelArn(profile.partition, profile.baseId) }]
      : geographicModelRegions(profile.prefix, profile.region).map((region) => ({ region, arn: foundationModelArn(profile.partition, region, profile.baseId) }));
    const missing = destinations.filter((d) => !covered(d.arn));
    const elsewhere = destinations.filter((d) => d.region !== profile.region && covered(d.arn));
    if (isGlobalProfile(profile.arn) ? missing.length > 0 : missing.length > 0 && elsewhere.length === 0) {
      add('error', 'profile-destinations', profile.entry.node, `${name} is allowed, but not the model in its destination Regions (missing ${missing.map((d) => d.arn).join(', ')}): every call through the profile is denied there.`);
    } else if (missing.length > 0) {
      add('warning', 'profile-destinations', profile.entry.node, `${name}: the model is not allowed in ${missing.map((d) => d.region).join(', ')}, which the documented ${profile.prefix}. geography names; confirm the profile's destinations with aws bedrock get-inference-profile --inference-profile-identifier ${name} --region ${profile.region}.`);
    }
    for (const d of destinations.filter((d) => covered(d.arn))) {
      const through = allows.filter((s) => coversAction(s, INVOKE) && coversResource(s, d.arn));
      const shut = through.every((s) => !regionConditionHolds(s, d.region));
      if (shut) add('error', 'region-condition', through[0]!.conditionNode ?? through[0]!.node, `the aws:RequestedRegion condition never holds for ${d.region === 'unspecified' ? 'the Region-less model ARN (aws:RequestedRegion "unspecified")' : d.region}, a destination of ${name}: the Allow for ${d.arn} never applies.`);
      const deny = statements.find((s) => s.effect === 'Deny' && coversAction(s, INVOKE) && coversResource(s, d.arn) && hasRegionCondition(s) && regionConditionHolds(s, d.region));
      if (deny) add('error', 'region-condition', deny.conditionNode ?? deny.node, `this Deny's aws:RequestedRegion condition denies ${d.region === 'unspecified' ? 'aws:RequestedRegion "unspecified" (the global model ARN)' : d.region}, a destination of ${name}: calls routed there fail.`);
    }
  }

  if (!options.admin) {
    for (const s of allows.filter((s) => coversAction(s, 'aws-marketplace:Subscribe'))) {
      add('error', 'marketplace-on-runtime', s.actions[0]?.node ?? s.node, `aws-marketplace:Subscribe on a runtime identity: only the administrator who enables a model once needs it${s.sid.startsWith(ADMIN_SID_PREFIX) ? ' (lint the administrator\'s policy with --admin)' : ''}; once enabled, every role calls the model without it.`);
    }
  }

  if (options.stream && !allows.some((s) => coversAction(s, STREAM))) {
    const invoke = allows.find((s) => coversAction(s, INVOKE));
    add('error', 'stream-action', invoke?.node ?? source.root, `a streaming client (ConverseStream, InvokeModelWithResponseStream) needs ${STREAM}, which no statement allows.`);
  }

  for (const s of allows) {
    for (const action of s.actions) {
      if (action.value === '*' || /^bedrock:\*$/i.test(action.value)) add('warning', 'broad-wildcard', action.node, `${action.value} allows every Bedrock action, including those that create and delete; a caller needs ${INVOKE} (and ${STREAM} to stream).`);
    }
    if (!coversAction(s, INVOKE)) continue;
    for (const resource of s.resources) {
      if (resource.value === '*') add('warning', 'broad-wildcard', resource.node, `Resource "*" allows every model and profile in every Region; name the ARNs the call touches (bedrock-doctor policy --model …).`);
      else if (/^arn:[\w-]+:bedrock:[^:]*\*[^:]*:/.test(resource.value) || /^arn:[\w-]+:bedrock:[^:]*:[^:]*\*/.test(resource.value)) add('warning', 'broad-wildcard', resource.node, `${resource.value} has a wildcard Region or account: name the Regions and the account.`);
      else if (/(foundation-model|inference-profile)\/[^*]*\*/.test(resource.value)) add('warning', 'broad-wildcard', resource.node, `${resource.value} allows every model it matches: name the model.`);
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** The shape of a catalog entry: what a cause is, and what to do about it. Data, no behaviour. */

import type { Actor, Fix, Gate, Status } from '../types.js';

/**
 * Where a cause belongs: one gate; `any` for what a gate says about its own look-up (a denied
 * read, a deadline, a gate stopped by another's finding); `unknown` for what blames no gate.
 */
export type CauseHome = Gate | 'any' | 'unknown';

interface FixSpec {
  text: string;
  actor: Actor;
  /** The AWS page for the case; none where no Bedrock page fits (a text about another service). */
  docs?: string;
  commands?: readonly string[];
  policy?: unknown;
  /** Advice to run `bedrock-doctor check`, added to the text everywhere but inside a check. */
  checkHint?: string;
}

/**
 * What a specialisation may know: values a finding or a classified message supplies. Commands
 * and texts may hold `<region>`, `<model-id>` and `<profile>`, which are filled in when known.
 */
export interface CauseParams {
  region?: string;
  modelId?: string;
  /** An AWS CLI profile name (for `aws sso login --profile …`). */
  profile?: string;
  /** The standard AWS denial, parsed: who, which action, which resource, and whether a Deny said so. */
  denial?: {
    principal?: string;
    action?: string;
    resource?: string;
    /** "with an explicit deny in …": only changing the denying policy helps, never an Allow. */
    explicit?: boolean;
    /** The policy type an explicit deny names ("a service control policy"). */
    denyIn?: string;
    /** "because no … policy allows …": a missing Allow. */
    missingAllow?: boolean;
    /** The text names an inference profile, so a model ARN may be a destination Region's. */
    viaProfile?: boolean;
  };
  /** The host an error named, and the Region in it when it is a Bedrock host. */
  host?: string;
  hostRegion?: string;
  /** `aws login` rather than IAM Identity Center. */
  viaLogin?: boolean;
  /** The IAM action a failed look-up needed. */
  action?: string;
  /** Several denied look-ups on one gate: every action they needed. */
  actions?: string[];
  /** Said inside `check`, where "run bedrock-doctor check" is no advice. */
  inCheck?: boolean;
  /** The Bedrock runtime endpoint in use, when an AWS_ENDPOINT_URL* override sets it (an origin). */
  runtimeEndpoint?: string;
  /** The credentials are a Cognito identity pool's guest (unauthenticated) ones. */
  cognitoGuest?: boolean;
  /** What a text that is not about Bedrock is ("an Amazon S3 permission error (s3:GetObject)"). */
  what?: string;
  /** A client configuration's finding (`check --from`): the client, the setting to change and its file. */
  client?: ClientParams;
}

export interface ClientParams {
  /** The client's name (`claude-code`). */
  name: string;
  /** The key or variable to change, and the file that holds it (none for the shell). */
  setting: string;
  file?: string;
  /** The value to set, when the doctor can name one. */
  value?: string;
  /** The Region's own look-up lists the value (ListInferenceProfiles), so it is no guess. */
  valueListed?: boolean;
  /** What the reader saw, with the user's own values. */
  detail?: string;
}

interface CauseBase {
  gate: CauseHome;
  /** The status a finding of this cause gives its gate unless the finding says otherwise. */
  status: Status;
  /** One line: what is wrong, in general terms. A finding usually restates it with its own ids. */
  summary: string;
  /** Texts from what is known: the resource an IAM denial names, the Region a host names. */
  specialise?: (params: CauseParams) => { summary?: string; fix?: Partial<Fix> };
}

export type CauseSpec = CauseBase & ({ fix: FixSpec } | { fix: null; /** Why there is nothing to do. */ noFix: string });

/** Catalog sections are checked against CauseSpec but keep their literal keys (the ids). */
export function causes<const T extends Record<string, CauseSpec>>(entries: T): T {
  return entries;
}

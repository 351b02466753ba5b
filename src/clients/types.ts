/**
 * What a client's reader returns: the targets the client will call, each with where its model
 * and Region came from, and what the configuration gets wrong. Readers are pure: they are given
 * the files' contents and the environment, and never read anything themselves.
 */

import type { CLIENT_CAUSES } from '../causes/client.js';
import type { SettingOrigin } from '../types.js';

/** Which API the client calls: the IAM actions are the same pair for both (there is no bedrock:Converse). */
export type ClientApi = 'converse' | 'invoke';

/** A setting's origin: the key or variable as the client's documentation names it, and its file as shown to the user. */
export type Provenance = SettingOrigin;

export interface ClientTarget {
  /** What the target is for, in the client's words (`main model`, `small/fast model`, `model_list: haiku`). */
  role: string;
  /** The model id exactly as the client sends it (after its own prefixing). */
  model: string;
  modelFrom: Provenance;
  /** The Region the client will call; null when it has none and would fail. */
  region: string | null;
  regionFrom: Provenance;
  api: ClientApi;
  /** Whether the client streams (needs bedrock:InvokeModelWithResponseStream). */
  stream: boolean;
  /** The client calls it on its own: the user never named it. */
  hidden?: boolean;
}

/** The catalog's client causes a reader may report (not being configured is a usage error instead). */
export type ClientCauseId = Exclude<keyof typeof CLIENT_CAUSES, 'client-not-configured'>;

export interface ClientFinding {
  cause: ClientCauseId;
  /** The target it concerns (its role), if it concerns one. */
  role?: string;
  /** The setting to change, and what to set it to when known. */
  setting: Provenance;
  value?: string;
  /** What the reader saw, in one sentence with the user's own values. */
  detail: string;
  /** The Region variable the user set that the client does not read. */
  ignored?: string;
  /** For a Region the client cannot resolve: the client fails before any call. */
  fails?: boolean;
}

export interface FileRead {
  /** As shown to the user, with ~ for the home directory. */
  path: string;
  found: boolean;
  /** Set when the file exists but could not be parsed: the reader says so rather than guessing. */
  problem?: string;
}

export interface ClientReading {
  client: string;
  /** Whether the configuration routes the client to Bedrock at all. */
  configured: boolean;
  /** Why not, when not configured (one line, names the setting). */
  notConfigured?: string;
  /** The version rules assumed and the unverified defaults relied on. */
  assumptions: string[];
  files: FileRead[];
  targets: ClientTarget[];
  findings: ClientFinding[];
  /** The Region models added with --model are called in (an SDK preset's only Region). */
  region?: { region: string | null; from: Provenance };
  /** The AWS profile the client resolves credentials with, if any, and where it came from. */
  profile?: { name: string; from: Provenance };
}

/** The input of a reader: files by the path it asked for (null when absent), and the environment. */
export interface ClientInput {
  files: Record<string, string | null>;
  env: NodeJS.ProcessEnv;
  /** Profiles defined in ~/.aws/config and ~/.aws/credentials, with their `region`. */
  awsProfiles: Record<string, { region?: string }>;
  /** The PATH of `--from client:PATH`, as given. */
  path?: string;
}

export interface ClientSpec {
  name: string;
  title: string;
  /** `sdk`: configured in code, so only the environment is read and the models come from --model. */
  kind: 'app' | 'sdk';
  /** The files to read, in the reader's order, from the environment and the optional PATH. */
  files(env: NodeJS.ProcessEnv, path?: string): string[];
  read(input: ClientInput): ClientReading;
}

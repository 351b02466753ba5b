/**
 * Client configuration (`check --from`): what a client's own settings get wrong before any call.
 * Each finding names the client's setting to change, not only the AWS side.
 */

import type { ClientParams } from './cause.js';
import { causes } from './cause.js';
import { DOCS } from './docs.js';

/** "`ANTHROPIC_DEFAULT_HAIKU_MODEL` in ~/.claude/settings.json", or "`AWS_REGION` in the shell". */
export function whereSet({ setting, file }: ClientParams): string {
  return `\`${setting}\` ${file ? `in ${file}` : 'in the environment the client starts with'}`;
}

export const CLIENT_CAUSES = causes({
  'client-profile-geography-mismatch': {
    gate: 'region',
    status: 'fail',
    summary: "The client sends a geographic inference profile id (us., eu., apac. …) that is not offered from the Region it calls.",
    fix: {
      text: "Change the client's model setting to the profile of the Region's own geography (or a global. profile) that list-inference-profiles shows there, or make the client call a Region in the profile's geography.",
      actor: 'caller',
      commands: ['aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[].inferenceProfileId"'],
      docs: DOCS.profiles,
    },
    specialise: ({ client }) =>
      client
        ? {
            ...(client.detail ? { summary: client.detail } : {}),
            fix: {
              text: client.value
                ? `Set ${whereSet(client)} to ${client.value} (the same model's profile for this Region's geography${client.valueListed ? ', listed in this Region' : ", if list-inference-profiles lists it; otherwise a global. profile it lists"}), or point the client at a Region in the profile's geography.`
                : `Change ${whereSet(client)} to a profile list-inference-profiles shows for this Region, or point the client at a Region in the profile's geography.`,
            },
          }
        : {},
  },
  'client-region-variable-unset': {
    gate: 'region',
    status: 'warn',
    summary: "The variable the client reads for its Region is unset while another Region variable is set: the client falls back to its own default (or fails).",
    fix: {
      text: 'Set the Region variable or setting this client reads; each client reads its own (AWS_REGION, AWS_DEFAULT_REGION, AWS_REGION_NAME …).',
      actor: 'caller',
      docs: DOCS.region,
    },
    specialise: ({ client }) =>
      client
        ? {
            ...(client.detail ? { summary: client.detail } : {}),
            fix: { text: `Set ${whereSet(client)}${client.value ? ` to ${client.value}` : ''}: it is the one ${client.name} reads.` },
          }
        : {},
  },
  'client-default-profile-name': {
    gate: 'credentials',
    status: 'warn',
    summary: "The client falls back to its own default AWS profile name, which is not a profile set up on this machine (or overrides the credentials you set).",
    fix: {
      text: "Name the profile you set up in the client's profile setting, or create the profile the client expects.",
      actor: 'caller',
      commands: ['aws configure list-profiles'],
      docs: DOCS.credentials,
    },
    specialise: ({ client }) =>
      client
        ? {
            ...(client.detail ? { summary: client.detail } : {}),
            fix: { text: `Set ${whereSet(client)}${client.value ? ` to ${client.value}` : ' to the profile you set up'}.` },
          }
        : {},
  },
  'client-hidden-model': {
    gate: 'any',
    status: 'warn',
    summary: 'The client also calls a second model in the background (a small/fast, weak or title model) that users rarely think of: it needs its own model access and IAM Allow.',
    fix: {
      text: 'Pin that model in the client to one the account may use in this Region, and allow bedrock:InvokeModel (and bedrock:InvokeModelWithResponseStream when the client streams) on it.',
      actor: 'caller',
      docs: DOCS.identityPolicies,
    },
    specialise: ({ client }) =>
      client
        ? {
            ...(client.detail ? { summary: client.detail } : {}),
            fix: { text: `Pin it with ${whereSet(client)}${client.value ? ` (now ${client.value})` : ''} to a model the account may use in this Region, and allow it in IAM; it is checked below as its own target.` },
          }
        : {},
  },
  'client-credentials-not-applied': {
    gate: 'credentials',
    status: 'warn',
    summary: "The client's own configuration holds credentials the doctor does not apply: the check ran with the credentials of its environment instead.",
    fix: {
      text: 'To check those credentials, export them (or the profile that holds them) in the shell and run the check again.',
      actor: 'caller',
      docs: DOCS.credentials,
    },
    specialise: ({ client }) => (client?.detail ? { summary: client.detail } : {}),
  },
  'client-not-configured': {
    gate: 'unknown',
    status: 'fail',
    summary: 'The client is not configured to call Amazon Bedrock: there is nothing of it to check.',
    fix: {
      text: "Configure the client for Bedrock (its provider setting), or check the models directly with --model and --region.",
      actor: 'caller',
      docs: DOCS.converse,
    },
    specialise: ({ client }) => (client?.detail ? { summary: client.detail } : {}),
  },
});

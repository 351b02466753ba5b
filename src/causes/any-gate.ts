/**
 * Causes any gate may report about its own look-ups (a denied read, a deadline, another gate's
 * finding that stopped it, a caller the simulator cannot represent), and those that blame no
 * gate at all.
 */

import { allow, policyDocument } from '../vocabulary/converse-access.js';
import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const ANY_GATE_CAUSES = causes({
  'blocked-by-credentials': {
    gate: 'any',
    status: 'skip',
    summary: 'Not checked: the credentials gate failed first.',
    fix: null,
    noFix: 'The finding and its fix are on the credentials gate.',
  },
  'blocked-by-network': {
    gate: 'any',
    status: 'skip',
    summary: 'Not checked: the network gate failed first.',
    fix: null,
    noFix: 'The finding and its fix are on the network gate.',
  },
  'blocked-by-region': {
    gate: 'any',
    status: 'skip',
    summary: 'Not checked: the region gate failed first.',
    fix: null,
    noFix: 'The finding and its fix are on the region gate.',
  },
  'blocked-by-provider-terms': {
    gate: 'any',
    status: 'skip',
    summary: "Not decided: the provider's Marketplace agreement is failed or still being processed (see provider-terms).",
    fix: null,
    noFix: 'The finding and its fix are on the provider-terms gate.',
  },
  'lookup-denied': {
    gate: 'any',
    status: 'inconclusive',
    summary: 'Cannot look: the caller may not make a read-only call; the invoke call still decides.',
    fix: {
      text: 'Allow the read-only action (on "*"), e.g. attach the AWS managed policy AmazonBedrockReadOnly, so the doctor can explain failures before they happen.',
      actor: 'administrator',
      docs: DOCS.managedPolicies,
    },
    specialise: ({ action: one, actions: several, denial }) => {
      const names = several ?? (one ? [one] : []);
      if (names.length === 0) return {};
      const action = names.join(' and ');
      if (denial?.explicit) {
        return {
          summary: `Cannot look: an explicit deny${denial.denyIn ? ` in ${denial.denyIn}` : ''} blocks ${action} (a read-only permission) for this caller; the invoke call still decides.`,
          fix: {
            text: `An Allow cannot override the Deny: the invoke call decides. For the doctor to look, whoever owns the denying policy would have to exempt ${action}.`,
          },
        };
      }
      const managed = names.every((a) => /^bedrock:(Get|List)/.test(a)) ? ', e.g. attach the AWS managed policy AmazonBedrockReadOnly' : '';
      return {
        summary: `Cannot look: the caller may not call ${action} (${names.length > 1 ? 'read-only permissions' : 'a read-only permission'}); the invoke call still decides.`,
        fix: {
          text: `Allow ${action} (read-only, on "*")${managed}, so the doctor can explain failures before they happen.`,
          policy: policyDocument([allow(names, '*')]),
        },
      };
    },
  },
  'lookup-unsupported': {
    gate: 'any',
    status: 'warn',
    summary: 'Cannot look: the endpoint does not answer this read; the invoke call decides.',
    fix: null,
    noFix: 'One read the endpoint does not know proves nothing; a misrouted endpoint fails the invoke call too, which reports it.',
  },
  'deadline-reached': {
    gate: 'any',
    status: 'inconclusive',
    summary: "Not finished within the run's time limit (--timeout).",
    fix: {
      text: 'Re-run with a larger --timeout; if it keeps timing out, check the network path to the endpoints.',
      actor: 'caller',
      docs: DOCS.apiErrors,
    },
  },
  'doctor-bug': {
    gate: 'any',
    status: 'inconclusive',
    summary: 'The check failed unexpectedly: a bug in bedrock-doctor, not a finding about AWS.',
    fix: null,
    noFix: 'Nothing to change on the AWS side; please report the bug with the command you ran.',
  },
  'not-applicable': {
    gate: 'any',
    status: 'skip',
    summary: 'Nothing to check for this target; the invoke call decides.',
    fix: null,
    noFix: 'Nothing applies: the target has no base model to check, or the look-up does not know it.',
  },
  'api-key-mode': {
    gate: 'any',
    status: 'skip',
    summary: 'Bedrock calls use an API key, whose IAM user cannot be simulated with SigV4 credentials; the invoke call decides.',
    fix: null,
    noFix: 'Nothing is wrong: the simulation does not apply to API keys.',
  },
  'cannot-simulate': {
    gate: 'any',
    status: 'warn',
    summary: 'Cannot simulate IAM: the caller may not call iam:SimulatePrincipalPolicy; the invoke call decides.',
    fix: {
      text: "To check IAM predictively, allow iam:SimulatePrincipalPolicy (and iam:GetRole for roles) on the caller's own user or role.",
      actor: 'administrator',
      docs: DOCS.simulator,
    },
  },
  'cannot-resolve-role': {
    gate: 'any',
    status: 'warn',
    summary: 'Cannot simulate IAM: the caller may not call iam:GetRole to find the path of its role; the invoke call decides.',
    fix: {
      text: "To let the doctor check IAM predictively, allow iam:GetRole and iam:SimulatePrincipalPolicy on the caller's own role.",
      actor: 'administrator',
      docs: DOCS.simulator,
    },
  },
  'role-not-found': {
    gate: 'any',
    status: 'inconclusive',
    summary: "iam:GetRole returned no ARN for the caller's role.",
    fix: null,
    noFix: 'An answer without an ARN leaves nothing to simulate; the invoke call decides.',
  },
  'root-identity': {
    gate: 'any',
    status: 'warn',
    summary: 'The caller is the account root user: identity policies do not apply (SCPs still do), so there is nothing to simulate.',
    fix: {
      text: 'Do not use the root user for applications; create a role with least-privilege Bedrock permissions.',
      actor: 'administrator',
      docs: DOCS.rootUser,
    },
  },
  'cannot-simulate-principal': {
    gate: 'any',
    status: 'warn',
    summary: 'The policy simulator cannot represent this caller (only IAM users and roles); the invoke call decides.',
    fix: {
      text: 'Use an IAM role session to get a predictive IAM check.',
      actor: 'caller',
      docs: DOCS.simulator,
    },
  },
  'not-bedrock': {
    gate: 'unknown',
    status: 'inconclusive',
    summary: 'This text is not about Amazon Bedrock access.',
    fix: {
      text: 'Fix it where it comes from: bedrock-doctor explains Amazon Bedrock access errors only. If a Bedrock call failed too, paste that error, or run bedrock-doctor check.',
      actor: 'caller',
    },
    specialise: ({ what }) => (what ? { summary: `This is ${what}, not an Amazon Bedrock access error.` } : {}),
  },
  interrupted: {
    gate: 'unknown',
    status: 'inconclusive',
    summary: 'Interrupted before this call answered.',
    fix: {
      text: 'Run the check again and let it finish.',
      actor: 'caller',
      docs: DOCS.apiErrors,
    },
  },
  'unrecognised-error': {
    gate: 'unknown',
    status: 'inconclusive',
    summary: 'The error does not match any known Bedrock access problem.',
    fix: {
      text: 'Run `bedrock-doctor check`: it tests every gate (credentials, network, Region, model access, IAM, provider terms, invoke) and names the one at fault.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
    specialise: ({ inCheck }) =>
      inCheck
        ? {
            fix: {
              text: 'bedrock-doctor does not recognise this error; its text and request id are in the evidence (--verbose or --json). AWS Support needs the request id.',
              commands: undefined,
            },
          }
        : {},
  },
});

/** Credentials: SSO, expired or invalid keys, clocks, the credential chain. */

import type { Rule } from '../rule.js';
import { profileOf } from './recognise.js';

export const CREDENTIAL_RULES: readonly Rule[] = [
  {
    cause: 'sso-misconfigured',
    seenUnder: ['CredentialsProviderError', 'InvalidConfigError'],
    message:
      /sso[ _-]session '[^']{0,80}' (?:could not be found|was not found|does not exist)|missing required (?:property|configuration)[^.]{0,40}sso|sso_session[^.]{0,40}(?:missing|not found|required)|InvalidSSOConfig|failed to (?:retrieve|read|find|load) sso_\w{2,30}|sso_(?:account_id|role_name|start_url|region)[^.]{0,40}(?:missing|not found|required)/i,
    extract: profileOf,
  },
  {
    cause: 'sso-expired',
    names: ['TokenRetrievalError', 'SSOTokenProviderFailure', 'UnauthorizedSSOTokenError', 'InvalidGrantException'],
    seenUnder: ['UnauthorizedException', 'CredentialsProviderError', 'ExpiredTokenException', 'ExpiredToken'],
    message:
      /\bSSO\b[^.]{0,80}(?:expired|invalid|not found|refresh)|aws sso login|Token (?:is|has) expired|Session token not found or invalid|invalid_grant|Invalid refresh token|refresh token[^.]{0,40}(?:invalid|expired)|re-?authenticate using aws login|Failed to load a token for session|Error loading SSO Token|Token for [^.]{1,80} does not exist|token (?:refresh|retrieval) failed/i,
    extract: (m) => ({ ...profileOf(m), viaLogin: /aws login|login_session/i.test(m.text) && !/sso/i.test(m.text) }),
  },
  {
    cause: 'expired-credentials',
    names: ['ExpiredToken', 'ExpiredTokenException'],
    seenUnder: ['CredentialsProviderError', 'AccessDeniedException'],
    message:
      /security token included in the request is expired|provided token has expired|credentials? (?:have|has) expired|token included in the request has expired|session (?:credentials|token) (?:have |has )?expired/i,
  },
  {
    cause: 'invalid-credentials',
    names: ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId', 'AuthFailure'],
    seenUnder: ['AccessDeniedException'],
    message:
      /security token included in the request is invalid|Access Key Id you provided does not exist|access key (?:id )?[^.]{0,30}(?:does not exist|is not valid|is invalid)|(?:InvalidClientTokenId|UnrecognizedClientException)\b/i,
  },
  {
    cause: 'clock-skew',
    names: ['RequestExpired', 'RequestTimeTooSkewed'],
    seenUnder: ['InvalidSignatureException', 'SignatureDoesNotMatch', 'AccessDeniedException'],
    message:
      /Signature expired|Signature not yet current|RequestTimeTooSkewed|clock skew|Request has expired|is now earlier than|is still later than|time between the request and the current time is too (?:large|skewed)|request time[^.]{0,40}too skewed/i,
  },
  {
    cause: 'signature-mismatch',
    names: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
    seenUnder: ['AccessDeniedException'],
    message:
      /signature we calculated does not match|Check your AWS Secret Access Key and signing method|signature (?:does not|doesn't) match/i,
  },
  {
    cause: 'imds-unavailable',
    seenUnder: ['CredentialsProviderError', 'TimeoutError', 'ProviderError'],
    message:
      /instance metadata service|\bIMDS\b|IMDS_|\bec2imds\b|EC2 (?:instance )?metadata|169\.254\.169\.254|169\.254\.170\.2|container (?:credentials|metadata)|EC2 IMDS role/i,
  },
  {
    cause: 'profile-not-found',
    names: ['ProfileNotFound'],
    seenUnder: ['CredentialsProviderError'],
    message: /(?:config )?profile \(?['"[]?[\w.@+-]{1,64}['"\]]?\)? (?:could not be found|not found|does not exist)|ProfileNotFound/i,
  },
  {
    cause: 'no-credentials',
    names: ['CredentialsProviderError', 'NoCredentialsError', 'PartialCredentialsError', 'CredentialsError', 'CredentialRetrievalError'],
    message:
      /Could not load credentials|Unable to (?:locate|load|find|retrieve) (?:AWS |any )?credentials|Missing credentials in config|no valid (?:credential )?providers in chain|no providers in chain provided credentials|Could not resolve credentials using profile|credential provider was not enabled|failed ?to ?(?:create|refresh|retrieve|load|resolve|obtain|get)[\w ]{0,40}?credentials|No (?:AWS )?credentials (?:found|available|were found|provided)|credentials (?:are )?not (?:found|configured|set)|load credentials from any|Credential is missing|Error when retrieving credentials from|credential_process[^.]{0,40}(?:failed|error)|(?:requires|missing|need) (?:valid )?AWS credentials|AWS credentials (?:are )?(?:required|missing)/i,
  },
];

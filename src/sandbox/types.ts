/** Vocabulary of the local AWS emulator. */
import type { AwsErrorSpec } from './protocols.js';

export type Service = 'sts' | 'iam' | 'bedrock' | 'bedrock-runtime' | 'unknown';
export type ReachableService = Exclude<Service, 'unknown'>;
export type AuthKind = 'sigv4' | 'bearer' | 'none';

export interface RecordedRequest {
  service: Service;
  operation: string;
  method: string;
  path: string;
  auth: AuthKind;
  region?: string;
  mutating: boolean;
  /**
   * Decoded request parameters: the awsQuery form (`member.N` lists as arrays) for STS/IAM;
   * for Bedrock the path labels, the query string and the JSON body's members, merged.
   */
  params?: Record<string, unknown>;
  /** The User-Agent header, so tests can check the caller identifies itself. */
  userAgent?: string;
}

/** The operations the doctor calls (and a few the emulator also answers). */
export const EMULATED_OPERATIONS = [
  'GetCallerIdentity',
  'GetRole',
  'SimulatePrincipalPolicy',
  'GetContextKeysForPrincipalPolicy',
  'ListUserTags',
  'ListRoleTags',
  'ListFoundationModels',
  'GetFoundationModel',
  'ListInferenceProfiles',
  'GetInferenceProfile',
  'GetFoundationModelAvailability',
  'ListFoundationModelAgreementOffers',
  'GetUseCaseForModelAccess',
  'PutUseCaseForModelAccess',
  'CreateFoundationModelAgreement',
  'Converse',
  'InvokeModel',
] as const;
type EmulatedOperation = (typeof EMULATED_OPERATIONS)[number];

/**
 * Keys of a scenario's behaviours: an operation, every operation of a service (`sts:*`), or
 * every operation (`*`). The most specific key wins.
 */
export type OperationName = EmulatedOperation | `${ReachableService}:*` | '*';

/**
 * How an operation answers instead of (or before) its normal answer, on every attempt:
 * - `error`: the AWS error in the service's protocol;
 * - `fault: 'hang'`: never answer (the socket stays open until the client gives up or close());
 * - `fault: 'reset'`: destroy the connection without a response;
 * - `fault: 'garbage'`: 200 with `<html>oops</html>`, neither JSON nor XML;
 * - `delayMs`: wait, then answer normally;
 * - `body`: answer this body (JSON for Bedrock, the `<Result>` content for STS/IAM).
 * With `times`, only the first `times` requests it matches answer so; later ones answer
 * normally (a denial that clears, as access still propagating does).
 */
export type Behaviour = (
  | { error: AwsErrorSpec }
  | { fault: 'hang' | 'reset' | 'garbage' }
  | { delayMs: number }
  | { body: unknown; status?: number }
) & { times?: number };

/**
 * What counts as read-only, as an allow-list so that anything new or unknown counts as a
 * change: reads by their verb (Get, List, Describe, Simulate; GetContextKeys… and the policy
 * simulator change nothing), and the model calls themselves (Converse, InvokeModel and their
 * streaming forms), the one call the doctor exists to make. Every other operation, and any
 * request the emulator cannot name ("unknown"), is mutating.
 */
const READ_ONLY = /^(?:(?:Get|List|Describe|Simulate)[A-Z]\w*|Converse|ConverseStream|InvokeModel|InvokeModelWithResponseStream)$/;

/** True for any operation that is not known to be read-only (see READ_ONLY). */
export function isMutating(operation: string): boolean {
  return !READ_ONLY.test(operation);
}

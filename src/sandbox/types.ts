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

const MUTATING_PREFIXES =
  /^(Put|Create|Delete|BatchDelete|Update|Attach|Detach|Tag|Untag|Subscribe|Start|Stop|Cancel|Register|Deregister|Set|Add|Remove|Change|Reset|Enable|Disable|Upload|Upsert|Accept|Associate|Disassociate)/;

/** True for operations that change something (an opt-in that the doctor must never make by default). */
export function isMutating(operation: string): boolean {
  return MUTATING_PREFIXES.test(operation);
}

/**
 * The IAM action each AWS operation the doctor calls needs. A look-up names its operation;
 * a "Cannot look" fix names the action from here, so it always matches the call that failed.
 */
export const ACTION_OF_OPERATION = {
  GetCallerIdentity: 'sts:GetCallerIdentity',
  GetRole: 'iam:GetRole',
  SimulatePrincipalPolicy: 'iam:SimulatePrincipalPolicy',
  GetContextKeysForPrincipalPolicy: 'iam:GetContextKeysForPrincipalPolicy',
  ListUserTags: 'iam:ListUserTags',
  ListRoleTags: 'iam:ListRoleTags',
  ListFoundationModels: 'bedrock:ListFoundationModels',
  GetFoundationModel: 'bedrock:GetFoundationModel',
  ListInferenceProfiles: 'bedrock:ListInferenceProfiles',
  GetInferenceProfile: 'bedrock:GetInferenceProfile',
  GetFoundationModelAvailability: 'bedrock:GetFoundationModelAvailability',
  ListFoundationModelAgreementOffers: 'bedrock:ListFoundationModelAgreementOffers',
  GetUseCaseForModelAccess: 'bedrock:GetUseCaseForModelAccess',
  // Converse is authorized as InvokeModel: there is no bedrock:Converse action.
  Converse: 'bedrock:InvokeModel',
} as const;

export type Operation = keyof typeof ACTION_OF_OPERATION;

/** The read-only Bedrock permissions the doctor uses to look; none changes anything. */
export const DOCTOR_BEDROCK_READS: string[] = Object.values(ACTION_OF_OPERATION).filter((a) => a.startsWith('bedrock:') && a !== 'bedrock:InvokeModel');

/** Runtime operations whose IAM action has another name (Converse is authorized as InvokeModel). */
const AUTHORIZED_AS: Record<string, string> = {
  converse: 'bedrock:InvokeModel',
  conversestream: 'bedrock:InvokeModelWithResponseStream',
  invokemodel: 'bedrock:InvokeModel',
  invokemodelwithresponsestream: 'bedrock:InvokeModelWithResponseStream',
};

/**
 * The real IAM action behind an action an error text or a policy names, with a note when the
 * name does not exist: `bedrock:Converse`, `bedrock:ConverseStream` and any `bedrock-runtime:`
 * action are ignored by IAM, so a policy naming them grants nothing; nor does the retired
 * `bedrock:PutFoundationModelEntitlement`. Null for other services.
 */
export function realBedrockAction(action: string): { action: string; note?: string } | null {
  const [service = '', name = ''] = action.split(':');
  const lower = service.toLowerCase();
  if (lower !== 'bedrock' && lower !== 'bedrock-runtime') return null;
  const mapped = AUTHORIZED_AS[name.toLowerCase()];
  // AWS Security Blog, "Simplified model access in Amazon Bedrock" (Oct 2025): the Model access page
  // was retired "along with the PutFoundationModelEntitlement IAM permission"; statements with it
  // "no longer have an effect".
  if (lower === 'bedrock' && name.toLowerCase() === 'putfoundationmodelentitlement') {
    return { action, note: `${action} was retired with the Model access page (October 2025): statements naming it no longer have an effect` };
  }
  if (lower === 'bedrock' && (name.toLowerCase() === 'converse' || name.toLowerCase() === 'conversestream')) {
    return { action: mapped!, note: `there is no ${action} IAM action: ${name} is authorized as ${mapped}` };
  }
  if (lower === 'bedrock-runtime') {
    const real = mapped ?? `bedrock:${name}`;
    return { action: real, note: `IAM actions use the bedrock: prefix (there is no ${action}): the call is authorized as ${real}` };
  }
  return { action: mapped ?? `bedrock:${name}` };
}

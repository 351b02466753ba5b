/**
 * The IAM action each AWS operation the doctor calls needs. A look-up names its operation;
 * a "Cannot look" fix names the action from here, so it always matches the call that failed.
 */
export const ACTION_OF_OPERATION = {
  GetCallerIdentity: 'sts:GetCallerIdentity',
  GetRole: 'iam:GetRole',
  SimulatePrincipalPolicy: 'iam:SimulatePrincipalPolicy',
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

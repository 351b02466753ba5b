// Only what the doctor sends: a namespace import of the whole package would keep every command.
export {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
} from '@aws-sdk/client-bedrock';

// Only what the doctor sends: a namespace import of the whole package would keep every command.
export { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

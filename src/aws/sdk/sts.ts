// Only what the doctor sends: a namespace import of the whole package would keep every command.
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

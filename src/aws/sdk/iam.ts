// Only what the doctor sends: a namespace import of the whole package would keep every command.
export {
  IAMClient,
  GetContextKeysForPrincipalPolicyCommand,
  GetRoleCommand,
  ListRoleTagsCommand,
  ListUserTagsCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';

import { parse as parseArn } from '@aws-sdk/util-arn-parser';

/**
 * What GetCallerIdentity's ARN means for the policy simulator, which takes only IAM users,
 * groups and roles. An assumed-role ARN never carries the role's path (SSO roles live under
 * /aws-reserved/…), so it must be resolved with iam:GetRole, not rebuilt by hand.
 */
export type Principal =
  | { kind: 'user'; arn: string }
  | { kind: 'assumed-role'; roleName: string; sessionName: string; account: string; partition: string }
  | { kind: 'root'; arn: string }
  | { kind: 'federated-user'; arn: string }
  | { kind: 'other'; arn: string };

export function principalOf(callerArn: string): Principal {
  let resource: string;
  let service: string;
  let account: string;
  let partition: string;
  try {
    ({ resource, service, accountId: account, partition } = parseArn(callerArn));
  } catch {
    return { kind: 'other', arn: callerArn };
  }
  if (service === 'iam' && resource === 'root') return { kind: 'root', arn: callerArn };
  if (service === 'iam' && resource.startsWith('user/')) return { kind: 'user', arn: callerArn };
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, roleName = '', ...session] = resource.split('/');
    return { kind: 'assumed-role', roleName, sessionName: session.join('/'), account, partition };
  }
  if (service === 'sts' && resource.startsWith('federated-user/')) return { kind: 'federated-user', arn: callerArn };
  return { kind: 'other', arn: callerArn };
}

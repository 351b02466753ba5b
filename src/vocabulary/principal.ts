import { parse as parseArn } from '@aws-sdk/util-arn-parser';

/**
 * What GetCallerIdentity's ARN means for the policy simulator, which takes only IAM users,
 * groups and roles. An assumed-role ARN never carries the role's path (SSO roles live under
 * /aws-reserved/…), so it must be resolved with iam:GetRole, not rebuilt by hand.
 */
export type Principal =
  | { kind: 'user'; arn: string }
  | { kind: 'assumed-role'; roleName: string; partition: string }
  | { kind: 'root'; arn: string }
  | { kind: 'federated-user'; arn: string }
  | { kind: 'other'; arn: string };

export function principalOf(callerArn: string): Principal {
  let arn: ReturnType<typeof parseArn>;
  try {
    arn = parseArn(callerArn);
  } catch {
    return { kind: 'other', arn: callerArn };
  }
  const { resource, service, partition } = arn;
  if (service === 'iam' && resource === 'root') return { kind: 'root', arn: callerArn };
  if (service === 'iam' && resource.startsWith('user/')) return { kind: 'user', arn: callerArn };
  if (service === 'sts' && resource.startsWith('assumed-role/')) return { kind: 'assumed-role', roleName: resource.split('/')[1] ?? '', partition };
  if (service === 'sts' && resource.startsWith('federated-user/')) return { kind: 'federated-user', arn: callerArn };
  return { kind: 'other', arn: callerArn };
}

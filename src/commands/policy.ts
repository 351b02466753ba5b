import { parse as parseArn, validate as isArn } from '@aws-sdk/util-arn-parser';
import { UsageError } from '../errors.js';
import { leastPrivilegePolicy } from '../policy/least-privilege.js';
import { matrix, parseModels, resolveRegions, validAccount } from '../pipeline/plan.js';
import { emit, type Io } from './io.js';

interface PolicyFlags {
  model?: string[];
  region?: string[];
  account?: string;
  stream?: boolean;
  doctor?: boolean;
  principal?: string;
}

/** --principal: the caller's own IAM user or role ARN (what the doctor's simulation needs). */
function validPrincipal(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const parsed = isArn(arn) ? parseArn(arn) : undefined;
  if (!parsed || parsed.service !== 'iam' || !/^\d{12}$/.test(parsed.accountId) || !/^(user|role)\/./.test(parsed.resource)) {
    throw new UsageError(`--principal "${arn.slice(0, 80)}" is not an IAM user or role ARN (arn:aws:iam::123456789012:role/NAME)`);
  }
  return arn;
}

/** policy: prints the least-privilege IAM policy to call the models; no AWS call is made. */
export async function policyCommand(flags: PolicyFlags, io: Io): Promise<number> {
  const refs = parseModels(flags.model ?? []);
  const account = validAccount(flags.account, '--account') ?? '*';
  const principal = validPrincipal(flags.principal);
  const { regions } = await resolveRegions({ regions: flags.region ?? [] }, io.env);
  const policy = leastPrivilegePolicy(matrix(regions, refs), { stream: Boolean(flags.stream), account, doctor: Boolean(flags.doctor), principal });
  await emit(io, JSON.stringify(policy, null, 2) + '\n', {});
  if (flags.doctor && !principal) {
    io.stderr.write('Note: BedrockDoctorSimulateSelf allows simulating any user or role of the account; pass --principal with your own user or role ARN to narrow it.\n');
  }
  return 0;
}

import { parseModelRef } from '../aws/model-id.js';
import { isRegionShaped } from '../aws/regions.js';
import { UsageError } from '../errors.js';
import { leastPrivilegePolicy } from '../policy/least-privilege.js';
import { emit, type Io } from './io.js';

export interface PolicyFlags {
  model: string[];
  region: string[];
  account?: string;
  stream?: boolean;
  doctor?: boolean;
}

/** policy: prints the least-privilege IAM policy to call the models; no AWS call is made. */
export async function policyCommand(flags: PolicyFlags, io: Io): Promise<number> {
  if (flags.model.length === 0) throw new UsageError('--model is required (a model id, inference profile id or ARN)');
  const regions = flags.region.length > 0 ? flags.region : [io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? ''];
  for (const region of regions) {
    if (!isRegionShaped(region)) throw new UsageError(region ? `--region "${region.slice(0, 60)}" is not an AWS Region name` : 'No Region: pass --region or set AWS_REGION');
  }
  if (flags.account !== undefined && !/^\d{12}$/.test(flags.account)) throw new UsageError(`--account "${flags.account}" is not a 12-digit AWS account id`);
  const refs = flags.model.map((m) => parseModelRef(m));
  const policy = leastPrivilegePolicy(
    regions.flatMap((region) => refs.map((ref) => ({ region, ref }))),
    { stream: Boolean(flags.stream), account: flags.account ?? '*', doctor: Boolean(flags.doctor) },
  );
  await emit(io, JSON.stringify(policy, null, 2) + '\n', {});
  return 0;
}

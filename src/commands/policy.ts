import { leastPrivilegePolicy } from '../policy/least-privilege.js';
import { matrix, parseModels, resolveRegions, validAccount } from '../pipeline/plan.js';
import { emit, type Io } from './io.js';

interface PolicyFlags {
  model: string[];
  region: string[];
  account?: string;
  stream?: boolean;
  doctor?: boolean;
}

/** policy: prints the least-privilege IAM policy to call the models; no AWS call is made. */
export async function policyCommand(flags: PolicyFlags, io: Io): Promise<number> {
  const refs = parseModels(flags.model);
  const account = validAccount(flags.account, '--account') ?? '*';
  const { regions } = await resolveRegions({ regions: flags.region }, io.env);
  const policy = leastPrivilegePolicy(matrix(regions, refs), { stream: Boolean(flags.stream), account, doctor: Boolean(flags.doctor) });
  await emit(io, JSON.stringify(policy, null, 2) + '\n', {});
  return 0;
}

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseArn, validate as isArn } from '@aws-sdk/util-arn-parser';
import { UsageError } from '../errors.js';
import { leastPrivilegePolicy, type PolicyProblem, type PolicyTarget } from '../policy/least-privilege.js';
import { POLICY_FORMATS, policyCdk, policyHuman, policyJson, policyTerraform, type PolicyFormat } from '../policy/formats.js';
import { matrix, parseModels, resolveRegions, validAccount } from '../pipeline/plan.js';
import { secretScrubber } from '../secrets.js';
import { hostsBedrock } from '../vocabulary/regions.js';
import { emit, type Io } from './io.js';

interface PolicyFlags {
  model?: string[];
  region?: string[];
  account?: string;
  stream?: boolean;
  doctor?: boolean;
  principal?: string;
  admin?: boolean;
  productId?: string[];
  format?: string;
  offline?: boolean;
  profile?: string;
}

/** The whole look-up's time limit: a policy is worth waiting a little for, not forever. */
const LOOKUP_TIMEOUT_MS = 30_000;

/** --principal: the caller's own IAM user or role ARN (what the doctor's simulation needs). */
function validPrincipal(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const parsed = isArn(arn) ? parseArn(arn) : undefined;
  if (!parsed || parsed.service !== 'iam' || !/^\d{12}$/.test(parsed.accountId) || !/^(user|role)\/./.test(parsed.resource)) {
    throw new UsageError(`--principal "${arn.slice(0, 80)}" is not an IAM user or role ARN (arn:aws:iam::123456789012:role/NAME)`);
  }
  return arn;
}

function validFormat(value: string | undefined): PolicyFormat {
  const format = (value ?? 'json').toLowerCase() as PolicyFormat;
  if (!POLICY_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${POLICY_FORMATS.join(', ')} (any case), not "${String(value).slice(0, 40)}"`);
  return format;
}

/** An AWS Marketplace product id (`prod-…`, as the model-access product-id page lists them). */
function validProductIds(ids: string[]): string[] {
  for (const id of ids) if (!/^prod-[a-z0-9]{6,40}$/.test(id)) throw new UsageError(`--product-id "${id.slice(0, 60)}" is not an AWS Marketplace product id (prod-…)`);
  return ids;
}

/**
 * Credentials configured where the SDK's chain looks without the network (keys, a profile, web
 * identity, a container endpoint, the shared files). Instance metadata alone does not count:
 * an offline policy must not wait on a metadata endpoint that is not there.
 */
function credentialsAtHand(env: NodeJS.ProcessEnv, profile: string | undefined): boolean {
  if (profile || env.AWS_PROFILE || env.AWS_ACCESS_KEY_ID || env.AWS_WEB_IDENTITY_TOKEN_FILE) return true;
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return true;
  const home = env.HOME || env.USERPROFILE || homedir();
  return existsSync(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'));
}

/** Each target as AWS describes it, when credentials are at hand and --offline is not given. */
async function lookedUp(targets: PolicyTarget[], flags: PolicyFlags, io: Io): Promise<{ targets: PolicyTarget[]; account?: string; notes: string[]; problems: PolicyProblem[] }> {
  if (flags.offline || !credentialsAtHand(io.env, flags.profile)) return { targets, notes: [], problems: [] };
  const [{ openReadSession }, { resolvePolicyTargets }] = await Promise.all([import('../aws/session.js'), import('../aws/policy-lookups.js')]);
  const homeRegion = targets.find((t) => hostsBedrock(t.region))?.region ?? 'us-east-1';
  const session = await openReadSession({ env: io.env, profile: flags.profile, homeRegion, timeoutMs: LOOKUP_TIMEOUT_MS });
  try {
    return await resolvePolicyTargets(session.lookups, targets);
  } finally {
    session.close();
  }
}

/**
 * policy: prints the least-privilege IAM policy to call the models. With credentials at hand it
 * reads each profile's destinations and the account (read-only); otherwise it works from the
 * ids and the documented geographies, and says so. A policy that cannot work is not printed.
 */
export async function policyCommand(flags: PolicyFlags, io: Io): Promise<number> {
  const format = validFormat(flags.format);
  const refs = parseModels(flags.model ?? []);
  const account = validAccount(flags.account, '--account');
  const principal = validPrincipal(flags.principal);
  const productIds = validProductIds(flags.productId ?? []);
  if (productIds.length > 0 && !flags.admin) throw new UsageError('--product-id narrows the --admin statement: pass --admin too');
  const { regions } = await resolveRegions({ regions: flags.region ?? [], profile: flags.profile }, io.env);
  const looked = await lookedUp(matrix(regions, refs), flags, io);
  if (account && looked.account && account !== looked.account) {
    looked.notes.push(`--account ${account} is used for the profile ARNs, though the credentials belong to ${looked.account}.`);
  }
  const generated = leastPrivilegePolicy(looked.targets, {
    stream: Boolean(flags.stream),
    account: account ?? looked.account,
    doctor: Boolean(flags.doctor),
    principal,
    admin: Boolean(flags.admin),
    productIds,
  });
  const problems = [...looked.problems, ...generated.problems];
  // Notes may quote an AWS error: scrubbed like stdout.
  const scrub = secretScrubber(io.env);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(scrub(`bedrock-doctor: ${problem.message}\n`));
    io.stderr.write('No policy printed: it could not work as asked.\n');
    return problems.some((p) => p.kind === 'input') ? 2 : 3;
  }
  const notes = [...looked.notes, ...generated.notes];
  if (flags.doctor && !principal) notes.push('BedrockDoctorSimulateSelf allows simulating any user or role of the account; pass --principal with your own user or role ARN to narrow it.');
  const text =
    format === 'terraform' ? policyTerraform(generated.policy) : format === 'cdk' ? policyCdk(generated.policy) : format === 'human' ? policyHuman(generated.policy, notes) : policyJson(generated.policy);
  await emit(io, text, {});
  if (format !== 'human') for (const note of notes) io.stderr.write(scrub(`Note: ${note}\n`));
  return 0;
}

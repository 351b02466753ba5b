import { setMaxListeners } from 'node:events';
import { createClients, type AwsClients } from '../aws/clients.js';
import { preloadClients } from '../aws/sdk.js';
import { classifier, diagnose, interruptedError, untilAborted, type CallOutcome, type CallSettings } from '../aws/call.js';
import { setUpAuth, type AuthSetup } from '../aws/credentials.js';
import { configuredEndpoint, probeEndpoint } from '../aws/endpoints.js';
import { principalOf } from '../vocabulary/principal.js';
import { proxyAgent } from '../aws/proxy.js';
import { trustedCertificates } from '../aws/trust.js';
import { hostsBedrock, realRegion } from '../vocabulary/regions.js';
import type { GateCheck, GateContext, GateOutcome, GateResult, PlannedTarget } from '../gates/shared/context.js';
import { GATE_CHECKS } from '../gates/index.js';
import { learnSecret, secretScrubber } from '../secrets.js';
import { credentialFileSecrets } from '../aws/credential-files.js';
import { finding } from '../gates/shared/finding.js';
import type { CauseParams } from '../causes/index.js';
import { GATES, type Gate } from '../types.js';
import type { ReportCheck, ReportIdentity, RunResult } from './result.js';
import { Lookups } from '../aws/lookups.js';
import type { Plan } from './plan.js';
import { reconcile } from './reconcile.js';

export interface RunDependencies {
  env: NodeJS.ProcessEnv;
  /** Aborts the run early (Ctrl-C); what is known so far is still reported. */
  signal?: AbortSignal;
  /** Tests inject clients built on mocks. */
  clients?: AwsClients;
  auth?: AuthSetup;
  now?: () => Date;
  /** Tests replace the connection probe so no socket leaves the machine. */
  probe?: GateContext['probe'];
  /** Attempts of the Converse call (default: one retry, as every call); a caller that retries itself passes 1. */
  invokeMaxAttempts?: number;
  /** Called for each check once its target is reconciled, for progress display. */
  onCheck?: (check: ReportCheck) => void;
  /** Told when each AWS call starts and ends, for a progress display that says what it waits on. */
  watch?: CallSettings['watch'];
}

/** Per-request limits: short enough that a run stays within the deadline, with one retry. */
const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 3_000;
const MAX_ATTEMPTS = 2;
/** Time a gate gets after the deadline to turn its aborted calls into a result. */
const GRACE_MS = 300;

function deadlineError(timeoutMs: number): Error {
  return Object.assign(new Error(`Request timed out: the run's --timeout of ${timeoutMs / 1000} s was reached`), { name: 'TimeoutError' });
}

/**
 * Runs every gate for every target at once; shared lookups make each AWS read happen once.
 * Each gate is bounded by the run's deadline: a gate that has not answered by then becomes
 * inconclusive, so a hanging endpoint never hangs the doctor.
 */
export async function runCheck(plan: Plan, deps: RunDependencies): Promise<RunResult> {
  const started = performance.now();
  // The SDK's modules start loading now, in the order the round trips need them (see sdk.ts),
  // then the words the results need (the classifier and the catalog), while answers are awaited.
  void (deps.clients ? Promise.resolve() : preloadClients()).then(classifier).catch(() => undefined);
  // Read before any call: an unreadable AWS_CA_BUNDLE is bad input.
  const ca = await trustedCertificates(deps.env);
  // Secrets that never passed through the environment are scrubbed too.
  for (const secret of await credentialFileSecrets(deps.env)) learnSecret(secret);
  const controller = new AbortController();
  // Every concurrent SDK call listens on this one signal; a matrix easily exceeds Node's default of 10.
  setMaxListeners(0, controller.signal);
  const onExternalAbort = () => controller.abort(interruptedError());
  deps.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const deadline = setTimeout(() => controller.abort(deadlineError(plan.timeoutMs)), plan.timeoutMs);

  const chain = deps.auth ?? setUpAuth(deps.env, plan.profile);
  // A credential source can hang (credential_process, SSO, instance metadata): bound it by the run.
  // Whatever the chain resolves (credential_process output, SSO role credentials…) is a secret from then on.
  const auth: AuthSetup = {
    ...chain,
    provider: (options) =>
      untilAborted(chain.provider(options), controller.signal).then((credentials) => {
        learnSecret(credentials.secretAccessKey);
        learnSecret(credentials.sessionToken);
        return credentials;
      }),
  };
  const clients =
    deps.clients ??
    createClients({
      credentials: auth.provider,
      requestTimeoutMs: Math.min(REQUEST_TIMEOUT_MS, plan.timeoutMs),
      connectionTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, plan.timeoutMs),
      maxAttempts: MAX_ATTEMPTS,
      runtimeMaxAttempts: deps.invokeMaxAttempts,
      agent: await proxyAgent(deps.env, ca),
      ca,
    });
  const settings: CallSettings = { signal: controller.signal, authMode: auth.mode, scrub: secretScrubber(deps.env), watch: deps.watch };
  // STS and IAM are asked in a Region that surely has them: the first target Region hosting Bedrock.
  const homeRegion = plan.targets.find((t) => hostsBedrock(t.region))?.region ?? 'us-east-1';
  const lookups = new Lookups(clients, auth, settings, homeRegion);
  const probes = new Map<string, Promise<CallOutcome<{ durationMs: number; address?: string }>>>();
  const known = knownSettings(plan, deps.env);
  const ctx: GateContext = {
    auth,
    clients,
    lookups,
    options: plan.options,
    settings,
    env: deps.env,
    now: deps.now ?? (() => new Date()),
    probe: deps.probe ?? ((url) => {
      let probe = probes.get(url.origin);
      if (!probe) {
        probe = probeOnce(url, Math.min(CONNECT_TIMEOUT_MS, plan.timeoutMs), settings, ca);
        probes.set(url.origin, probe);
      }
      return probe;
    }),
  };

  const gateDeadline = new Promise<'deadline'>((resolve) => {
    const fire = () => setTimeout(() => resolve('deadline'), GRACE_MS).unref();
    if (controller.signal.aborted) fire();
    else controller.signal.addEventListener('abort', fire, { once: true });
  });

  try {
    const perTarget = await Promise.all(
      plan.targets.map(async (target) => {
        const outcomes = await Promise.all(
          plan.gates.map(async (gate) => [gate, await runGate(gate, GATE_CHECKS[gate], ctx, target, gateDeadline)] as const),
        );
        const timings = new Map(outcomes.map(([gate, o]) => [gate, o.durationMs]));
        const results = reconcile(new Map(outcomes.map(([gate, o]) => [gate, o.result])));
        // What a client's configuration adds (check --from): its code loads only then.
        const reconciled = target.origin ? (await import('./client-findings.js')).applyClientFindings(results, target) : results;
        const { fillFix } = await import('../causes/index.js');
        // A finding a selected gate met on another gate's ground (--only) is reported there, even
        // if that gate was not selected: the fix is on it.
        const checks = GATES.filter((gate) => reconciled.has(gate)).map((gate) => toCheck(reconciled.get(gate)!, target, timings.get(gate) ?? 0, known, fillFix));
        checks.forEach((check) => deps.onCheck?.(check));
        return checks;
      }),
    );
    const checks = perTarget.flat();
    return {
      identity: await identityOf(lookups, auth),
      targets: plan.targets.map(({ region, model, origin }) => ({ region, model, ...(origin ? { origin } : {}) })),
      checks,
      durationMs: Math.round(performance.now() - started),
      regionSource: plan.regionSource,
      ...(plan.client ? { client: plan.client } : {}),
      only: plan.only,
      interrupted: deps.signal?.aborted ?? false,
      ...(deps.signal?.aborted && (deps.signal.reason === 'SIGINT' || deps.signal.reason === 'SIGTERM') ? { interruptedBy: deps.signal.reason } : {}),
    };
  } finally {
    clearTimeout(deadline);
    deps.signal?.removeEventListener('abort', onExternalAbort);
    controller.abort();
    if (!deps.clients) clients.destroy();
  }
}

async function runGate(
  gate: Gate,
  check: GateCheck,
  ctx: GateContext,
  target: PlannedTarget,
  deadline: Promise<'deadline'>,
): Promise<{ result: GateOutcome; durationMs: number }> {
  const started = performance.now();
  const result = await Promise.race([
    check(ctx, target).catch((error: unknown) =>
      // A bug in a gate must not crash the run: report it honestly, with the error's text.
      finding(gate, 'doctor-bug', { summary: `The ${gate} check failed unexpectedly: ${String((error as Error)?.message ?? error).slice(0, 300)}` }),
    ),
    deadline.then(() =>
      finding(gate, 'deadline-reached'),
    ),
  ]);
  return { result, durationMs: Math.round(performance.now() - started) };
}

async function probeOnce(url: URL, timeoutMs: number, settings: CallSettings, ca?: string[]): Promise<CallOutcome<{ durationMs: number; address?: string }>> {
  const started = performance.now();
  try {
    const value = await probeEndpoint(url, timeoutMs, settings.signal, ca);
    return { ok: true, value, durationMs: value.durationMs, evidence: { service: url.host, operation: 'connect' } };
  } catch (error) {
    // Timed before the classifier is asked: its first use loads it.
    const durationMs = Math.round(performance.now() - started);
    return {
      ok: false,
      error,
      diagnosis: await diagnose(error, { service: url.host, operation: 'connect' }, settings),
      durationMs,
      evidence: {
        service: url.host,
        operation: 'connect',
        errorName: (error as { code?: string; name?: string })?.code ?? (error as Error)?.name ?? null,
        message: settings.scrub(String((error as Error)?.message ?? error)).slice(0, 500),
      },
    };
  }
}

type FillFix = typeof import('../causes/index.js').fillFix;

/** The reported check: the result's own fields only (reconciliation notes stay internal). */
function toCheck(result: GateResult, target: PlannedTarget, durationMs: number, known: CauseParams, fillFix: FillFix): ReportCheck {
  const { gate, status, cause, summary, evidence } = result;
  // What the doctor knows fills what a fix left open (an error's fix speaks of <region>).
  const modelId = 'baseId' in target.ref ? target.ref.baseId : target.model;
  const fix = result.fix ? fillFix(result.fix, { ...known, region: realRegion(target.region), modelId }) : null;
  return { gate, region: target.region, model: target.model, status, cause, summary, fix, evidence, durationMs };
}

/** The profile and runtime endpoint in use, for the fixes' placeholders. */
function knownSettings(plan: Plan, env: NodeJS.ProcessEnv): CauseParams {
  const runtime = configuredEndpoint('BEDROCK_RUNTIME', env);
  let runtimeEndpoint: string | undefined;
  try {
    runtimeEndpoint = runtime ? new URL(runtime).origin : undefined;
  } catch {
    runtimeEndpoint = undefined;
  }
  const profile = plan.profile ?? env.AWS_PROFILE;
  return { ...(profile ? { profile } : {}), ...(runtimeEndpoint ? { runtimeEndpoint } : {}) };
}

/** The identity for the report, from look-ups already made (the policy subject is shared with the gates). */
async function identityOf(lookups: Lookups, auth: AuthSetup): Promise<ReportIdentity | null> {
  const identity = await lookups.identity();
  if (!identity.ok) return auth.mode === 'api-key' ? { authMode: 'api-key', account: null, arn: null, principalArn: null, credentialSource: 'AWS_BEARER_TOKEN_BEDROCK' } : null;
  const { account, arn, credentialSource } = identity.value;
  // In api-key mode only a user ARN is named: no GetRole is made for a SigV4 identity Bedrock does not see.
  const subject = auth.mode === 'sigv4' || principalOf(arn).kind === 'user' ? await lookups.policySubject() : null;
  return {
    authMode: auth.mode,
    account,
    arn,
    principalArn: subject?.kind === 'entity' ? subject.arn : null,
    credentialSource: auth.mode === 'api-key' ? `AWS_BEARER_TOKEN_BEDROCK (SigV4 identity from ${credentialSource})` : credentialSource,
  };
}

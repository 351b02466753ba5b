/**
 * The AWS SDK's clients, each loaded on first use from a chunk of its own (holding only the
 * commands the doctor sends), so a command loads only the clients it calls.
 *
 * Loading is CPU work that holds up every request behind it, so a check orders it by need: STS,
 * then Bedrock (their reads are the first round trip); IAM and the runtime (the second round
 * trip's) only once Bedrock's module is in and its reads have started, so that they load while
 * the first answers are awaited, whoever asks for them first.
 */
type Sts = typeof import('./sdk/sts.js');
type Iam = typeof import('./sdk/iam.js');
type Bedrock = typeof import('./sdk/bedrock.js');
type Runtime = typeof import('./sdk/runtime.js');

let sts: Promise<Sts> | undefined;
let iam: Promise<Iam> | undefined;
let bedrock: Promise<Bedrock> | undefined;
let runtime: Promise<Runtime> | undefined;
/** Set by a check's preload: what the second round's modules wait for. */
let firstRound: Promise<unknown> = Promise.resolve();

/** A turn of the event loop: the requests just started get on their way before more loading. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const loadSts = (): Promise<Sts> => (sts ??= import('./sdk/sts.js'));
export const loadBedrock = (): Promise<Bedrock> => (bedrock ??= loadSts().then(nextTurn).then(() => import('./sdk/bedrock.js')));
export const loadIam = (): Promise<Iam> => (iam ??= firstRound.then(() => import('./sdk/iam.js')));
export const loadRuntime = (): Promise<Runtime> => (runtime ??= firstRound.then(() => import('./sdk/runtime.js')));

/** Everything a check calls, in the order of its round trips, starting now; settles once all are in. */
export async function preloadClients(): Promise<void> {
  firstRound = loadBedrock().then(nextTurn);
  await firstRound;
  await Promise.all([loadRuntime(), loadIam()]);
}

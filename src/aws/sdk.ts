/**
 * The AWS SDK's clients, each loaded on first use from a chunk of its own (holding only the
 * commands the doctor sends), so a command loads only the clients it calls.
 *
 * Loading is CPU work that holds up every request behind it, so a check orders it by need: STS,
 * then Bedrock (their reads are the first round trip), and only once those requests are on their
 * way, IAM and the runtime (the second round trip's) while the first answers are awaited.
 */
type Sts = typeof import('./sdk/sts.js');
type Iam = typeof import('./sdk/iam.js');
type Bedrock = typeof import('./sdk/bedrock.js');
type Runtime = typeof import('./sdk/runtime.js');

let sts: Promise<Sts> | undefined;
let iam: Promise<Iam> | undefined;
let bedrock: Promise<Bedrock> | undefined;
let runtime: Promise<Runtime> | undefined;

/** A turn of the event loop: the requests just started reach their sockets before more loading. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const loadSts = (): Promise<Sts> => (sts ??= import('./sdk/sts.js'));
export const loadBedrock = (): Promise<Bedrock> => (bedrock ??= loadSts().then(nextTurn).then(() => import('./sdk/bedrock.js')));
export const loadIam = (): Promise<Iam> => (iam ??= import('./sdk/iam.js'));
export const loadRuntime = (): Promise<Runtime> => (runtime ??= import('./sdk/runtime.js'));

/** Everything a check calls, in the order of its round trips, starting now; settles once all are in. */
export async function preloadClients(): Promise<void> {
  await loadBedrock();
  await nextTurn();
  await Promise.all([loadRuntime(), loadIam()]);
}

/**
 * The AWS SDK's clients, loaded on first use. STS loads first: the run's first request needs it,
 * and the others (IAM, Bedrock, Bedrock Runtime, each a large module) load while it is in
 * flight instead of before it. The bundle keeps each in its own chunk.
 */
type Sts = typeof import('@aws-sdk/client-sts');
type Iam = typeof import('@aws-sdk/client-iam');
type Bedrock = typeof import('@aws-sdk/client-bedrock');
type Runtime = typeof import('@aws-sdk/client-bedrock-runtime');

let sts: Promise<Sts> | undefined;
let iam: Promise<Iam> | undefined;
let bedrock: Promise<Bedrock> | undefined;
let runtime: Promise<Runtime> | undefined;

export const loadSts = (): Promise<Sts> => (sts ??= import('@aws-sdk/client-sts'));

/** After STS, and after a turn of the event loop, so its request is on its way first. */
function afterSts<T>(load: () => Promise<T>): Promise<T> {
  return loadSts().then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(load);
}

export const loadIam = (): Promise<Iam> => (iam ??= afterSts(() => import('@aws-sdk/client-iam')));
export const loadBedrock = (): Promise<Bedrock> => (bedrock ??= afterSts(() => import('@aws-sdk/client-bedrock')));
export const loadRuntime = (): Promise<Runtime> => (runtime ??= afterSts(() => import('@aws-sdk/client-bedrock-runtime')));

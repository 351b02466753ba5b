/**
 * The AWS SDK's clients, each loaded on first use from a chunk of its own, so a command loads
 * only the clients it calls. A check preloads all four, STS first: its request goes out while
 * the larger IAM, Bedrock and runtime modules load (measured: this order gives the shortest run).
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

/** Everything a check calls, starting now rather than when each client is first asked for. */
export function preloadClients(): void {
  void loadBedrock();
  void loadIam();
  void loadRuntime();
}

import type { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import pLimit from 'p-limit';
import type { AwsCredentialIdentityProvider, MiddlewareStack } from '@aws-sdk/types';
import { TOOL_NAME, VERSION } from '../version.js';
import { partitionOf } from '../vocabulary/regions.js';
import { loadBedrock, loadIam, loadRuntime, loadSts } from './sdk.js';

interface ClientSettings {
  /** One memoized provider serves every client: credentials are resolved once per run. */
  credentials: AwsCredentialIdentityProvider;
  /** Per-request time limit; the run's deadline also aborts calls. */
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  maxAttempts: number;
  /** Attempts for Bedrock Runtime (the Converse call), when they differ from maxAttempts. */
  runtimeMaxAttempts?: number;
  /** A proxy agent, when HTTPS_PROXY and friends are set. */
  agent?: Agent;
  /** Calls in flight per client (one service in one Region); default CALLS_PER_CLIENT. */
  maxConcurrency?: number;
  /** The CA certificates to trust instead of Node's store (AWS_CA_BUNDLE), see trust.ts. */
  ca?: string[];
}

/**
 * Each client (a service in one Region; IAM once per partition) runs at most this many calls at
 * once, retries included. A large matrix then waits in the doctor, Region by Region, instead
 * of piling onto one socket pool, where queued requests eat their own timeouts and IAM's low
 * request rate turns into throttling.
 */
const CALLS_PER_CLIENT = 16;

/** The SDK's handler warns on the console when its socket pool queues; the limit above prevents that, so the doctor's stderr stays its own. */
const SILENT = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The four AWS clients the doctor needs, built lazily (their modules too) and once per Region. */
export interface AwsClients {
  sts(region: string): STSClient | Promise<STSClient>;
  iam(region: string): IAMClient | Promise<IAMClient>;
  bedrock(region: string): BedrockClient | Promise<BedrockClient>;
  runtime(region: string): BedrockRuntimeClient | Promise<BedrockRuntimeClient>;
  destroy(): void;
}

/** IAM is global per partition; its signing Region is the partition's first. */
const IAM_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' };

interface SdkClient {
  destroy(): void;
  // Every client's stack, whatever its input and output types: the limiter only passes them on.
  middlewareStack: MiddlewareStack<any, any>;
}

/** Bounds a client's calls in flight: first in the middleware stack, so retries hold their slot. */
function bounded<T extends SdkClient>(client: T, concurrency: number): T {
  const limit = pLimit(concurrency);
  client.middlewareStack.add((next) => (args) => limit(() => next(args)), { step: 'initialize', priority: 'high', name: 'bedrockDoctorConcurrency' });
  return client;
}

export function createClients(settings: ClientSettings): AwsClients {
  const cache = new Map<string, SdkClient>();
  // The SDK's own agent settings (keep-alive, 50 sockets), with the run's trusted CAs.
  const httpsAgent = settings.agent ?? (settings.ca ? new HttpsAgent({ keepAlive: true, maxSockets: 50, ca: settings.ca }) : undefined);
  // No `endpoint` option, ever: the SDK then honours AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>
  // and the profile's endpoint settings. HTTP/1.1 everywhere (the runtime client defaults to
  // HTTP/2, which TLS-intercepting proxies break) with explicit timeouts.
  const common = () => ({
    credentials: settings.credentials,
    maxAttempts: settings.maxAttempts,
    customUserAgent: [[TOOL_NAME, VERSION]] as [string, string][],
    requestHandler: new NodeHttpHandler({
      connectionTimeout: settings.connectionTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Without this the handler only logs a warning when the time is up, and waits on.
      throwOnRequestTimeout: true,
      logger: SILENT,
      ...(settings.agent ? { httpAgent: settings.agent } : {}),
      ...(httpsAgent ? { httpsAgent } : {}),
    }),
  });
  // One client per key, built once its module has loaded (see sdk.ts).
  const pending = new Map<string, Promise<SdkClient>>();
  function get<T extends SdkClient>(key: string, make: () => Promise<T>): Promise<T> {
    let client = pending.get(key) as Promise<T> | undefined;
    if (!client) {
      client = make().then((made) => {
        const limited = bounded(made, settings.maxConcurrency ?? CALLS_PER_CLIENT);
        cache.set(key, limited);
        return limited;
      });
      pending.set(key, client);
    }
    return client;
  }
  return {
    sts: (region) => get(`sts:${region}`, async () => new (await loadSts()).STSClient({ region, ...common() })),
    iam: (region) => {
      const iamRegion = IAM_REGION[partitionOf(region)] ?? 'us-east-1';
      return get(`iam:${iamRegion}`, async () => new (await loadIam()).IAMClient({ region: iamRegion, ...common() }));
    },
    bedrock: (region) => get(`bedrock:${region}`, async () => new (await loadBedrock()).BedrockClient({ region, ...common() })),
    runtime: (region) =>
      get(`runtime:${region}`, async () => new (await loadRuntime()).BedrockRuntimeClient({ region, ...common(), maxAttempts: settings.runtimeMaxAttempts ?? settings.maxAttempts })),
    destroy: () => {
      for (const client of cache.values()) client.destroy();
      cache.clear();
      pending.clear();
      if (httpsAgent !== settings.agent) httpsAgent?.destroy();
    },
  };
}

import type { Agent } from 'node:http';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { TOOL_NAME, VERSION } from '../version.js';
import { partitionOf } from '../vocabulary/regions.js';

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
}

/** The four AWS clients the doctor needs, built lazily and once per Region. */
export interface AwsClients {
  sts(region: string): STSClient;
  iam(region: string): IAMClient;
  bedrock(region: string): BedrockClient;
  runtime(region: string): BedrockRuntimeClient;
  destroy(): void;
}

/** IAM is global per partition; its signing Region is the partition's first. */
const IAM_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' };

export function createClients(settings: ClientSettings): AwsClients {
  const cache = new Map<string, { destroy(): void }>();
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
      ...(settings.agent ? { httpAgent: settings.agent, httpsAgent: settings.agent } : {}),
    }),
  });
  function get<T extends { destroy(): void }>(key: string, make: () => T): T {
    let client = cache.get(key) as T | undefined;
    if (!client) {
      client = make();
      cache.set(key, client);
    }
    return client;
  }
  return {
    sts: (region) => get(`sts:${region}`, () => new STSClient({ region, ...common() })),
    iam: (region) => {
      const iamRegion = IAM_REGION[partitionOf(region)] ?? 'us-east-1';
      return get(`iam:${iamRegion}`, () => new IAMClient({ region: iamRegion, ...common() }));
    },
    bedrock: (region) => get(`bedrock:${region}`, () => new BedrockClient({ region, ...common() })),
    runtime: (region) =>
      get(`runtime:${region}`, () => new BedrockRuntimeClient({ region, ...common(), maxAttempts: settings.runtimeMaxAttempts ?? settings.maxAttempts })),
    destroy: () => {
      for (const client of cache.values()) client.destroy();
      cache.clear();
    },
  };
}

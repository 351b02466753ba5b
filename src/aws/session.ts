import { setMaxListeners } from 'node:events';
import { createClients } from './clients.js';
import { setUpAuth } from './credentials.js';
import { Lookups } from './lookups.js';
import { proxyAgent } from './proxy.js';
import { secretScrubber } from '../secrets.js';

/** What a command outside `check` needs to read from AWS: the shared look-ups, and an end. */
export interface ReadSession {
  lookups: Lookups;
  /** Bedrock calls use an API key (AWS_BEARER_TOKEN_BEDROCK), not the STS identity. */
  apiKey: boolean;
  close(): void;
}

/**
 * Read-only look-ups for `policy` and `models`, with the same clients, limits and credential
 * chain as `check`, bounded by one deadline for the whole command.
 */
export async function openReadSession(options: { env: NodeJS.ProcessEnv; profile?: string; homeRegion: string; timeoutMs: number }): Promise<ReadSession> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const deadline = setTimeout(
    () => controller.abort(Object.assign(new Error(`Request timed out: the command's ${options.timeoutMs / 1000} s limit was reached`), { name: 'TimeoutError' })),
    options.timeoutMs,
  );
  deadline.unref();
  const auth = setUpAuth(options.env, options.profile);
  const clients = createClients({
    credentials: auth.provider,
    requestTimeoutMs: Math.min(10_000, options.timeoutMs),
    connectionTimeoutMs: Math.min(3_000, options.timeoutMs),
    maxAttempts: 2,
    agent: await proxyAgent(options.env),
  });
  const settings = { signal: controller.signal, authMode: auth.mode, scrub: secretScrubber(options.env) };
  return {
    lookups: new Lookups(clients, auth, settings, options.homeRegion),
    apiKey: auth.mode === 'api-key',
    close: () => {
      clearTimeout(deadline);
      controller.abort();
      clients.destroy();
    },
  };
}

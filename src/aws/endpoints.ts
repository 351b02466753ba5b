import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';

type EndpointClient = {
  config: {
    endpointProvider: (params: Record<string, unknown>) => { url: URL };
    useFipsEndpoint: () => Promise<boolean>;
    useDualstackEndpoint: () => Promise<boolean>;
  };
};

/**
 * The endpoint an override sets for a service, as the SDK reads it: AWS_ENDPOINT_URL_<SERVICE>,
 * then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
 */
export function configuredEndpoint(envKey: 'BEDROCK' | 'BEDROCK_RUNTIME', env: NodeJS.ProcessEnv): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  return env[`AWS_ENDPOINT_URL_${envKey}`] ?? env.AWS_ENDPOINT_URL;
}

/**
 * The URL the SDK will call for a service, following the SDK's own precedence:
 * AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS),
 * then the client's endpoint rules for the Region (FIPS and dual-stack settings included).
 */
export async function endpointUrl(
  client: EndpointClient,
  envKey: 'BEDROCK' | 'BEDROCK_RUNTIME',
  region: string,
  env: NodeJS.ProcessEnv,
): Promise<URL> {
  const configured = configuredEndpoint(envKey, env);
  if (configured) return new URL(configured);
  const { url } = client.config.endpointProvider({
    Region: region,
    UseFIPS: await client.config.useFipsEndpoint(),
    UseDualStack: await client.config.useDualstackEndpoint(),
  });
  return new URL(url.toString());
}

interface ProbeResult {
  host: string;
  port: number;
  address?: string;
  durationMs: number;
}

/**
 * Opens (and closes) one connection to an endpoint: DNS, TCP and, for https, the TLS handshake
 * with Node's trust store (NODE_EXTRA_CA_CERTS included) or `ca` (AWS_CA_BUNDLE's, see trust.ts).
 * It sends no HTTP request, so it can never be mistaken for an API call. Rejects with the Node
 * error, which the classifier reads.
 */
export async function probeEndpoint(url: URL, timeoutMs: number, signal: AbortSignal, ca?: string[]): Promise<ProbeResult> {
  const started = performance.now();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  const address = isIP(host) ? host : (await lookup(host)).address;
  await new Promise<void>((resolve, reject) => {
    const socket = secure
      ? connectTls({ host: address, port, servername: isIP(host) ? undefined : host, ...(ca ? { ca } : {}) })
      : connectTcp({ host: address, port });
    const done = (error?: Error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(Object.assign(new Error(`Connection to ${host}:${port} was cut short by the run's deadline`), { name: 'TimeoutError' }));
    const timer = setTimeout(
      () => done(Object.assign(new Error(`Connect timeout on endpoint URL: "${url.origin}" after ${timeoutMs} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT', hostname: host })),
      timeoutMs,
    );
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once(secure ? 'secureConnect' : 'connect', () => done());
    socket.once('error', (error) => done(Object.assign(error, { hostname: host })));
  });
  return { host, port, address, durationMs: Math.round(performance.now() - started) };
}

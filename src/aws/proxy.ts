import type { Agent } from 'node:http';
import { getProxyForUrl } from 'proxy-from-env';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}

/**
 * The AWS SDK for JavaScript ignores HTTPS_PROXY; the doctor honours it (and NO_PROXY), as the
 * AWS CLI does, through a maintained agent loaded only when a proxy is configured.
 */
export async function proxyAgent(env: NodeJS.ProcessEnv, ca?: string[]): Promise<Agent | undefined> {
  if (!proxyConfigured(env)) return undefined;
  const { ProxyAgent } = await import('proxy-agent');
  // `ca` reaches the TLS connection to the endpoint through the tunnel (AWS_CA_BUNDLE).
  return new ProxyAgent(ca ? { ca } : {});
}

/** The proxy a request to `url` goes through, as host:port only (a proxy URL may hold a password). */
export function proxyFor(url: URL): string | null {
  const proxy = getProxyForUrl(url.toString());
  if (!proxy) return null;
  try {
    return new URL(proxy).host;
  } catch {
    return 'a proxy';
  }
}

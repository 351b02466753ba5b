// ---------------------------------------------------------------- host

const HOST_SUFFIXES = ['.amazonaws.com.cn', '.amazonaws.com', '.amazonaws.eu', '.api.aws'];
const HOST_CHAR = /[a-z0-9.-]/i;

/** Hostnames ending in an AWS suffix, found by indexOf and a backwards walk (linear). */
export function hostsFromText(text: string): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const suffix of HOST_SUFFIXES) {
    let from = 0;
    while (found.length < 20) {
      const at = lower.indexOf(suffix, from);
      if (at < 0) break;
      from = at + suffix.length;
      const after = lower[at + suffix.length];
      if (after !== undefined && /[a-z0-9-]/.test(after)) continue;
      let start = at;
      while (start > 0 && at - start < 253 && HOST_CHAR.test(lower[start - 1] ?? '')) start--;
      const host = lower.slice(start, at + suffix.length).replace(/^[.-]+/, '');
      if (host.length > suffix.length && !found.includes(host)) found.push(host);
    }
  }
  return found;
}

export function pickHost(hosts: string[]): string | undefined {
  return hosts.find((h) => h.startsWith('bedrock')) ?? hosts[0];
}

/** The Region in a `bedrock*.REGION.amazonaws.com` (or `.api.aws`) host, if any. */
export function regionOfBedrockHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^bedrock(?:-[a-z]{1,20}){0,3}\.([a-z0-9-]{1,40})\.(?:amazonaws\.com|api\.aws|amazonaws\.eu)/.exec(host);
  return m?.[1];
}

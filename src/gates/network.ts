import { endpointUrl } from '../aws/endpoints.js';
import { proxyFor } from '../aws/proxy.js';
import type { GateCheck } from './shared/context.js';
import { finding, fromFailure, pass } from './shared/finding.js';

/**
 * network: the Bedrock endpoints the SDK will call (after AWS_ENDPOINT_URL* overrides) accept
 * a connection: DNS, TCP and TLS. A hang or reset later, on a real call, is added by the
 * pipeline when it reconciles.
 */
export const checkNetwork: GateCheck = async (ctx, target) => {
  const endpoints = {
    control: await endpointUrl((await ctx.clients.bedrock(target.region)) as never, 'BEDROCK', target.region, ctx.env),
    runtime: await endpointUrl((await ctx.clients.runtime(target.region)) as never, 'BEDROCK_RUNTIME', target.region, ctx.env),
  };
  const proxies = [proxyFor(endpoints.control), proxyFor(endpoints.runtime)].filter((p): p is string => p !== null);
  if (proxies.length > 0) {
    // Through a proxy, a direct connection proves nothing: the calls themselves test the path,
    // and any failure on it is reported here by the pipeline.
    return pass('network',
      `Bedrock calls go through the proxy ${[...new Set(proxies)].join(', ')} (HTTPS_PROXY/NO_PROXY). The AWS SDK for JavaScript does not use it by itself: an application must pass a proxy agent to its clients.`,
      { details: { controlPlane: endpoints.control.origin, runtime: endpoints.runtime.origin, proxies } });
  }
  const probes = await Promise.all([ctx.probe(endpoints.control), ctx.probe(endpoints.runtime)]);
  const details = {
    controlPlane: endpoints.control.origin,
    runtime: endpoints.runtime.origin,
    probeMs: probes.map((p) => p.durationMs),
  };
  for (const probe of probes) {
    if (probe.ok) continue;
    if (probe.diagnosis.gate === 'region') {
      // The endpoint's name does not exist because Bedrock is not in the Region: the region gate's finding.
      return {
        ...(await finding('network', 'blocked-by-region', { summary: `Not checked: ${probe.diagnosis.summary}`, evidence: { ...probe.evidence, details } })),
        blockedBy: probe.diagnosis,
      };
    }
    const result = await fromFailure('network', probe);
    return { ...result, evidence: { ...result.evidence, details } };
  }
  const overridden = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME'].filter((k) => ctx.env[k]);
  const hosts = endpoints.control.host === endpoints.runtime.host ? endpoints.control.host : `${endpoints.control.host} and ${endpoints.runtime.host}`;
  return pass('network',
    `${hosts} accept${hosts.includes(' and ') ? '' : 's'} connections` + (overridden.length > 0 ? ` (set by ${overridden.join(', ')})` : '') + '.',
    { details });
};

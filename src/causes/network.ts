/** Network: the Bedrock endpoints answer (DNS, proxy, TLS, endpoint overrides). */

import { causes } from './cause.js';
import { CHECK, DOCS } from './docs.js';

export const NETWORK_CAUSES = causes({
  'wrong-endpoint': {
    gate: 'network',
    status: 'fail',
    summary:
      'The call went to the wrong Bedrock endpoint: a runtime call to the control-plane host or vice versa (e.g. a single AWS_ENDPOINT_URL for both, or an old SDK without bedrock-runtime).',
    fix: {
      text: 'Use AWS_ENDPOINT_URL_BEDROCK for the control plane (bedrock.REGION) and AWS_ENDPOINT_URL_BEDROCK_RUNTIME for the runtime (bedrock-runtime.REGION) instead of one AWS_ENDPOINT_URL, and use the bedrock-runtime client for InvokeModel/Converse.',
      actor: 'caller',
      commands: ['env | grep AWS_ENDPOINT_URL', 'unset AWS_ENDPOINT_URL'],
      docs: DOCS.endpointConfig,
    },
  },
  'tls-interception': {
    gate: 'network',
    status: 'fail',
    summary: 'TLS to the AWS endpoint failed certificate verification: a certificate from a CA the trust store does not know, usually a corporate proxy or security tool (Zscaler, Netskope…) that re-signs TLS with a private CA.',
    fix: {
      text: 'Set NODE_EXTRA_CA_CERTS to the PEM file of that CA before starting Node (Node reads it only at start-up; it is the one setting a Node application using the AWS SDK for JavaScript honours, since the SDK ignores AWS_CA_BUNDLE). Set AWS_CA_BUNDLE to the same file for the AWS CLI and boto3; bedrock-doctor honours both.',
      actor: 'caller',
      commands: ['export NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem', 'export AWS_CA_BUNDLE=/path/to/corporate-ca.pem'],
      docs: DOCS.caBundle,
    },
  },
  'dns-failure': {
    gate: 'network',
    status: 'fail',
    summary: 'The Bedrock endpoint hostname does not resolve from this machine (DNS, VPN, proxy or VPC private DNS).',
    fix: {
      text: 'Check DNS from this machine (nslookup the host); behind a proxy configure it for the SDK; in a VPC enable private DNS on the Bedrock interface endpoint or allow DNS egress.',
      actor: 'caller',
      commands: ['nslookup bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.endpoints,
    },
    specialise: ({ host }) =>
      host ? { summary: `${host} does not resolve from this machine (DNS, VPN, proxy or VPC private DNS).`, fix: { commands: [`nslookup ${host}`] } } : {},
  },
  'proxy-error': {
    gate: 'network',
    status: 'fail',
    summary: 'The HTTP proxy refused or failed the connection to AWS.',
    fix: {
      text: 'Check the proxy URL and credentials (HTTPS_PROXY) and that it allows CONNECT to *.amazonaws.com:443.',
      actor: 'caller',
      commands: ['env | grep -i _proxy'],
      docs: DOCS.proxy,
    },
  },
  'endpoint-connection-failed': {
    gate: 'network',
    status: 'inconclusive',
    summary: 'Could not connect to the Bedrock endpoint (no egress, firewall, proxy, or a VPC without a route or endpoint).',
    fix: {
      text: 'Check outbound HTTPS (443) to the endpoint, the proxy settings (the SDK ignores HTTPS_PROXY unless an agent is configured), and in a VPC a NAT gateway or bedrock-runtime interface endpoint.',
      actor: 'caller',
      commands: ['curl -sI https://bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.vpce,
    },
  },
  'connection-refused': {
    gate: 'network',
    status: 'inconclusive',
    summary: 'The connection was refused: usually a local proxy or AWS_ENDPOINT_URL pointing at something that is not listening.',
    fix: {
      text: 'Check AWS_ENDPOINT_URL* and proxy settings point at a live endpoint.',
      actor: 'caller',
      commands: ['env | grep -iE "AWS_ENDPOINT_URL|_proxy"'],
      docs: DOCS.endpointConfig,
    },
  },
  'connection-reset': {
    gate: 'network',
    status: 'inconclusive',
    summary: 'The connection was reset mid-request: a TLS-inspecting proxy, NAT or load-balancer idle timeout, or a network blip.',
    fix: {
      text: 'Retry; if it repeats, check TLS inspection (set NODE_EXTRA_CA_CERTS or bypass the proxy for *.amazonaws.com) and idle timeouts (350 s on NAT/VPC endpoints) for long streams.',
      actor: 'caller',
      commands: [CHECK],
      docs: DOCS.apiErrors,
    },
  },
  'endpoint-timeout': {
    gate: 'network',
    status: 'inconclusive',
    summary: 'The call timed out before Bedrock answered (no egress, a proxy, or a long generation beyond the client read timeout); this proves nothing about access.',
    fix: {
      text: 'Check outbound connectivity and proxy settings; for long generations raise the client read timeout or use streaming.',
      actor: 'caller',
      commands: ['curl -sI https://bedrock-runtime.<region>.amazonaws.com'],
      docs: DOCS.apiErrors,
    },
  },
  'proxy-not-used': {
    gate: 'network',
    status: 'inconclusive',
    summary:
      'The connection failed in a way typical of a network that only allows traffic through a proxy the SDK does not use (HTTPS_PROXY is ignored by the AWS SDK for JavaScript unless an agent is configured; HTTP/2 through proxies also fails).',
    fix: {
      text: 'If you are behind a proxy, configure it for the SDK (a proxy agent on the request handler) or in the tool\'s own proxy setting; otherwise check outbound HTTPS to bedrock-runtime.',
      actor: 'caller',
      commands: ['env | grep -i _proxy'],
      docs: DOCS.proxy,
    },
  },
  'garbage-response': {
    gate: 'network',
    status: 'inconclusive',
    summary: 'The SDK could not parse the response body: something between you and AWS (proxy, captive portal, wrong endpoint) answered instead of Bedrock.',
    fix: {
      text: 'Check AWS_ENDPOINT_URL* overrides and proxies; open the endpoint URL with curl to see who answers.',
      actor: 'caller',
      commands: ['curl -sv https://bedrock-runtime.<region>.amazonaws.com 2>&1 | head -30'],
      docs: DOCS.endpointConfig,
    },
  },
});

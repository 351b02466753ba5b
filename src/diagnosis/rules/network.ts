/** Network and endpoints: DNS, TLS, proxies, connections, timeouts. */

import type { Rule } from '../rule.js';

export const NETWORK_RULES: readonly Rule[] = [
  {
    cause: 'wrong-endpoint',
    names: ['UnknownOperationException', 'InvalidAction'],
    seenUnder: ['ValidationException'],
    message:
      /requested operation is not recognized by the service|\bOperation unknown\b|UnknownOperation|Unknown operation|Unable to determine service\/operation name to be authorized|Unknown service:? ['"]?bedrock|UnknownServiceError|action or operation requested is invalid/i,
  },
  {
    cause: 'tls-interception',
    codes: [
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
      'CERT_UNTRUSTED',
      'CERT_SIGNATURE_FAILURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'EPROTO',
    ],
    message:
      /unable to get local issuer certificate|self[- ]signed certificate|certificate verify failed|CERTIFICATE_VERIFY_FAILED|unable to verify the first certificate|certificate signed by unknown authority|PKIX path building failed|unable to find valid certification path|SSL ?Error|SSLError|ERR_CERT_[A-Z_]{2,40}|certificate has expired|Hostname\/IP does not match certificate|wrong version number|SSL routines|SSLHandshakeException|handshake (?:failure|failed)|\bx509: /i,
  },
  {
    cause: 'dns-failure',
    codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'],
    message: /getaddrinfo|\bENOTFOUND\b|\bEAI_AGAIN\b|no such host|Name or service not known|nodename nor servname|Temporary failure in name resolution|Could not resolve host|dns error|failed to lookup address|UnknownHostException|Unable to resolve host|server misbehaving/i,
    extract: (m) => ({ host: m.facts.host }),
  },
  {
    cause: 'proxy-error',
    names: ['ProxyConnectionError'],
    httpStatus: [407],
    message: /ProxyConnectionError|Tunnel connection failed|Unable to connect to proxy|Proxy Authentication Required|proxy (?:error|refused)|ERR_PROXY_CONNECTION_FAILED|(?:Failed|Cannot|Could not|Unable) to connect to (?:the )?proxy/i,
  },
  {
    cause: 'endpoint-connection-failed',
    names: ['EndpointConnectionError'],
    codes: ['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'],
    message: /Could not connect to the endpoint URL|Unable to connect to|Failed to connect to|Cannot connect to host|Failed to establish a new connection|Connection (?:to [^ ]{1,200} )?failed|\bEHOSTUNREACH\b|\bENETUNREACH\b|Network is unreachable|No route to host|fetch failed/i,
  },
  {
    cause: 'connection-refused',
    codes: ['ECONNREFUSED'],
    message: /\bECONNREFUSED\b|Connection refused/i,
  },
  {
    cause: 'connection-reset',
    names: ['ConnectionClosedError'],
    codes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'],
    message: /\bECONNRESET\b|socket hang up|\bEPIPE\b|Connection reset|connection was closed before|ConnectionClosedError|Connection aborted|stream (?:was )?reset|RST_STREAM|premature close|socket disconnected|before secure TLS connection was established/i,
  },
  {
    cause: 'endpoint-timeout',
    names: [
      'TimeoutError',
      'ConnectTimeoutError',
      'ReadTimeoutError',
      'RequestTimeout',
      'RequestTimeoutException',
      'AbortError',
      'ReadTimeout',
    ],
    codes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'],
    message:
      /Connect timeout on endpoint URL|Read timeout on endpoint URL|Socket timed out|Read timed out|Connection timed out|connect ETIMEDOUT|request timed out|timed out after|operation timed out|timeout (?:of \d{1,7}ms )?exceeded|deadline exceeded|The operation was aborted|Request aborted|\bETIMEDOUT\b|Timeout awaiting|\btimed out\b|\btimeout\b/i,
  },
  {
    cause: 'proxy-not-used',
    names: ['AggregateError'],
    codes: ['ERR_HTTP2_STREAM_CANCEL', 'ERR_HTTP2_STREAM_ERROR', 'ERR_HTTP2_SESSION_ERROR', 'ERR_HTTP2_GOAWAY_SESSION'],
    message: /pending stream has been canceled|\bAggregateError\b|ERR_HTTP2_[A-Z_]{2,40}|HTTP\/?2 (?:stream|session|request)|NGHTTP2/i,
  },
  {
    cause: 'garbage-response',
    names: ['SyntaxError'],
    message:
      /Unexpected token .{0,10} in JSON|is not valid JSON|Unexpected end of JSON input|Deserialization error|Expected (?:',' or '}'|property name)|<!DOCTYPE html|<html[\s>]|JSONDecodeError|Failed to parse (?:the )?response|could not parse (?:the )?response|Unable to parse response/i,
  },
];

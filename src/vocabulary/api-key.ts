/**
 * Bedrock API keys (AWS_BEARER_TOKEN_BEDROCK), read locally without a network call.
 * A short-term key is `bedrock-api-key-` + base64 of a SigV4 pre-signed URL, so its Region
 * and expiry can be read; its signature is the secret and is never kept or printed.
 */

/** How Bedrock calls authenticate: SigV4 from the credential chain, or a Bedrock API key. */
export type AuthMode = 'sigv4' | 'api-key';

export type ApiKeyInfo =
  | { kind: 'empty' }
  | { kind: 'short-term'; region: string | null; expiresAt: Date | null }
  | { kind: 'short-term-unreadable' }
  | { kind: 'long-term' }
  | { kind: 'unknown-format' };

const SHORT_TERM_PREFIX = 'bedrock-api-key-';
const LONG_TERM_PREFIX = 'ABSK';

export function inspectApiKey(token: string): ApiKeyInfo {
  const value = token.trim();
  if (value === '') return { kind: 'empty' };
  if (value.startsWith(LONG_TERM_PREFIX)) return { kind: 'long-term' };
  if (!value.startsWith(SHORT_TERM_PREFIX)) return { kind: 'unknown-format' };
  const decoded = Buffer.from(value.slice(SHORT_TERM_PREFIX.length), 'base64').toString('utf8');
  const query = decoded.includes('?') ? decoded.slice(decoded.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  if (params.get('Action') !== 'CallWithBearerToken') return { kind: 'short-term-unreadable' };
  const scope = (params.get('X-Amz-Credential') ?? '').split('/');
  return {
    kind: 'short-term',
    region: scope[2] || null,
    expiresAt: expiry(params.get('X-Amz-Date'), params.get('X-Amz-Expires')),
  };
}

function expiry(amzDate: string | null, expires: string | null): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate ?? '');
  const seconds = Number(expires);
  if (!m || !Number.isFinite(seconds)) return null;
  const start = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return new Date(start + seconds * 1000);
}

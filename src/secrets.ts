/**
 * Secrets never reach output. The doctor never puts one in a result; this is the last line of
 * defence for an error message that echoes one. Used by every layer that keeps text from
 * outside: call evidence, credential errors, the report.
 */

/** Environment variables whose values are secrets: never printed, whatever path they took. */
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];

export type Scrubber = (text: string) => string;

/** Replaces any secret value of `env` found in a text (a Bedrock API key's decoded signature too). */
export function secretScrubber(env: NodeJS.ProcessEnv): Scrubber {
  const secrets = new Set<string>();
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= 8) secrets.add(value);
  }
  const token = env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (token?.startsWith('bedrock-api-key-')) {
    const decoded = Buffer.from(token.slice('bedrock-api-key-'.length), 'base64').toString('utf8');
    const signature = /X-Amz-Signature=([0-9a-fA-F]{16,})/.exec(decoded)?.[1];
    if (signature) secrets.add(signature);
    if (decoded.length >= 8) secrets.add(decoded);
  }
  // As printed by something that URL-encodes it, too (a query string, a logged URL).
  for (const secret of [...secrets]) secrets.add(encodeURIComponent(secret));
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of ordered) out = out.split(secret).join('[secret]');
    return out;
  };
}

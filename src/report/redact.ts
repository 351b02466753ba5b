import { homedir } from 'node:os';

/** Environment variables whose values are secrets: never printed, whatever path they took. */
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];

/**
 * The last line of defence: replaces any secret value from the environment found in output.
 * The doctor never puts secrets in results; this covers an error message that echoes one.
 * A Bedrock API key's decoded signature is scrubbed too.
 */
export function secretScrubber(env: NodeJS.ProcessEnv): (text: string) => string {
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

let cached: { key: string; scrub: (text: string) => string } | undefined;

/** The scrubber for this process's environment, for text cut short before it reaches output. */
export function scrubSecrets(text: string): string {
  const key = SECRET_VARIABLES.map((name) => process.env[name] ?? '').join('\0');
  if (cached?.key !== key) cached = { key, scrub: secretScrubber(process.env) };
  return cached.scrub(text);
}

/**
 * --redact, for tickets: masks account ids (also inside ARNs), access key ids (keeping the
 * AKIA/ASIA prefix so the key type stays visible) and home paths. Request ids stay: AWS
 * Support needs them.
 */
export function redactForTicket(text: string): string {
  const home = homedir();
  let out = text
    .replace(/\b(AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,16}\b/g, '$1****')
    .replace(/(?<![\d-])\d{12}(?![\d-])/g, '************');
  if (home && home.length > 1) out = out.split(home).join('~');
  return out;
}

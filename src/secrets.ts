/**
 * Secrets never reach output. The doctor never puts one in a result; this is the last line of
 * defence for an error message that echoes one. Used by every layer that keeps text from
 * outside: call evidence, credential errors, the report, the error boundary.
 */

/** Environment variables whose values are secrets: never printed, whatever path they took. */
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];

/** Shorter values are not treated as secrets: scrubbing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

export type Scrubber = (text: string) => string;

/**
 * Secrets learned during the run from outside the environment: the credential files, the SSO
 * token cache, and whatever the credential chain resolved (credential_process output
 * included). Process-wide, so every scrubber made before or after knows them.
 */
const learned = new Set<string>();

/** Adds a secret every scrubber of this process removes from now on. */
export function learnSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (secret && secret.length >= MIN_SECRET_LENGTH) learned.add(secret);
}

/** Replaces any secret value of `env` found in a text (a Bedrock API key's decoded signature too), and any learned one. */
export function secretScrubber(env: NodeJS.ProcessEnv): Scrubber {
  const secrets = new Set<string>();
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
  }
  const token = env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (token?.startsWith('bedrock-api-key-')) {
    const body = token.slice('bedrock-api-key-'.length);
    // The key without its prefix is as good as the key.
    if (body.length >= MIN_SECRET_LENGTH) secrets.add(body);
    const decoded = Buffer.from(body, 'base64').toString('utf8');
    const signature = /X-Amz-Signature=([0-9a-fA-F]{16,})/.exec(decoded)?.[1];
    if (signature) secrets.add(signature);
    if (decoded.length >= MIN_SECRET_LENGTH) secrets.add(decoded);
  }
  let known = -1;
  let ordered: string[] = [];
  return (text) => {
    if (known !== learned.size) {
      known = learned.size;
      const all = new Set([...secrets, ...learned]);
      // As printed by something that URL-encodes it, too (a query string, a logged URL).
      for (const secret of [...all]) all.add(encodeURIComponent(secret));
      ordered = [...all].sort((a, b) => b.length - a.length);
    }
    let out = text;
    for (const secret of ordered) out = out.split(secret).join('[secret]');
    return out;
  };
}

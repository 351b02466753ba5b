/** Help for the command lines people really type: words in the wrong place get their right place. */

import { isRegionShaped } from '../vocabulary/regions.js';

/** A model id, inference profile id or ARN, by shape: `provider.name`, `arn:…`. */
const MODEL_SHAPED = /^(arn:|([a-z]{2,6}\.)?[a-z0-9-]+\.[a-z0-9-]+)/i;

/**
 * Why check got words it takes no positional arguments for: a model or a Region given without
 * its flag is named, with the flag to use.
 */
export function positionalHint(command: string, words: readonly string[]): string {
  const word = words[0] ?? '';
  const shown = word.slice(0, 80);
  if (isRegionShaped(word)) return `${command} takes the Region as a flag: --region ${shown}`;
  if (MODEL_SHAPED.test(word)) return `${command} takes the model as a flag: --model ${shown}`;
  return `${command} takes no argument "${shown}"; see bedrock-doctor ${command} --help`;
}

/**
 * Options typed before the command (`bedrock-doctor --region us-east-1 check …`) moved after it,
 * where they belong; --help and --version stay global.
 */
export function moveOptionsAfterCommand(argv: readonly string[], commands: readonly string[]): string[] {
  const words = argv.slice(2);
  const at = words.findIndex((w) => commands.includes(w));
  if (at <= 0 || !words[0]!.startsWith('-')) return [...argv];
  const before = words.slice(0, at);
  if (before.some((w) => ['-h', '--help', '-V', '--version'].includes(w))) return [...argv];
  return [...argv.slice(0, 2), words[at]!, ...before, ...words.slice(at + 1)];
}

/** `-r us-east-1,us-west-2` as two flags: Region names and model ids never hold a comma. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

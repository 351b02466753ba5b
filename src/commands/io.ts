import { writeFile } from 'node:fs/promises';
import { OutputError, UsageError } from '../errors.js';
import { homedir } from 'node:os';
import { redactForTicket } from '../report/redact.js';
import { secretScrubber } from '../secrets.js';
import { POLICY_FORMATS } from '../policy/formats.js';

/** Where a command reads and writes: the process in production, buffers in tests. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The command line as typed (bedrock-doctor and its arguments), for a ticket. */
  argv?: string[];
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, argv: ['bedrock-doctor', ...process.argv.slice(2)] };
}

/** Columns to wrap at: the terminal's, else COLUMNS, else 80; a file gets COLUMNS or 80. */
export function terminalWidth(io: Io, file?: string): number {
  const columns = file ? undefined : (io.stdout as { columns?: number }).columns;
  if (columns && columns > 0) return columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** Colour on a terminal, honouring NO_COLOR and FORCE_COLOR (https://no-color.org). */
export function useColor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return Boolean(io[stream].isTTY) && io.env.TERM !== 'dumb';
}

export type Format = 'human' | 'json' | 'markdown' | 'yaml';

/** Each command's --format values, in one place: the commands parse them, completion offers them. */
export const COMMAND_FORMATS = {
  check: ['human', 'json', 'markdown', 'yaml'],
  demo: ['human', 'json', 'markdown', 'yaml'],
  explain: ['human', 'json'],
  clients: ['human', 'json'],
  models: ['human', 'json'],
  'policy lint': ['human', 'json'],
  policy: POLICY_FORMATS,
} as const satisfies Record<string, readonly string[]>;

export function parseFormat(value: string | undefined, json: boolean | undefined, allowed: readonly Format[]): Format {
  const format = (value ?? 'human').toLowerCase() as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')} (any case), not "${String(value).slice(0, 40)}"`);
  return json ? 'json' : format;
}

/**
 * The AWS CLI's `--output` words pick a format, as they do there (table and text: the report a
 * person reads); `-` is stdout; anything else is a file path, as before.
 */
const OUTPUT_WORDS: Record<string, Format> = { json: 'json', table: 'human', text: 'human', yaml: 'yaml' };

function parseOutput(value: string | undefined): { format?: Format; file?: string } {
  if (value === undefined || value === '-') return {};
  const format = OUTPUT_WORDS[value.toLowerCase()];
  return format ? { format } : { file: value };
}

/**
 * The format from --format, --json and --output together; an --output word that contradicts an
 * explicit --format is a usage error, not a silent choice.
 */
export function chooseFormat(flags: { format?: string; json?: boolean; output?: string }, allowed: readonly Format[]): { format: Format; file?: string } {
  const output = parseOutput(flags.output);
  if (output.format && !allowed.includes(output.format)) {
    throw new UsageError(`--output ${flags.output} asks for ${output.format}, which this command does not print (--format: ${allowed.join(', ')}); a file named ${flags.output}: --output ./${flags.output}`);
  }
  const explicit = flags.format !== undefined || flags.json ? parseFormat(flags.format, flags.json, allowed) : undefined;
  if (explicit && output.format && explicit !== output.format) {
    throw new UsageError(`--output ${flags.output} asks for ${output.format}, but --format says ${explicit}; give one of them (a file named ${flags.output}: --output ./${flags.output})`);
  }
  return { format: explicit ?? output.format ?? 'human', file: output.file };
}

/**
 * Writes a command's output: secrets scrubbed always, ticket redaction on request, to a file
 * (--output) or stdout. stdout holds only this output; progress goes to stderr.
 */
export async function emit(io: Io, text: string, options: { redact?: boolean; output?: string }): Promise<void> {
  let out = secretScrubber(io.env)(text);
  if (options.redact) out = redactForTicket(out, io.env.HOME || homedir());
  if (options.output) {
    try {
      await writeFile(options.output, out);
    } catch (error) {
      throw new UsageError(`cannot write --output ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return;
  }
  await writeOut(io.stdout, out);
}

/** Writes to stdout and waits for it: a closed pipe or a full disk is reported, not swallowed. */
export function writeOut(stream: NodeJS.WritableStream, text: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(new OutputError(`cannot write the report to stdout: ${error.code ?? error.message}`));
    // On failure the stream also emits 'error' a tick later: the listener stays to receive it.
    stream.on('error', fail);
    stream.write(text, (error) => {
      if (error) return fail(error);
      stream.removeListener('error', fail);
      resolve();
    });
  });
}

/** Reads stdin to its end, keeping at most `maxBytes` (the rest is read and dropped, not buffered). */
export async function readStdin(io: Io, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size < maxBytes) chunks.push(buffer.subarray(0, maxBytes - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

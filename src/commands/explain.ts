import { classify } from '../diagnosis/index.js';
import { UsageError } from '../errors.js';
import { diagnosisJson, renderDiagnosisHuman } from '../report/explain-text.js';
import { emit, parseFormat, useColor, type Io } from './io.js';

/** Enough for any error text; the rest of a huge paste is ignored, not buffered. */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size < MAX_INPUT_BYTES) chunks.push(buffer.subarray(0, MAX_INPUT_BYTES - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface ExplainFlags {
  format?: string;
  json?: boolean;
}

/** explain: the diagnosis of an error text, pasted as an argument or piped on stdin. */
export async function explainCommand(text: string | undefined, flags: ExplainFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, ['human', 'json']);
  let input = text;
  if (input === undefined || input === '-') {
    if (input === undefined && io.stdin.isTTY) {
      throw new UsageError('give the error text as an argument, or pipe it: bedrock-doctor explain - < error.txt');
    }
    input = await readStdin(io);
  }
  const diagnosis = classify(input);
  const out =
    format === 'json'
      ? JSON.stringify(diagnosisJson(diagnosis), null, 2) + '\n'
      : renderDiagnosisHuman(diagnosis, { color: useColor(io) });
  await emit(io, out, {});
  return 0;
}

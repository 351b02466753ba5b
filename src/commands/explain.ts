import { classify } from '../diagnosis/index.js';
import { UsageError } from '../errors.js';
import { diagnosisJson, renderDiagnosisHuman } from '../report/explain-text.js';
import { emit, COMMAND_FORMATS, parseFormat, readStdin, useColor, type Io } from './io.js';


/** Enough for any error text; the rest of a huge paste is ignored, not buffered. */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

interface ExplainFlags {
  format?: string;
  json?: boolean;
}

/** explain: the diagnosis of an error text, pasted as an argument or piped on stdin. */
export async function explainCommand(text: string | undefined, flags: ExplainFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS.explain);
  let input = text;
  if (input === undefined || input === '-') {
    if (input === undefined && io.stdin.isTTY) {
      throw new UsageError('give the error text as an argument, or pipe it: bedrock-doctor explain - < error.txt');
    }
    input = await readStdin(io, MAX_INPUT_BYTES);
  }
  const diagnosis = classify(input);
  const out =
    format === 'json'
      ? JSON.stringify(diagnosisJson(diagnosis), null, 2) + '\n'
      : renderDiagnosisHuman(diagnosis, { color: useColor(io) });
  await emit(io, out, {});
  return 0;
}

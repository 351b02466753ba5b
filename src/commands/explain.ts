import { readFile, stat } from 'node:fs/promises';
import { classifyLog } from '../diagnosis/index.js';
import { UsageError } from '../errors.js';
import { explainJson, renderDiagnosesHuman } from '../report/explain-text.js';
import { chooseFormat, COMMAND_FORMATS, emit, readStdin, terminalWidth, useColor, type Io } from './io.js';

/** Enough for any error text; the rest of a huge paste is ignored, not buffered. */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** An argument that names a readable file is read as that file (a log); any other is the error text itself. */
async function fileText(argument: string): Promise<string | null> {
  if (argument.includes('\n') || argument.length > 4096) return null;
  try {
    const info = await stat(argument);
    if (!info.isFile()) return null;
    return (await readFile(argument)).subarray(0, MAX_INPUT_BYTES).toString('utf8');
  } catch {
    return null;
  }
}

/** The text to explain: a file, the argument, or stdin (with a prompt when a person is to type it). */
async function inputText(text: string | undefined, io: Io): Promise<string> {
  if (text !== undefined && text !== '-') return (await fileText(text)) ?? text;
  if (io.stdin.isTTY) {
    const end = process.platform === 'win32' ? 'Ctrl-Z then Enter' : 'Ctrl-D';
    io.stderr.write(`Paste the error text (a log is fine), then press ${end} on an empty line to end it:\n`);
  }
  return readStdin(io, MAX_INPUT_BYTES);
}

interface ExplainFlags {
  format?: string;
  json?: boolean;
  output?: string;
}

/** explain: the diagnosis of every distinct error in a text, pasted as an argument, a file, or piped on stdin. */
export async function explainCommand(text: string | undefined, flags: ExplainFlags, io: Io): Promise<number> {
  const { format, file } = chooseFormat(flags, COMMAND_FORMATS.explain);
  const input = await inputText(text, io);
  if (input.trim() === '') throw new UsageError('no error text given: pass it as an argument or a file, or pipe it: bedrock-doctor explain - < error.txt');
  const errors = classifyLog(input);
  const out =
    format === 'json'
      ? JSON.stringify(explainJson(errors.map((e) => e.diagnosis)), null, 2) + '\n'
      : renderDiagnosesHuman(errors.map((e) => ({ diagnosis: e.diagnosis, excerpt: e.record })), { color: useColor(io) && !file, width: terminalWidth(io, file) });
  await emit(io, out, { output: file });
  return 0;
}

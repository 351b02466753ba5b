/** An in-memory Io for commands run in-process: what they print is read back as text. */
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/commands/io.js';

export function bufferIo(env: NodeJS.ProcessEnv, stdin: Io['stdin'] = new PassThrough()): Io & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { stdout, stderr, stdin, env, out: () => out, err: () => err };
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { bin: Record<string, string> };
/** The CLI exactly as a user gets it: node + the package.json `bin` entry (the built dist/). */
export const BIN = fileURLToPath(new URL(pkg.bin['bedrock-doctor']!, root));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns the built CLI with exactly `env` (no inheritance), bounded in time. */
export function runCli(args: string[], env: Record<string, string>, input?: string, timeoutMs = 30_000, cwd?: string): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(input ?? '');
  });
}

/** What no output may ever show: a JS stack frame. */
export const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|\n\s+at .+:\d+:\d+/;

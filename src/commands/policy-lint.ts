import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { lintPolicy, type Finding } from '../policy/lint.js';
import { readPolicySources } from '../policy/policy-source.js';
import { renderFindings } from '../report/lint.js';
import { emit, COMMAND_FORMATS, parseFormat, readStdin, useColor, type Io } from './io.js';

interface LintFlags {
  format?: string;
  json?: boolean;
  stream?: boolean;
  admin?: boolean;
}

/** A policy is a few kilobytes; a Terraform file rarely more than a megabyte. */
const MAX_POLICY_BYTES = 4 * 1024 * 1024;

async function readPolicyText(file: string, io: Io): Promise<string> {
  if (file === '-') return readStdin(io, MAX_POLICY_BYTES);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** policy lint: the known mistakes in a policy document, with their lines; exit 1 on an error. */
export async function policyLintCommand(file: string, flags: LintFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS['policy lint']);
  const text = await readPolicyText(file, io);
  const sources = readPolicySources(text);
  if (sources.length === 0) throw new UsageError(`${file === '-' ? 'stdin' : file} holds no policy document (JSON, or Terraform jsonencode({ … }))`);
  const findings: Finding[] = sources.flatMap((source) => lintPolicy(source, { stream: Boolean(flags.stream), admin: Boolean(flags.admin) }));
  const name = file === '-' ? '<stdin>' : file;
  const out =
    format === 'json'
      ? JSON.stringify({ file: name, documents: sources.length, findings }, null, 2) + '\n'
      : renderFindings(name, findings, { color: useColor(io), documents: sources.length });
  await emit(io, out, {});
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

import { readClient, type ClientReading, type ClientSpec } from '../../../src/clients/index.js';

/** A reader run on in-memory files: paths the reader asks for and the test does not give are absent. */
export function read(spec: ClientSpec, files: Record<string, string>, env: NodeJS.ProcessEnv = {}, awsProfiles: Record<string, { region?: string }> = {}, path?: string): ClientReading {
  const all: Record<string, string | null> = {};
  for (const p of spec.files(env, path)) all[p] = files[p] ?? null;
  return readClient(spec, { files: all, env, awsProfiles, ...(path ? { path } : {}) });
}

export const causes = (reading: ClientReading) => reading.findings.map((f) => f.cause);

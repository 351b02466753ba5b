/**
 * What each command loads, read from the bundle's metafile (dist/meta.json, written by the
 * build): --version, --help and explain must not load the AWS SDK; check loads each client on first use.
 * Speed itself is measured by `npm run bench`, not here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Output {
  imports: { path: string; kind: string; external?: boolean }[];
  inputs: Record<string, unknown>;
}
const meta = JSON.parse(readFileSync(new URL('../../dist/meta.json', import.meta.url), 'utf8')) as { outputs: Record<string, Output> };

/** Every output a module loads before its code runs (static imports, followed). */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const output = stack.pop()!;
    if (seen.has(output)) continue;
    seen.add(output);
    for (const i of meta.outputs[output]!.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return seen;
}
const inputsOf = (outputs: Set<string>) => [...outputs].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
const SDK = /node_modules\/@(?:aws-sdk|smithy)\//;

/** The chunk a command's lazy import loads, found by the command's source file. */
function commandChunk(source: string): string {
  const cli = meta.outputs['dist/cli.js']!;
  const chunk = cli.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path).find((p) => source in meta.outputs[p]!.inputs);
  expect(chunk, source).toBeDefined();
  return chunk!;
}

describe('start-up: what each command loads', () => {
  it('--version and --help load no AWS SDK (the CLI entry alone)', () => {
    expect(inputsOf(staticClosure('dist/cli.js')).filter((i) => SDK.test(i))).toEqual([]);
  });

  it.each(['src/commands/explain.ts', 'src/commands/demo.ts'])('%s loads no AWS SDK', (source) => {
    expect(inputsOf(staticClosure(commandChunk(source))).filter((i) => SDK.test(i))).toEqual([]);
  });

  it('check loads each AWS client on first use, from a chunk of its own, and no spinner until a terminal needs one', () => {
    const check = commandChunk('src/commands/check.ts');
    const inputs = inputsOf(staticClosure(check));
    const clients = ['client-sts/', 'client-iam/', 'client-bedrock/', 'client-bedrock-runtime/'];
    // Not loaded with check itself: STS first, the others while its request is in flight (src/aws/sdk.ts).
    for (const client of clients) expect(inputs.some((i) => i.includes(`@aws-sdk/${client}`)), client).toBe(false);
    const chunkOf = (client: string) => Object.keys(meta.outputs).filter((o) => o.endsWith('.js') && Object.keys(meta.outputs[o]!.inputs).some((i) => i.includes(`@aws-sdk/${client}`)));
    const chunks = clients.map(chunkOf);
    for (const [i, found] of chunks.entries()) expect(found, clients[i]).toHaveLength(1);
    expect(new Set(chunks.flat()).size).toBe(clients.length);
    // Each is a dynamic import of the code check runs.
    const dynamic = new Set([...staticClosure(check)].flatMap((o) => meta.outputs[o]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)));
    for (const chunk of chunks.flat()) expect(dynamic.has(chunk), chunk).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/ora/'))).toBe(false);
    expect(inputs.some((i) => i.includes('node_modules/proxy-agent/'))).toBe(false);
  });
});

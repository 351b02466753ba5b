// Builds the CLI into dist/ with esbuild: one ESM bundle per entry, code-split so each command
// loads only its own chunk (explain and --version never parse the AWS SDK). Module resolution
// across hundreds of small SDK files dominated start-up; a bundle removes it. Source maps ship.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/api/index.ts', sandbox: 'src/sandbox/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // The SDK's ES module builds (the "module" condition) tree-shake: explain keeps only what it uses.
  conditions: ['module'],
  mainFields: ['module', 'main'],
  target: 'node20',
  sourcemap: true,
  // Less to parse and compile at every start; the source maps keep stack traces readable.
  minify: true,
  metafile: true,
  // Packages that resolve optional natives or read their own files at run time stay external.
  external: [],
  banner: { js: "import { createRequire as __bdCreateRequire } from 'node:module'; const require = __bdCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
// Which inputs each output holds: the start-up test reads it to prove what explain loads.
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));

// Builds the CLI into dist/ with esbuild: one ESM bundle per entry, code-split so each command
// loads only its own chunk (explain and --version never parse the AWS SDK). Module resolution
// across hundreds of small SDK files dominated start-up; a bundle removes it. Source maps ship.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// The AWS SDK packages bundled in, with their versions: `--version --verbose` prints them, and
// once bundled they are not installed beside the package to be asked.
const SDK_PACKAGES = ['@aws-sdk/client-bedrock', '@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-iam', '@aws-sdk/client-sts', '@aws-sdk/credential-providers'];
const sdkVersions = Object.fromEntries(
  SDK_PACKAGES.map((name) => [name, JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version]),
);

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
  // Line mappings only: the TypeScript sources stay out of the package.
  sourcesContent: false,
  define: { __BUNDLED_SDK_VERSIONS__: JSON.stringify(sdkVersions) },
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
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', thirdPartyLicenses(Object.keys(result.metafile.inputs)));

/**
 * The bundle ships other packages' code, so it ships their licences: one notice per package
 * bundled in (name, version, licence, and its licence file).
 */
function thirdPartyLicenses(inputs) {
  const roots = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) roots.add(match[1]);
  }
  const notices = [...roots].sort().map((root) => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
    const file = readdirSync(root).find((name) => /^(licen[sc]e|copying)(\.|$)/i.test(name));
    const text = file ? readFileSync(`${root}/${file}`, 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
    return `${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`;
  });
  return `bedrock-doctor bundles the following packages.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

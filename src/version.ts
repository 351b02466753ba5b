import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The package's root: one level up from src/ in development, and from the bundle in dist/. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** The package version, read once from package.json (one source of truth). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;

export const TOOL_NAME = 'bedrock-doctor';

/** The JSON report's schema version (schema/report.schema.json). */
export const SCHEMA_VERSION = 1;

/** Set by the bundler (scripts/build.mjs): the AWS SDK packages bundled in, and their versions. */
declare const __BUNDLED_SDK_VERSIONS__: Record<string, string> | undefined;

const SDK_PACKAGES = ['@aws-sdk/client-bedrock', '@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-iam', '@aws-sdk/client-sts', '@aws-sdk/credential-providers'];

/** The AWS SDK versions in use: the bundled ones, or (running from source) the installed ones. */
export function sdkVersions(): Record<string, string> {
  if (typeof __BUNDLED_SDK_VERSIONS__ !== 'undefined') return __BUNDLED_SDK_VERSIONS__;
  const require = createRequire(import.meta.url);
  return Object.fromEntries(SDK_PACKAGES.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]));
}

/** `--version --verbose`: the doctor's version first (as `--version` prints it), then Node's and the SDK's. */
export function verboseVersion(): string {
  return [VERSION, `node ${process.version}`, ...Object.entries(sdkVersions()).map(([name, version]) => `${name} ${version}`)].join('\n') + '\n';
}

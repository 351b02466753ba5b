import { readFileSync } from 'node:fs';

/** The package's root: one level up from src/ in development, and from the bundle in dist/. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** The package version, read once from package.json (one source of truth). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;

export const TOOL_NAME = 'bedrock-doctor';

/** The JSON report's schema version (schema/report.schema.json). */
export const SCHEMA_VERSION = 1;

import { createRequire } from 'node:module';
import { TOOL_NAME, VERSION } from '../version.js';

/** The SDK package that makes the model call: its installed version, when it can be read. */
function sdkVersion(): string | null {
  try {
    return (createRequire(import.meta.url)('@aws-sdk/client-bedrock-runtime/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

/** "bedrock-doctor 0.1.0 · Node v20.19.0 · AWS SDK for JavaScript 3.1164.0": what support asks first. */
export function versionsLine(): string {
  const sdk = sdkVersion();
  return [`${TOOL_NAME} ${VERSION}`, `Node ${process.version}`, sdk ? `AWS SDK for JavaScript ${sdk}` : 'AWS SDK for JavaScript (version unknown)'].join(' · ');
}

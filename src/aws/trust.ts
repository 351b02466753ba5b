import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { UsageError } from '../errors.js';

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/** The PEM certificate blocks of a text, in one pass (a lazy regex would be quadratic on a header without an end). */
export function pemCertificates(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(BEGIN); at >= 0; ) {
    const end = text.indexOf(END, at + BEGIN.length);
    if (end < 0) break;
    // A header without its end gives way to the last header before this end.
    out.push(text.slice(text.lastIndexOf(BEGIN, end), end + END.length));
    at = text.indexOf(BEGIN, end + END.length);
  }
  return out.filter((block) => block.length > BEGIN.length + END.length);
}

async function certificatesIn(variable: string, file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${variable}=${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const certificates = pemCertificates(text);
  if (certificates.length === 0) throw new UsageError(`${variable}=${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return certificates;
}

/**
 * The CA certificates the doctor's TLS connections trust, or undefined for Node's own store.
 *
 * Node reads NODE_EXTRA_CA_CERTS once, at process start, into its default store. AWS_CA_BUNDLE
 * is read by the AWS CLI and boto3 but not by the AWS SDK for JavaScript v3, so the doctor
 * applies it itself. Giving TLS a `ca` list replaces the default store, so the list is the
 * bundled roots, NODE_EXTRA_CA_CERTS's certificates and AWS_CA_BUNDLE's: the bundle adds trust,
 * it never removes any.
 */
export async function trustedCertificates(env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  const bundle = env.AWS_CA_BUNDLE?.trim();
  if (!bundle) return undefined;
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so does the doctor (by ignoring it).
  const fromNode = extra ? await certificatesIn('NODE_EXTRA_CA_CERTS', extra).catch(() => []) : [];
  return [...rootCertificates, ...fromNode, ...(await certificatesIn('AWS_CA_BUNDLE', bundle))];
}

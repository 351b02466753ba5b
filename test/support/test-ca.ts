/**
 * A throw-away certificate authority for TLS tests, made in-process (no openssl binary):
 * a root CA, an intermediate CA and a leaf for 127.0.0.1 and localhost. Keys come from
 * node:crypto (fast, native); node-forge builds and signs the X.509 certificates.
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TestPki {
  /** PEM of the root CA: what a client must trust. */
  rootPem: string;
  intermediatePem: string;
  leafPem: string;
  leafKeyPem: string;
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

let serial = 1;
function certificate(
  subject: string,
  publicKey: forge.pki.rsa.PublicKey,
  issuer: { name: string; key: forge.pki.rsa.PrivateKey },
  ca: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = String(10 + serial++).padStart(2, '0');
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }]);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
        ],
  );
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

/** A fresh root → intermediate → leaf chain, like a TLS-inspecting proxy's private PKI. */
export function makeTestPki(): TestPki {
  const root = keyPair();
  const intermediate = keyPair();
  const leaf = keyPair();
  const rootCert = certificate('bedrock-doctor test root CA', root.publicKey, { name: 'bedrock-doctor test root CA', key: root.privateKey }, true);
  const intermediateCert = certificate('bedrock-doctor test intermediate CA', intermediate.publicKey, { name: 'bedrock-doctor test root CA', key: root.privateKey }, true);
  const leafCert = certificate('127.0.0.1', leaf.publicKey, { name: 'bedrock-doctor test intermediate CA', key: intermediate.privateKey }, false);
  return {
    rootPem: forge.pki.certificateToPem(rootCert),
    intermediatePem: forge.pki.certificateToPem(intermediateCert),
    leafPem: forge.pki.certificateToPem(leafCert),
    leafKeyPem: leaf.pem,
  };
}

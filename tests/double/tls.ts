// A self-signed certificate for the hosts the extension talks to, so the production build can
// reach the double through Chromium's --host-resolver-rules and --ignore-certificate-errors.
import { generate } from 'selfsigned';

/** PEM key and certificate. */
export interface TlsMaterial {
  key: string;
  cert: string;
}

/** Names the certificate is valid for. */
export const CERT_DNS_NAMES = ['localhost', 'api.replicate.com', 'replicate.delivery', '*.replicate.delivery'];

let cached: Promise<TlsMaterial> | null = null;

/** Generates the certificate once per process (RSA generation takes a moment). */
export function createTlsMaterial(): Promise<TlsMaterial> {
  cached ??= (async () => {
    const notBeforeDate = new Date(Date.now() - 24 * 3_600_000);
    const notAfterDate = new Date(Date.now() + 300 * 24 * 3_600_000);
    const pems = await generate([{ name: 'commonName', value: 'api.replicate.com' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...CERT_DNS_NAMES.map((value) => ({ type: 2 as const, value })),
            { type: 7 as const, ip: '127.0.0.1' },
            { type: 7 as const, ip: '::1' },
          ],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert };
  })();
  return cached;
}

/**
 * verifyToken (issue 3) against a bare jose.jwtVerify with the key already imported. verifyToken gets
 * the key as text each call (as the page does), so this measures its whole path: decoding, the cached
 * key import, the strictness checks, WebCrypto, and the claim checks.
 */
import { exportSPKI, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { verifyToken } from '../../lib/index';
import { measureGroup, type BenchRow } from './measure';

export const VERIFY_OURS = 'verifyToken (cached key)';
export const VERIFY_PEER = 'jose.jwtVerify (imported key)';

const CLAIMS = {
  sub: 'bench-user',
  iss: 'https://issuer.example',
  aud: 'api',
  name: 'Bench Mark',
  scope: 'openid profile',
};

export async function benchVerify(): Promise<{ rows: BenchRow[]; skipped?: string }> {
  const now = Math.floor(Date.now() / 1000);
  const cases: {
    alg: 'RS256' | 'ES256' | 'HS256';
    key: CryptoKey | Uint8Array;
    keyText: string;
    signingKey: CryptoKey | Uint8Array;
  }[] = [];
  for (const alg of ['RS256', 'ES256'] as const) {
    const pair = await generateKeyPair(alg, { extractable: true });
    cases.push({
      alg,
      key: pair.publicKey,
      keyText: await exportSPKI(pair.publicKey),
      signingKey: pair.privateKey,
    });
  }
  const secret = 'a-benchmark-secret-of-at-least-32-bytes!';
  const secretBytes = new TextEncoder().encode(secret);
  cases.push({ alg: 'HS256', key: secretBytes, keyText: secret, signingKey: secretBytes });

  const rows: BenchRow[] = [];
  for (const c of cases) {
    const token = await new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: c.alg, typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setExpirationTime(now + 3600)
      .sign(c.signingKey);
    const check = await verifyToken(token, c.keyText);
    if (check.signature !== 'valid')
      throw new Error(`the ${c.alg} bench token does not verify: ${check.errors[0]?.message}`);
    rows.push(
      ...(await measureGroup(`verify: ${c.alg} (${token.length} chars)`, [
        { name: VERIFY_OURS, run: () => verifyToken(token, c.keyText) },
        { name: VERIFY_PEER, run: () => jwtVerify(token, c.key) },
      ])),
    );
  }
  return { rows };
}

/**
 * verifyToken against a bare jose.jwtVerify whose key is already a CryptoKey, for HS256, RS256, ES256 and
 * EdDSA. verifyToken takes the key as text (what the user pasted); its import cache is warm after the
 * first call, which is the case the goal is about (re-verifying while typing). verifyToken also keeps the
 * last decoded token; a third case alternates two tokens so that memo never helps, for comparison.
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { verifyToken } from '../../lib/index';
import { measureGroup, type BenchRow } from './measure';
import { ID_TOKEN_CLAIMS } from './tokens';

export const VERIFY_OURS = 'verifyToken (cached key)';
export const VERIFY_PEER = 'jose.jwtVerify (imported key)';
/** Two tokens in turn, so verifyToken's one-entry memo of the decoded token never hits. */
export const VERIFY_NO_MEMO = 'verifyToken (cached key, token changes every call)';

/** Inside the claims' validity window (ID_TOKEN_CLAIMS: iat 2026-01-01, exp one hour later). */
const CURRENT_DATE = new Date((ID_TOKEN_CLAIMS.iat + 60) * 1000);

interface VerifyFixture {
  alg: string;
  token: string;
  /** Same key, another jti. */
  otherToken: string;
  keyText: string;
  joseKey: CryptoKey;
}

async function fixture(alg: 'HS256' | 'RS256' | 'ES256' | 'EdDSA'): Promise<VerifyFixture> {
  const claims = { ...ID_TOKEN_CLAIMS };
  if (alg === 'HS256') {
    const secret = 'jwt-lens-benchmark-secret-of-at-least-32-bytes';
    const bytes = new TextEncoder().encode(secret);
    const joseKey = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    const sign = (jti: string) =>
      new SignJWT({ ...claims, jti }).setProtectedHeader({ alg, typ: 'JWT' }).sign(bytes);
    return { alg, token: await sign('a'), otherToken: await sign('b'), keyText: secret, joseKey };
  }
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const sign = (jti: string) =>
    new SignJWT({ ...claims, jti }).setProtectedHeader({ alg, typ: 'JWT' }).sign(privateKey);
  const keyText = JSON.stringify(await exportJWK(publicKey));
  return { alg, token: await sign('a'), otherToken: await sign('b'), keyText, joseKey: publicKey };
}

export async function benchVerify(): Promise<{ rows: BenchRow[]; skipped?: string }> {
  const rows: BenchRow[] = [];
  let turn = 0;
  for (const alg of ['HS256', 'RS256', 'ES256', 'EdDSA'] as const) {
    const f = await fixture(alg);
    const check = await verifyToken(f.token, f.keyText, { currentDate: CURRENT_DATE });
    if (check.signature !== 'valid' || check.claims !== 'valid') {
      throw new Error(`the ${alg} fixture does not verify: ${JSON.stringify(check.errors)}`);
    }
    await jwtVerify(f.token, f.joseKey, { currentDate: CURRENT_DATE });
    rows.push(
      ...(await measureGroup(
        `verify: ${alg}`,
        [
          { name: VERIFY_OURS, run: () => verifyToken(f.token, f.keyText, { currentDate: CURRENT_DATE }) },
          { name: VERIFY_PEER, run: () => jwtVerify(f.token, f.joseKey, { currentDate: CURRENT_DATE }) },
          {
            name: VERIFY_NO_MEMO,
            run: () =>
              verifyToken(++turn % 2 ? f.otherToken : f.token, f.keyText, { currentDate: CURRENT_DATE }),
          },
          // The 10% goal is a fine margin on a shared machine: more, shorter rounds keep one busy moment of
          // another process from deciding it (HS256 is the fastest, so the most exposed).
        ],
        { rounds: 15, time: 100 },
      )),
    );
  }
  return { rows };
}

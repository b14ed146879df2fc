/** Verifies the key-binding JWT of an SD-JWT presentation (RFC 9901 §7.3) with the issuer's `cnf.jwk`. */
import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '../token/decode';
import type { DecodedOk } from '../types';
import { isObject } from '../is-object';

export type KeyBindingErrorCode =
  | 'kb-not-sd-jwt'
  | 'kb-missing'
  | 'kb-no-cnf-key'
  | 'kb-bad-typ'
  | 'kb-bad-alg'
  | 'kb-sd-hash-mismatch'
  | 'kb-key-invalid'
  | 'kb-signature-invalid'
  | 'kb-aud-mismatch'
  | 'kb-nonce-mismatch'
  | 'kb-iat-invalid'
  | 'kb-failed';

export interface KeyBindingOptions {
  /** When given, `aud` must equal it (RFC 9901 §7.3 step 5). */
  audience?: string;
  /** When given, `nonce` must equal it. */
  nonce?: string;
  /** The clock for the `iat` check; defaults to now. */
  now?: Date;
  /** How far `iat` may be in the future, in seconds (clock skew). Default 60. */
  clockToleranceSeconds?: number;
}

export type KeyBindingResult =
  | { ok: true; alg: string; aud: unknown; nonce: unknown; iat: number; holderKey: JWK }
  | { ok: false; error: { code: KeyBindingErrorCode; message: string } };

const SYMMETRIC = /^HS/;

/** Verifies the KB-JWT of an SD-JWT presentation with the issuer's `cnf.jwk`. Never rejects. */
export async function verifyKeyBinding(
  input: string | DecodedOk,
  options: KeyBindingOptions = {},
): Promise<KeyBindingResult> {
  const fail = (code: KeyBindingErrorCode, message: string): KeyBindingResult => ({
    ok: false,
    error: { code, message },
  });
  try {
    const decoded =
      typeof input === 'string' ? decodeToken(input, options.now ? { now: options.now } : {}) : input;
    if (!decoded.ok || decoded.format !== 'sd-jwt' || !decoded.sdJwt)
      return fail('kb-not-sd-jwt', 'This is not an SD-JWT, so there is no key-binding JWT to verify.');
    const kb = decoded.sdJwt.keyBinding;
    if (!kb) {
      return fail(
        'kb-missing',
        decoded.sdJwt.keyBindingError ??
          `This SD-JWT has no key-binding JWT (${decoded.serialization === 'compact' ? 'it ends with "~"' : 'its unprotected header has no "kb_jwt", RFC 9901 §8.1'}), so it does not prove who presents it. Verifiers that require key binding must reject it.`,
      );
    }
    const claims = isObject(decoded.disclosedPayload)
      ? decoded.disclosedPayload
      : isObject(decoded.payload)
        ? decoded.payload
        : {};
    const cnf = claims.cnf;
    if (!isObject(cnf) || !isObject(cnf.jwk)) {
      return fail(
        'kb-no-cnf-key',
        'The issuer-signed JWT has no "cnf.jwk" holder key, so the key-binding JWT cannot be checked. (A "cnf" with "kid" or "jku" needs the key from elsewhere.)',
      );
    }
    if (kb.header.typ !== 'kb+jwt')
      return fail(
        'kb-bad-typ',
        `The key-binding JWT has typ ${JSON.stringify(kb.header.typ)}; RFC 9901 §4.3 requires "kb+jwt".`,
      );
    const alg = kb.header.alg;
    if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || SYMMETRIC.test(alg)) {
      return fail(
        'kb-bad-alg',
        `The key-binding JWT uses alg ${JSON.stringify(alg)}; it must be signed with the holder's private key (an asymmetric algorithm, never "none").`,
      );
    }
    if (kb.expectedSdHash === undefined)
      return fail(
        'kb-sd-hash-mismatch',
        `"sd_hash" cannot be checked because "_sd_alg" ("${decoded.sdJwt.sdAlg}") is not supported.`,
      );
    if (kb.sdHash !== kb.expectedSdHash) {
      return fail(
        'kb-sd-hash-mismatch',
        kb.sdHash === undefined
          ? 'The key-binding JWT has no "sd_hash", so it is not bound to these disclosures.'
          : `The key-binding JWT's "sd_hash" (${kb.sdHash}) does not match this presentation (${kb.expectedSdHash}): disclosures were added, removed or reordered after the holder signed.`,
      );
    }
    let key: CryptoKey | Uint8Array;
    try {
      key = await importJWK(cnf.jwk as JWK, alg);
    } catch (err) {
      return fail(
        'kb-key-invalid',
        `The holder key in "cnf.jwk" cannot be used for ${alg}: ${joseHint(err)}`,
      );
    }
    try {
      await compactVerify(kb.token, key, { algorithms: [alg] });
    } catch (err) {
      return fail(
        'kb-signature-invalid',
        `The key-binding JWT's signature does not verify with the holder key from "cnf.jwk": ${joseHint(err)}`,
      );
    }
    const iat = kb.iat;
    const now = (options.now ?? new Date()).getTime() / 1000;
    if (typeof iat !== 'number' || !Number.isFinite(iat))
      return fail('kb-iat-invalid', 'The key-binding JWT has no numeric "iat"; RFC 9901 §4.3 requires it.');
    if (iat > now + (options.clockToleranceSeconds ?? 60))
      return fail(
        'kb-iat-invalid',
        `The key-binding JWT's "iat" is in the future (${new Date(iat * 1000).toISOString()}). Check the holder's clock.`,
      );
    if (options.audience !== undefined && kb.aud !== options.audience) {
      return fail(
        'kb-aud-mismatch',
        `The key-binding JWT is for audience ${JSON.stringify(kb.aud)}, not ${JSON.stringify(options.audience)}.`,
      );
    }
    if (options.nonce !== undefined && kb.nonce !== options.nonce) {
      return fail(
        'kb-nonce-mismatch',
        `The key-binding JWT's nonce ${JSON.stringify(kb.nonce)} is not the expected ${JSON.stringify(options.nonce)}: it may be replayed.`,
      );
    }
    return { ok: true, alg, aud: kb.aud, nonce: kb.nonce, iat, holderKey: cnf.jwk as JWK };
  } catch (err) {
    return fail(
      'kb-failed',
      `The key-binding JWT could not be checked (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}

/** A short, user-facing reason for a jose error, by its code. */
function joseHint(err: unknown): string {
  const code = isObject(err) && typeof err.code === 'string' ? err.code : '';
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the signature is wrong for this key.';
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the key type or algorithm is not supported here.';
    case 'ERR_JWK_INVALID':
      return 'the JWK is malformed.';
    case 'ERR_JWS_INVALID':
      return 'the key-binding JWT is malformed.';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the algorithm is not allowed.';
    default:
      return 'the key does not fit the algorithm (check "kty", "crv" and "alg").';
  }
}

/**
 * verifyToken: does the signature verify with the key the user pasted, and are the claims
 * acceptable now? Shaped like jose's jwtVerify: a signature stage (verifySignatures) and then a
 * claims stage (checkClaims, only when the signature is valid and the payload is a claims set).
 *
 * Stricter than plain jose on purpose: `alg: none` in any case never verifies; base64url must be
 * canonical (no padding, no "+/", no stray bits, no spaces inside a segment); a key's kty, curve,
 * alg, use and key_ops must fit the token's alg (so an HMAC token is never checked with a public
 * key); RSA e < 3 and ROCA moduli are refused; ECDSA r or s outside [1, n-1] is rejected before
 * WebCrypto sees it (CVE-2022-21449). Keys in the token (jwk, jku, x5u) are never used; x5c only
 * when the caller asks, and then the result is labelled self-asserted. Never rejects.
 *
 * The stages, one file each: signature-stage.ts (decode once, then per signature) uses
 * signature-entry.ts (the signatures of the token), pre-checks.ts (what fails whatever the key),
 * key-selection.ts (which key may check it) and signature-check.ts (the crypto); claims.ts is the
 * claims stage; result.ts holds the types.
 */
import { toLensError } from '../errors';
import { checkClaims } from './claims';
import type { VerifyOptions, VerifyResult } from './result';
import { verifySignatures } from './signature-stage';

export type { VerifiedKey, SignatureReport, VerifyOptions, VerifyResult } from './result';

export async function verifyToken(
  token: string,
  key: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  try {
    const now = options.currentDate ?? new Date();
    const stage = await verifySignatures(token, key, options, now);
    if (stage.signature !== 'valid' || !stage.claimsSet) {
      return { ...stage.result, claims: 'unchecked', checks: [] };
    }
    const { claims, checks } = checkClaims(stage.claimsSet, stage.header, options, now);
    return { ...stage.result, claims, checks };
  } catch (err) {
    const error = toLensError(err);
    return {
      signature: 'error',
      claims: 'unchecked',
      checks: [],
      errors: [{ code: error.code, message: error.message }],
      findings: [],
      signatures: [],
    };
  }
}

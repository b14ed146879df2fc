import type { FindingRule } from './rule';
import { own } from './rule';

/**
 * RFC 7515 §4.1.1: "alg" is required in every JWS header. Without it nobody can know how the token
 * was signed, and a verifier that picks the algorithm from the key instead is open to algorithm
 * confusion, so JWT Lens refuses to verify such a token.
 */
export const algMissing: FindingRule = {
  id: 'alg-missing',
  severity: 'danger',
  check({ format, header, signatureHeaders }) {
    // Compact JWS and JWS JSON; the SD-JWT wrapper's own pass has no header (the issuer JWT's did it).
    if (format !== 'jws' && format !== 'jws-json') return [];
    const headers = signatureHeaders ?? [header];
    return headers.flatMap((h, index) => {
      const alg = own(h, 'alg');
      if (typeof alg === 'string' && alg !== '') return [];
      const where = headers.length > 1 ? `The header of signature ${index + 1}` : 'The header';
      const what =
        alg === undefined
          ? 'has no "alg"'
          : `has "alg" ${JSON.stringify(alg)}, which is not an algorithm name`;
      return [
        {
          path: 'header.alg',
          message: `${where} ${what}. RFC 7515 §4.1.1 makes "alg" required: without it there is no way to know how the token was signed, so it cannot be verified and JWT Lens refuses to try.`,
        },
      ];
    });
  },
};

/**
 * Which of the pasted keys may check a signature with this alg: kid selection in a JWKS, and every
 * reason a key does not fit (RFC 7517 §4.2–4.5, RFC 7518 §3.2/§3.3, algorithm confusion).
 */
import type { ImportedKey, KeyImportResult } from '../keys/import';
import { keyNeeded, UNSUPPORTED_ALGORITHMS, type JwsAlgorithm } from './algorithms';
import type { VerifiedKey } from './result';

export type Selection = { keys: ImportedKey[] } | { error: { code: string; message: string } };

export function selectKeys(
  imported: Extract<KeyImportResult, { ok: true }>,
  all: ImportedKey[],
  kid: string | undefined,
  row: JwsAlgorithm,
): Selection {
  let pool = all;
  if (imported.format === 'jwks') {
    if (row.kty === 'oct' && all.some((k) => k.kty === 'oct') && all.some((k) => k.kty !== 'oct')) {
      return {
        error: {
          code: 'jwks-mixed-symmetric',
          message: `The JWKS mixes shared secrets with public keys, and the token is ${row.alg}. JWT Lens refuses HMAC verification from such a set: a JWKS is usually published, so a secret in it is no secret, and mixed sets are how algorithm-confusion attacks start. Paste the shared secret on its own.`,
        },
      };
    }
    if (kid !== undefined) {
      const matches = all.filter((k) => k.kid === kid);
      if (matches.length === 0) {
        const unreadable = imported.skipped.find((s) => s.kid === kid);
        const kids = all.map((k) => k.kid).filter((k): k is string => k !== undefined);
        return {
          error: {
            code: 'kid-not-found',
            message: unreadable
              ? `The JWKS key with kid '${kid}' could not be read: ${unreadable.message}`
              : `The JWKS has no key with kid '${kid}'; ${kids.length > 0 ? `it has kids ${kids.map((k) => `'${k}'`).join(', ')}` : 'its keys have no kid at all'}. Is this the issuer's current JWKS?`,
          },
        };
      }
      if (matches.length > 1) {
        return {
          error: {
            code: 'kid-ambiguous',
            message: `The JWKS has ${matches.length} keys with kid '${kid}'. Key IDs must tell keys apart (RFC 7517 §4.5), so JWT Lens does not guess which one the issuer meant.`,
          },
        };
      }
      pool = matches;
    }
  }
  const verdicts = pool.map((key) => ({ key, problem: unfitReason(key, row) }));
  const fitting = verdicts.filter((v) => !v.problem).map((v) => v.key);
  if (fitting.length > 0) return { keys: fitting };
  if (verdicts.length === 1) return { error: verdicts[0]!.problem! };
  const kids = pool.map((k) => k.kid).filter((k): k is string => k !== undefined);
  return {
    error: {
      code: 'no-fitting-key',
      message: `None of the ${pool.length} keys fits a ${row.alg} token, which needs ${keyNeeded(row)}${kids.length ? ` (kids present: ${kids.map((k) => `'${k}'`).join(', ')})` : ''}. ${verdicts.map((v) => `${v.key.source}: ${v.problem!.message}`).join(' ')}`,
    },
  };
}

/** Why this key must not verify a token with this alg, or undefined when it fits. */
function unfitReason(key: ImportedKey, row: JwsAlgorithm): { code: string; message: string } | undefined {
  if (key.refusal) return key.refusal;
  const what = describeKind(key);
  if (row.kty === 'oct' && key.kty !== 'oct') {
    return {
      code: 'algorithm-confusion',
      message: `The token's alg is ${row.alg} (a shared secret) but you gave ${what}. Checking an HMAC token with a public key is the algorithm-confusion attack, so it is never done: paste the shared secret, or treat the token as forged.`,
    };
  }
  if (key.kty !== row.kty) {
    return {
      code: 'key-type-mismatch',
      message: `This is ${what} but the token's alg is ${row.alg}, which needs ${keyNeeded(row)}.`,
    };
  }
  if (row.curves && !row.curves.includes(key.crv ?? '')) {
    if (key.crv === 'Ed448') return { code: 'alg-unsupported', message: UNSUPPORTED_ALGORITHMS.Ed448! };
    return {
      code: 'curve-mismatch',
      message: `This is ${what} but the token's alg is ${row.alg}, which needs ${row.curves.join('/')}.`,
    };
  }
  if (key.alg !== undefined && key.alg !== row.alg) {
    return {
      code: 'key-alg-mismatch',
      message: `The key is labelled alg '${key.alg}' but the token's alg is ${row.alg}. A key's alg pins the one algorithm it may be used with (RFC 7517 §4.4), so it is not used.`,
    };
  }
  if (key.use !== undefined && key.use !== 'sig') {
    return {
      code: 'key-use-mismatch',
      message: `The key is marked use '${key.use}'${key.use === 'enc' ? ' (encryption)' : ''}, not 'sig', so it must not verify signatures (RFC 7517 §4.2).`,
    };
  }
  if (key.keyOps !== undefined && !key.keyOps.includes('verify') && !key.keyOps.includes('sign')) {
    return {
      code: 'key-ops-mismatch',
      message: `The key's key_ops are [${key.keyOps.join(', ')}], which do not include 'verify' (RFC 7517 §4.3).`,
    };
  }
  if (key.kty === 'RSA' && key.bits < 2048) {
    return {
      code: 'rsa-key-too-short',
      message: `This RSA key has a ${key.bits}-bit modulus; RFC 7518 §3.3 requires at least 2048 bits, so it is refused.`,
    };
  }
  if (key.kty === 'oct' && key.encoding === 'jwk' && (key.secret?.length ?? 0) < row.hashBytes!) {
    return {
      code: 'hmac-key-too-short',
      message: `This oct JWK holds ${key.secret?.length ?? 0} bytes; ${row.alg} requires a key of at least ${row.hashBytes} bytes (RFC 7518 §3.2), so it is refused.`,
    };
  }
  return undefined;
}

function describeKind(key: ImportedKey): string {
  if (key.kty === 'oct') return 'a shared secret';
  if (key.kty === 'RSA') return `an RSA ${key.bits}-bit key`;
  if (key.kty === 'EC') return `an EC ${key.crv} key`;
  return `an ${key.crv} key`;
}

export function describeKey(key: ImportedKey, selfAsserted: boolean): VerifiedKey {
  return {
    source: key.source,
    kty: key.kty,
    ...(key.crv ? { crv: key.crv } : {}),
    ...(key.alg ? { alg: key.alg } : {}),
    ...(key.kid ? { kid: key.kid } : {}),
    thumbprint: key.thumbprint,
    ...(key.certificate ? { certificate: key.certificate } : {}),
    ...(selfAsserted ? { selfAsserted } : {}),
  };
}

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
 */
import { flattenedVerify, importJWK, type JWK } from 'jose';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { toLensError } from '../errors';
import {
  importVerificationKey,
  type ImportedKey,
  type KeyImportResult,
  type SecretEncoding,
} from '../keys/import';
import type { CertificateInfo } from '../keys/certificate';
import { cleanInput } from '../token/clean';
import { decodeBase64url } from '../token/base64url';
import { decodeToken } from '../token/decode';
import type { DecodeResult, DecodedOk, Finding } from '../types';
import { jwsAlgorithm, keyNeeded, UNSUPPORTED_ALGORITHMS, type JwsAlgorithm } from './algorithms';
import { checkClaims, type ClaimCheck, type ClaimExpectations } from './claims';
import { mapJoseError } from './jose-errors';
import { isObject } from '../is-object';

/** The claim expectations (issuer, audience, tolerance, …) plus how to find and read the key. */
export interface VerifyOptions extends ClaimExpectations {
  /** How to read an HMAC secret; default 'utf8'. */
  secretEncoding?: SecretEncoding;
  /** Clock for the claim checks; default now. */
  currentDate?: Date;
  /** Allow-list; default: the algorithm family that fits the key. `none` is never allowed. */
  algorithms?: string[];
  /** Verify with the leaf certificate of the header's x5c instead of `key` (self-asserted). */
  useX5c?: boolean;
}

export interface VerifiedKey {
  source: string;
  kty: string;
  crv?: string;
  alg?: string;
  kid?: string;
  thumbprint: string;
  certificate?: CertificateInfo;
  /** True when the key came from the token itself (x5c): it proves nothing on its own. */
  selfAsserted?: boolean;
}

/** One signature of the token (compact and flattened tokens have one; general JSON may have many). */
export interface SignatureReport {
  index: number;
  alg?: string;
  kid?: string;
  status: 'valid' | 'invalid' | 'error';
  /** What happened, for people. */
  message: string;
  code?: string;
  key?: VerifiedKey;
}

export interface VerifyResult {
  /** 'invalid': checked and did not match; 'error': could not be checked (see errors). */
  signature: 'valid' | 'invalid' | 'error';
  /** 'unchecked' unless the signature is valid and the payload is a claims set. */
  claims: 'valid' | 'invalid' | 'unchecked';
  checks: ClaimCheck[];
  errors: { code: string; message: string }[];
  findings: Finding[];
  /** The key that verified the signature. */
  key?: VerifiedKey;
  signatures: SignatureReport[];
}

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

// ---- signature stage ------------------------------------------------------------

interface SignatureEntry {
  protectedB64: string;
  payloadB64: string;
  signatureB64: string;
  /** Protected and unprotected header, merged (RFC 7515 §7.2.1: they must be disjoint). */
  header: Record<string, unknown>;
  unprotected?: Record<string, unknown>;
  /** Worked out once per token (see `lastToken`): why its base64url is not canonical, or null. */
  nonCanonical?: string | null;
  /** The decoded signature, once per token; null when it is not base64url. */
  signatureBytes?: Uint8Array | null;
  /** ECDSA only, once per token: why r‖s is malformed, or null. */
  ecdsaProblem?: string | null;
}

interface SignatureStage {
  signature: VerifyResult['signature'];
  result: Omit<VerifyResult, 'claims' | 'checks'>;
  claimsSet?: Record<string, unknown>;
  header: Record<string, unknown>;
}

async function verifySignatures(
  token: string,
  keyText: string,
  options: VerifyOptions,
  now: Date,
): Promise<SignatureStage> {
  const findings: Finding[] = [];
  const stop = (status: 'invalid' | 'error', code: string, message: string): SignatureStage => ({
    signature: status,
    header: {},
    result: { signature: status, errors: [{ code, message }], findings, signatures: [] },
  });

  if (typeof token !== 'string' || token.trim() === '')
    return stop('error', 'empty-input', 'Paste a token to verify it.');
  const memo = memoFor(token);
  if (memo.spacesInside) {
    return stop(
      'invalid',
      'whitespace-in-token',
      'The token has spaces inside a segment. A JWS never contains spaces (RFC 7515 §7.1), so this token was altered; line breaks from wrapping are fine.',
    );
  }
  const decoded = (memo.decoded ??= decodeToken(token, { now }));
  if (!decoded.ok) return stop('error', decoded.error.code, decoded.error.message);
  if (decoded.format === 'jwe') {
    return stop(
      'error',
      'jwe-not-signed',
      'This is an encrypted token (JWE). It has no signature to verify; it needs the decryption key instead.',
    );
  }
  const entries = (memo.entries ??= signatureEntries(decoded));
  const reports: SignatureReport[] = [];
  for (const [index, entry] of entries.entries()) {
    reports.push({ index, ...(await verifyEntry(entry, keyText, options, findings)) });
  }
  const verified = reports.find((r) => r.status === 'valid');
  const signature = verified ? 'valid' : reports.some((r) => r.status === 'invalid') ? 'invalid' : 'error';
  if (verified && reports.length > 1) {
    findings.push({
      id: 'signature-verified-one-of-many',
      severity: 'info',
      message: `Signature ${verified.index + 1} of ${reports.length} verified (${verified.alg ?? '?'}); the others were not checked successfully with this key: ${reports
        .filter((r) => r !== verified)
        .map((r) => `signature ${r.index + 1}: ${r.message}`)
        .join(' ')}`,
    });
  }
  const errors = verified
    ? []
    : reports.map((r) => ({
        code: r.code ?? 'signature-mismatch',
        message:
          reports.length > 1 ? `Signature ${r.index + 1} (${r.alg ?? 'no alg'}): ${r.message}` : r.message,
      }));
  const header = verified ? entries[verified.index]!.header : decoded.header;
  const payload = decoded.payload;
  const claimsSet = decoded.payloadIsJson && isObject(payload) ? payload : undefined;
  return {
    signature,
    header,
    ...(claimsSet ? { claimsSet } : {}),
    result: {
      signature,
      errors,
      findings: dedupe(findings),
      signatures: reports,
      ...(verified?.key ? { key: verified.key } : {}),
    },
  };
}

/**
 * A one-entry memo of what verifyToken works out from the token alone (issue 8). While the user edits
 * the key or the options, the same token is verified again on every keystroke; decoding it again
 * (strict JSON, pretty text, every finding rule) cost more than the signature check itself. Only the
 * structure is used here (segments, header, payload, canonical encoding), none of the time-dependent
 * findings, so `now` is not part of the memo key.
 */
interface TokenMemo {
  token: string;
  spacesInside: boolean;
  decoded?: DecodeResult;
  entries?: SignatureEntry[];
}
let lastToken: TokenMemo | undefined;

function memoFor(token: string): TokenMemo {
  if (lastToken?.token !== token) lastToken = { token, spacesInside: hasSpacesInsideToken(token) };
  return lastToken;
}

function signatureEntries(decoded: DecodedOk): SignatureEntry[] {
  // JWS JSON, plain or carrying an SD-JWT (RFC 9901 §8): every signature, with its unprotected header.
  if (decoded.signatures) {
    return decoded.signatures.map((s) => ({
      protectedB64: s.segments.protected,
      payloadB64: decoded.segments.payload,
      signatureB64: s.segments.signature,
      header: { ...(s.header ?? {}), ...s.protected },
      ...(s.header ? { unprotected: s.header } : {}),
    }));
  }
  // Compact JWS, unsecured JWT, and the issuer-signed JWT of an SD-JWT.
  return [
    {
      protectedB64: decoded.segments.header,
      payloadB64: decoded.segments.payload,
      signatureB64: decoded.segments.signature,
      header: decoded.header,
    },
  ];
}

type EntryOutcome = Omit<SignatureReport, 'index'>;

async function verifyEntry(
  entry: SignatureEntry,
  keyText: string,
  options: VerifyOptions,
  findings: Finding[],
): Promise<EntryOutcome> {
  const { header } = entry;
  const alg = header.alg;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const base = { ...(typeof alg === 'string' ? { alg } : {}), ...(kid !== undefined ? { kid } : {}) };
  const fail = (status: 'invalid' | 'error', code: string, message: string): EntryOutcome => ({
    ...base,
    status,
    code,
    message,
  });

  if (typeof alg !== 'string')
    return fail(
      'error',
      'alg-missing',
      `The header has ${alg === undefined ? 'no "alg"' : `"alg" ${JSON.stringify(alg)}, which is not an algorithm name`}, so there is no way to know how it was signed (RFC 7515 §4.1.1 makes "alg" required). JWT Lens refuses to verify it rather than guess the algorithm from the key, which is how algorithm-confusion attacks work.`,
    );
  if (alg.toLowerCase() === 'none') {
    return fail(
      'invalid',
      'alg-none',
      `The header says alg "${alg}": the token is unsigned, so anyone can have written it. It is never accepted as verified, whatever the key.`,
    );
  }
  if (options.algorithms && !options.algorithms.includes(alg)) {
    return fail(
      'error',
      'alg-not-allowed',
      `The token's alg is ${alg}, which is not in your allowed list (${options.algorithms.join(', ') || 'empty'}).`,
    );
  }
  const row = jwsAlgorithm(alg);
  if (!row) {
    return fail(
      'error',
      'alg-unsupported',
      (Object.hasOwn(UNSUPPORTED_ALGORITHMS, alg) ? UNSUPPORTED_ALGORITHMS[alg] : undefined) ??
        `"${alg}" is not a JWS signature algorithm JWT Lens knows (RFC 7518 §3, RFC 8037). It cannot be checked.`,
    );
  }
  if (entry.nonCanonical === undefined) entry.nonCanonical = nonCanonicalSegment(entry) ?? null;
  const nonCanonical = entry.nonCanonical;
  if (nonCanonical) return fail('invalid', 'non-canonical-base64url', nonCanonical);
  if (entry.signatureB64 === '')
    return fail(
      'invalid',
      'signature-missing',
      'The signature segment is empty: the token was cut off, or the signature was removed.',
    );
  noteEmbeddedKeys(header, findings);

  const imported = await keysFor(keyText, header, row, options, findings);
  if (!imported.ok) return fail('error', imported.error.code, imported.error.message);
  const selection = selectKeys(imported, imported.keys, kid, row);
  if ('error' in selection) return fail('error', selection.error.code, selection.error.message);
  if (
    kid !== undefined &&
    imported.format !== 'jwks' &&
    selection.keys[0]?.kid !== undefined &&
    selection.keys[0].kid !== kid
  ) {
    findings.push({
      id: 'kid-mismatch',
      severity: 'info',
      message: `The token's kid is '${kid}' but the key's kid is '${selection.keys[0].kid}'. It was tried anyway.`,
    });
  }

  if (entry.signatureBytes === undefined) {
    const decodedSignature = decodeBase64url(entry.signatureB64);
    entry.signatureBytes = decodedSignature.ok ? decodedSignature.bytes : null;
  }
  const signature = entry.signatureBytes;
  if (!signature) return fail('invalid', 'non-canonical-base64url', 'The signature is not base64url.');
  if (row.family === 'ECDSA') {
    // The header's alg is fixed for this entry, so the row is too.
    if (entry.ecdsaProblem === undefined) entry.ecdsaProblem = ecdsaSignatureProblem(row, signature) ?? null;
    const problem = entry.ecdsaProblem;
    if (problem) return fail('invalid', 'ecdsa-signature-malformed', problem);
  }

  let lastError: { code: string; message: string } | undefined;
  for (const key of selection.keys) {
    const outcome = await checkSignature(row, key, entry, signature);
    if (outcome === true) {
      return {
        ...base,
        status: 'valid',
        message: `Signature verified with ${key.source}.`,
        key: describeKey(key, options.useX5c === true),
      };
    }
    if (outcome !== false) lastError = outcome;
  }
  if (lastError && selection.keys.length === 1) return fail('error', lastError.code, lastError.message);
  const tried =
    selection.keys.length === 1
      ? selection.keys[0]!.source
      : `any of the ${selection.keys.length} fitting keys (${selection.keys.map((k) => k.source).join(', ')})`;
  const detached =
    entry.payloadB64 === ''
      ? ' The payload is empty: if this is a detached-payload JWS (RFC 7515 Appendix F), the content is needed to verify it.'
      : '';
  return fail(
    'invalid',
    'signature-mismatch',
    `Invalid signature: it does not match ${tried}. The token was changed, or it was signed with a different key.${detached}`,
  );
}

/** The key text, or the x5c leaf certificate when the caller asked for it. */
async function keysFor(
  keyText: string,
  header: Record<string, unknown>,
  row: JwsAlgorithm,
  options: VerifyOptions,
  findings: Finding[],
): Promise<KeyImportResult> {
  if (options.useX5c) {
    const chain = header.x5c;
    const leaf = Array.isArray(chain) && typeof chain[0] === 'string' ? chain[0] : undefined;
    if (!leaf)
      return {
        ok: false,
        error: {
          code: 'x5c-missing',
          message: 'The token header has no x5c certificate to use. Paste the key instead.',
        },
        findings: [],
      };
    const imported = importVerificationKey(leaf);
    if (!imported.ok)
      return {
        ...imported,
        error: {
          ...imported.error,
          message: `The x5c leaf certificate in the header could not be read: ${imported.error.message}`,
        },
      };
    findings.push({
      id: 'x5c-self-asserted',
      severity: 'warning',
      message:
        'The key was taken from the x5c certificate inside the token itself. A valid signature then proves only that the token matches its own certificate, not who issued it: that needs the certificate to chain to a root you trust, which JWT Lens does not check.',
    });
    return {
      ...imported,
      keys: imported.keys.map((k) => ({
        ...k,
        source: `the x5c leaf certificate in the token header (self-asserted${k.certificate ? `: ${k.certificate.subject}` : ''})`,
      })),
    };
  }
  const imported = importVerificationKey(keyText, {
    secretEncoding: options.secretEncoding ?? 'utf8',
    alg: row.alg,
  });
  findings.push(...imported.findings);
  return imported;
}

// ---- key selection ------------------------------------------------------------

type Selection = { keys: ImportedKey[] } | { error: { code: string; message: string } };

function selectKeys(
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

function describeKey(key: ImportedKey, selfAsserted: boolean): VerifiedKey {
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

// ---- checks before the crypto -------------------------------------------------------

/** Compact tokens may be wrapped across lines, but a space inside a segment is an alteration. */
function hasSpacesInsideToken(raw: string): boolean {
  if (raw.trim().startsWith('{')) return false;
  const unwrapped = raw.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, '');
  return cleanInput(unwrapped).steps.some((step) => step.startsWith('removed spaces inside'));
}

/** RFC 7515 §2: base64url without padding; anything else means the MACed bytes are not the ones shown. */
function nonCanonicalSegment(entry: SignatureEntry): string | undefined {
  const parts: [string, string][] = [
    ['header', entry.protectedB64],
    ['signature', entry.signatureB64],
  ];
  if (entry.header.b64 !== false) parts.push(['payload', entry.payloadB64]);
  for (const [name, segment] of parts) {
    const decoded = decodeBase64url(segment);
    if (!decoded.ok) return `The ${name} is not base64url.`;
    if (decoded.issues.length > 0) {
      const what = decoded.issues
        .map((i) =>
          i === 'padding'
            ? '"=" padding'
            : i === 'standard-alphabet'
              ? '"+" or "/" from standard base64'
              : 'non-zero unused bits in its last character',
        )
        .join(' and ');
      return `The ${name} is not canonical base64url: it has ${what}. RFC 7515 §2 allows exactly one encoding, so this token was altered after signing.`;
    }
  }
  return undefined;
}

const EC_ORDERS: Readonly<Record<string, bigint>> = {
  ES256: p256.Point.CURVE().n,
  ES384: p384.Point.CURVE().n,
  ES512: p521.Point.CURVE().n,
  ES256K: secp256k1.Point.CURVE().n,
};

/** RFC 7518 §3.4: r‖s of fixed length, each in [1, n-1]. r = 0 or s = 0 is CVE-2022-21449. */
function ecdsaSignatureProblem(row: JwsAlgorithm, signature: Uint8Array): string | undefined {
  const size = row.signatureBytes!;
  if (signature.length !== size) {
    return `An ${row.alg} signature is ${size} bytes (r and s of ${size / 2} bytes each, RFC 7518 §3.4), but this one is ${signature.length}. ${signature.length > size && signature[0] === 0x30 ? 'It looks DER-encoded: JWS uses the raw r‖s form.' : ''}`.trim();
  }
  const n = EC_ORDERS[row.alg]!;
  const r = toBigInt(signature.subarray(0, size / 2));
  const s = toBigInt(signature.subarray(size / 2));
  if (r === 0n || s === 0n) {
    return `The signature has ${r === 0n ? 'r' : 's'} = 0, which no real ECDSA signature has. Some Java versions accepted such forgeries (CVE-2022-21449); it is rejected.`;
  }
  if (r >= n || s >= n)
    return `The signature's ${r >= n ? 'r' : 's'} is not below the curve order, so it is not a valid ECDSA signature.`;
  return undefined;
}

function noteEmbeddedKeys(header: Record<string, unknown>, findings: Finding[]) {
  const named = ['jwk', 'jku', 'x5u'].filter((m) => header[m] !== undefined);
  if (named.length === 0) return;
  findings.push({
    id: 'embedded-key-ignored',
    severity: 'info',
    message: `The header carries ${named.map((m) => `"${m}"`).join(', ')}. JWT Lens never uses or fetches keys named by the token itself; it verifies only with the key you give.`,
  });
}

// ---- the crypto ------------------------------------------------------------------------

const cryptoKeys = new WeakMap<ImportedKey, Map<string, Promise<CryptoKey | Uint8Array>>>();

/** true / false for a checked signature, or an error when it could not be checked. */
async function checkSignature(
  row: JwsAlgorithm,
  key: ImportedKey,
  entry: SignatureEntry,
  signature: Uint8Array,
): Promise<boolean | { code: string; message: string }> {
  const context = `${key.source}: `;
  if (row.engine === 'noble-secp256k1') {
    const input = new TextEncoder().encode(`${entry.protectedB64}.${entry.payloadB64}`);
    const x = decodeBase64url(key.jwk.x!);
    const y = decodeBase64url(key.jwk.y!);
    if (!x.ok || !y.ok)
      return { code: 'key-jwk-invalid', message: `${context}The EC key coordinates are not base64url.` };
    const point = new Uint8Array([4, ...x.bytes, ...y.bytes]);
    try {
      return secp256k1.verify(signature, input, point, { lowS: false });
    } catch {
      return false;
    }
  }
  let cryptoKey: CryptoKey | Uint8Array;
  try {
    cryptoKey = await cryptoKeyFor(key, row.alg);
  } catch (err) {
    return mapJoseError(err, context);
  }
  const direct = await verifyDirectly(row, cryptoKey, entry, signature);
  if (direct !== undefined) return direct;
  try {
    await flattenedVerify(
      {
        // RFC 7515 §7.2.1: "protected" is absent when only the unprotected header is used.
        ...(entry.protectedB64 ? { protected: entry.protectedB64 } : {}),
        payload: entry.payloadB64,
        signature: entry.signatureB64,
        ...(entry.unprotected ? { header: entry.unprotected } : {}),
      },
      cryptoKey,
      { algorithms: [row.alg] },
    );
    return true;
  } catch (err) {
    const mapped = mapJoseError(err, context);
    return mapped.code === 'signature-mismatch' ? false : mapped;
  }
}

/**
 * The plain case, checked with WebCrypto directly: a compact-style entry (protected header only, no
 * `crit`, no `b64`) and a CryptoKey imported for this alg. By then verifyToken has already parsed the
 * header, checked the alg, the key's fit and size and the canonical encoding, and decoded the
 * signature, which jose's flattenedVerify would all do again (issue 8: within 10% of bare jose).
 * Parameters from the algorithm table (as in jose's own, RFC 7518 §3). Anything else, or a WebCrypto error, returns
 * undefined and goes through jose, which reports it.
 */
async function verifyDirectly(
  row: JwsAlgorithm,
  cryptoKey: CryptoKey | Uint8Array,
  entry: SignatureEntry,
  signature: Uint8Array,
): Promise<boolean | undefined> {
  const params = row.webCrypto;
  if (
    !params ||
    cryptoKey instanceof Uint8Array ||
    !entry.protectedB64 ||
    entry.unprotected ||
    entry.header.crit !== undefined ||
    entry.header.b64 !== undefined
  )
    return undefined;
  try {
    return await crypto.subtle.verify(
      params,
      cryptoKey,
      signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(`${entry.protectedB64}.${entry.payloadB64}`),
    );
  } catch {
    return undefined;
  }
}

/** The WebCrypto key for this key and alg, imported once and cached (issue 8: no re-import while typing). */
function cryptoKeyFor(key: ImportedKey, alg: string): Promise<CryptoKey | Uint8Array> {
  let perAlg = cryptoKeys.get(key);
  if (!perAlg) cryptoKeys.set(key, (perAlg = new Map()));
  let pending = perAlg.get(alg);
  if (!pending) {
    const { alg: _alg, kid: _kid, use: _use, key_ops: _ops, ...material } = key.jwk;
    pending =
      key.kty === 'oct'
        ? hmacKeyFor(key.secret ?? new Uint8Array(), alg)
        : (importJWK(material as JWK, alg) as Promise<CryptoKey | Uint8Array>);
    perAlg.set(alg, pending);
    pending.catch(() => perAlg!.delete(alg));
  }
  return pending;
}

/**
 * A non-extractable HMAC CryptoKey for the secret, imported once (issue 8): given raw bytes, jose
 * imports a key on every verification, which doubles the WebCrypto round trips while the user types.
 * Anything unusual (an empty secret, an engine without HMAC import) keeps the raw bytes, so jose
 * reports the problem exactly as before.
 */
async function hmacKeyFor(secret: Uint8Array, alg: string): Promise<CryptoKey | Uint8Array> {
  if (secret.length === 0 || !/^HS(256|384|512)$/.test(alg)) return secret;
  try {
    return await crypto.subtle.importKey(
      'raw',
      secret as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: `SHA-${alg.slice(2)}` },
      false,
      ['verify'],
    );
  } catch {
    return secret;
  }
}

// ---- helpers -------------------------------------------------------------------------------

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

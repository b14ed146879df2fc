/**
 * The signature stage of verifyToken: decode the token (once per token, see TokenMemo), then check
 * every signature with the pasted key. Per signature: the alg (never `none`, RFC 7515 §4.1.1 makes it
 * required), the checks before the crypto, the key's fit, then the crypto itself.
 */
import { importVerificationKey, type KeyImportResult } from '../keys/import';
import { decodeBase64url } from '../token/base64url';
import { decodeToken } from '../token/decode';
import type { DecodeResult, Finding } from '../types';
import { isObject } from '../is-object';
import { jwsAlgorithm, UNSUPPORTED_ALGORITHMS, type JwsAlgorithm } from './algorithms';
import { describeKey, selectKeys } from './key-selection';
import {
  ecdsaSignatureProblem,
  hasSpacesInsideToken,
  noteEmbeddedKeys,
  nonCanonicalSegment,
} from './pre-checks';
import type { SignatureReport, VerifyOptions, VerifyResult } from './result';
import { checkSignature } from './signature-check';
import { signatureEntries, type SignatureEntry } from './signature-entry';

export interface SignatureStage {
  signature: VerifyResult['signature'];
  result: Omit<VerifyResult, 'claims' | 'checks'>;
  claimsSet?: Record<string, unknown>;
  header: Record<string, unknown>;
}

export async function verifySignatures(
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
 * A one-entry memo of what verifyToken works out from the token alone. While the user edits
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

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

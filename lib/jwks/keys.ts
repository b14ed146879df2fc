/**
 * Reads a JWKS (RFC 7517 §5) into one table row per key. Each key is checked on its own: a key that
 * cannot be imported is reported in its row and does not sink the rest of the set.
 */
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import type { JwksError } from './errors';
import { describeFirstCertificate, type CertificateSummary } from './certificate';

/** A JWKS bigger than this is almost surely not a key set; more rows would not help anyone. */
export const MAX_KEYS = 200;

export interface JwksKeyRow {
  /** Position in the `keys` array, for a stable React key and for messages ("key #3"). */
  index: number;
  kid?: string;
  kty: string;
  alg?: string;
  use?: string;
  keyOps?: string[];
  /** e.g. "P-256", "Ed25519" or "2048-bit modulus". */
  size?: string;
  /** RFC 7638 SHA-256 thumbprint, when the key has the members the RFC requires. */
  thumbprint?: string;
  certificate?: CertificateSummary;
  /** The key contains private members (`d`, `p`, `k`...): a published JWKS must never do that. */
  hasPrivateParts: boolean;
  /** This key's kid equals the token's kid. */
  matchesToken: boolean;
  importable: boolean;
  /** Why the key cannot be used, in words the user can act on. */
  problem?: string;
  /** The key as JSON text, for "use this key" (passed to the verifier). */
  jwkJson: string;
}

export interface JwksTable {
  rows: JwksKeyRow[];
  /** Set-level notes: duplicate kids, private keys, keys dropped past the limit. */
  warnings: string[];
}

export type ReadJwksResult = { ok: true; table: JwksTable } | { ok: false; error: JwksError };

export interface ReadJwksOptions {
  /** The `kid` from the token's header, to mark the matching row. */
  tokenKid?: string;
  /** Milliseconds since the epoch, to say whether an x5c certificate has expired. */
  now: number;
}

/** Members that only a private or secret key has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'];

/** The algorithm to try an import with when the key names none: the usual one for its type. */
function importAlgorithm(jwk: Record<string, unknown>): string | undefined {
  if (typeof jwk.alg === 'string') return jwk.alg;
  switch (jwk.kty) {
    case 'RSA':
      return jwk.use === 'enc' ? 'RSA-OAEP-256' : 'RS256';
    case 'EC':
      return (
        { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512', secp256k1: 'ES256K' } as Record<
          string,
          string
        >
      )[String(jwk.crv)];
    case 'OKP':
      return (
        { Ed25519: 'Ed25519', Ed448: 'EdDSA', X25519: 'ECDH-ES', X448: 'ECDH-ES' } as Record<string, string>
      )[String(jwk.crv)];
    default:
      return undefined;
  }
}

function modulusBits(n: unknown): number | undefined {
  if (typeof n !== 'string') return undefined;
  const decoded = decodeBase64url(n);
  if (!decoded.ok) return undefined;
  const bytes = decoded.bytes;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

function keySize(jwk: Record<string, unknown>): string | undefined {
  if (jwk.kty === 'RSA') {
    const bits = modulusBits(jwk.n);
    return bits === undefined ? undefined : `${bits}-bit modulus`;
  }
  if (typeof jwk.crv === 'string') return jwk.crv;
  if (jwk.kty === 'oct' && typeof jwk.k === 'string') {
    const decoded = decodeBase64url(jwk.k);
    return decoded.ok ? `${decoded.bytes.length * 8}-bit secret` : undefined;
  }
  return undefined;
}

/** Why jose or WebCrypto refused the key, in our words (raw messages never reach the user). */
function importProblem(err: unknown, jwk: Record<string, unknown>, alg: string | undefined): string {
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (code === 'ERR_JOSE_NOT_SUPPORTED') {
    return `This browser cannot use this ${String(jwk.kty)} key${jwk.crv ? ` (curve ${String(jwk.crv)})` : ''} with ${alg ?? 'any algorithm'}. Other keys in the set still work.`;
  }
  return `The key data is not a valid ${String(jwk.kty)} key${alg ? ` for ${alg}` : ''}: a member is missing or malformed (check n/e, x/y or crv). Other keys in the set still work.`;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function readKey(value: unknown, index: number, options: ReadJwksOptions): Promise<JwksKeyRow> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      index,
      kty: '?',
      hasPrivateParts: false,
      matchesToken: false,
      importable: false,
      problem: `Key #${index + 1} is not a JSON object, so it is skipped.`,
      jwkJson: JSON.stringify(value),
    };
  }
  const jwk = value as Record<string, unknown>;
  const kid = optionalString(jwk.kid);
  const row: JwksKeyRow = {
    index,
    kid,
    kty: typeof jwk.kty === 'string' ? jwk.kty : '?',
    alg: optionalString(jwk.alg),
    use: optionalString(jwk.use),
    keyOps: Array.isArray(jwk.key_ops) ? jwk.key_ops.map(String) : undefined,
    size: keySize(jwk),
    hasPrivateParts: PRIVATE_MEMBERS.some((member) => member in jwk),
    matchesToken: kid !== undefined && kid === options.tokenKid,
    importable: false,
    jwkJson: JSON.stringify(jwk, null, 2),
  };
  if (Array.isArray(jwk.x5c) && jwk.x5c.length > 0) {
    row.certificate = describeFirstCertificate(jwk.x5c, options.now);
  }
  if (typeof jwk.kty !== 'string') {
    row.problem = `Key #${index + 1} has no "kty" (key type), so it cannot be used.`;
    return row;
  }
  try {
    row.thumbprint = await calculateJwkThumbprint(jwk as JWK, 'sha256');
  } catch {
    // The thumbprint needs the RFC 7638 required members; the import below explains what is missing.
  }
  const alg = importAlgorithm(jwk);
  try {
    await importJWK(jwk as JWK, alg);
    row.importable = true;
  } catch (err) {
    row.problem =
      alg === undefined && jwk.kty !== 'oct'
        ? `Key #${index + 1} (${row.kty}) names no "alg" and JWT Lens cannot guess one${jwk.crv ? ` for curve ${String(jwk.crv)}` : ''}.`
        : importProblem(err, jwk, alg);
  }
  return row;
}

/** Checks the shape of a JWKS and reads every key. Never throws. */
export async function readJwks(json: unknown, options: ReadJwksOptions): Promise<ReadJwksResult> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      error: {
        code: 'jwks-not-object',
        message: 'A JWKS is a JSON object like {"keys": [...]}; this is not an object.',
      },
    };
  }
  const keys = (json as Record<string, unknown>).keys;
  if (!Array.isArray(keys)) {
    const hint =
      'jwks_uri' in json
        ? ' This is a discovery document: use its jwks_uri, or enter the issuer URL and JWT Lens will follow it.'
        : 'kty' in json
          ? ' This is a single key (a JWK), not a set: wrap it as {"keys": [ ... ]}.'
          : '';
    return {
      ok: false,
      error: {
        code: 'jwks-no-keys-array',
        message: `The JSON has no "keys" array, so it is not a JWKS.${hint}`,
      },
    };
  }
  if (keys.length === 0) {
    return {
      ok: false,
      error: {
        code: 'jwks-empty',
        message:
          'The key set is empty ({"keys": []}). The issuer publishes no keys at this address: check the URL, or the issuer may be mid-rotation, so try "Refresh" in a minute.',
      },
    };
  }
  const warnings: string[] = [];
  const considered = keys.slice(0, MAX_KEYS);
  if (keys.length > MAX_KEYS)
    warnings.push(`The set has ${keys.length} keys; only the first ${MAX_KEYS} are shown.`);
  const rows = await Promise.all(considered.map((key, index) => readKey(key, index, options)));

  const seen = new Map<string, number>();
  for (const row of rows) if (row.kid !== undefined) seen.set(row.kid, (seen.get(row.kid) ?? 0) + 1);
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([kid]) => kid);
  if (duplicates.length > 0) {
    warnings.push(
      `More than one key has the kid ${duplicates.map((kid) => `"${kid}"`).join(', ')}; a verifier may pick either, so try each.`,
    );
  }
  const privateRows = rows.filter((row) => row.hasPrivateParts);
  if (privateRows.length > 0) {
    warnings.push(
      `Key${privateRows.length > 1 ? 's' : ''} ${privateRows.map((row) => `#${row.index + 1}`).join(', ')} contain${privateRows.length > 1 ? '' : 's'} private or secret key material. A published JWKS must hold public keys only: tell the issuer, and treat that key as leaked.`,
    );
  }
  return { ok: true, table: { rows, warnings } };
}

/** Accepts pasted text: a JWKS, or a single JWK (wrapped into a set, with a note). */
export async function readPastedJwks(text: string, options: ReadJwksOptions): Promise<ReadJwksResult> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {
      ok: false,
      error: { code: 'jwks-empty-input', message: 'Paste a JWKS, such as {"keys": [...]}.' },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return {
      ok: false,
      error: {
        code: 'jwks-not-json',
        message: `The pasted text is not JSON (it starts with "${trimmed.slice(0, 40)}"). Paste the whole response body of the JWKS URL.`,
      },
    };
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    'kty' in json &&
    !('keys' in json)
  ) {
    const result = await readJwks({ keys: [json] }, options);
    if (result.ok)
      result.table.warnings.unshift('You pasted a single key (a JWK); it is shown as a set of one.');
    return result;
  }
  return readJwks(json, options);
}

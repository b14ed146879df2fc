/**
 * signToken: the encoder's one entry point. It checks the header and payload JSON, finds the
 * key (through the shared importer, lib/keys/import.ts), checks that the key fits the alg,
 * and signs the exact bytes the user wrote with WebCrypto (RFC 7515 §5.1). Never rejects.
 */
import type { LensError } from '../errors';
import { importVerificationKey, type ImportedKey, type SecretEncoding } from '../keys/import';
import { encodeBase64url, encodeBase64urlText } from '../token/base64url';
import type { Finding, TokenPartSpan } from '../types';
import {
  compactJson,
  setTopLevelMember,
  validateJsonObjectText,
  type EncodePart,
  type JsonTextPosition,
} from './json-text';
import {
  MIN_RSA_BITS,
  signingAlgorithm,
  webCryptoKeyParams,
  webCryptoSignParams,
  type SigningAlgorithm,
} from './signing-algorithms';

export interface SignInput {
  /** The JOSE header as JSON text; its `alg` is set to `options.alg`. */
  header: string;
  /** The claims set as JSON text, signed exactly as written (whitespace removed). */
  payload: string;
}

export interface SignOptions {
  alg: string;
  /** How to read a shared secret; default 'utf8'. */
  secretEncoding?: SecretEncoding;
  /** `alg: none` produces an unsigned token only when this is true (RFC 7518 §3.6). */
  allowNone?: boolean;
}

export type SignErrorCode =
  | 'alg-unsupported'
  | 'none-not-allowed'
  | 'json-invalid'
  | 'json-not-object'
  | 'key-alg-mismatch'
  | 'key-not-private'
  | 'key-refused'
  | 'sign-failed'
  | (string & {});

export interface SignedToken {
  ok: true;
  token: string;
  /** The header as signed (compact JSON), with `alg` set. */
  headerJson: string;
  /** Coloured spans for the output view. */
  parts: TokenPartSpan[];
  /** Things the user should know: a short secret, duplicate members, a known example secret. */
  warnings: Finding[];
  /** Which key signed, for people: "PEM private key (PKCS#8)". */
  keySource?: string;
}

export interface SignError extends Omit<LensError, 'part'> {
  code: SignErrorCode;
  /** The input to fix: the header or payload editor, or the key box. */
  field?: EncodePart | 'key';
  /** Where in the header or payload text the JSON breaks. */
  at?: JsonTextPosition;
}

export type SignResult = SignedToken | { ok: false; error: SignError; warnings: Finding[] };

const KEY_KIND: Record<string, string> = {
  oct: 'a shared secret',
  RSA: 'an RSA key',
  EC: 'an EC key',
  OKP: 'an OKP key',
};

export async function signToken(
  input: SignInput,
  keyText: string,
  options: SignOptions,
): Promise<SignResult> {
  const warnings: Finding[] = [];
  const failure = (code: SignErrorCode, message: string, field?: EncodePart | 'key'): SignResult => ({
    ok: false,
    error: { code, message, ...(field ? { field } : {}) },
    warnings,
  });

  const isNone = options.alg === 'none';
  const row = signingAlgorithm(options.alg);
  if (!row && !isNone) {
    return failure(
      'alg-unsupported',
      `The encoder cannot sign with "${options.alg}". Choose HS*, RS*, PS*, ES*, EdDSA or Ed25519.`,
    );
  }
  if (isNone && options.allowNone !== true) {
    return failure(
      'none-not-allowed',
      'alg "none" makes an unsigned token that anyone can forge. Tick "Create an unsigned token (alg: none)" if you really want one, for example to test that a server rejects it.',
    );
  }

  const header = setTopLevelMember(input.header, 'header', 'alg', JSON.stringify(options.alg));
  if (!header.ok) return { ok: false, error: jsonError(header.error, 'header'), warnings };
  const headerCheck = validateJsonObjectText(header.text, 'header');
  const payloadCheck = validateJsonObjectText(input.payload, 'payload');
  if (!payloadCheck.ok) return { ok: false, error: jsonError(payloadCheck.error, 'payload'), warnings };
  for (const path of [...(headerCheck.ok ? headerCheck.duplicates : []), ...payloadCheck.duplicates]) {
    warnings.push({
      id: 'duplicate-member',
      severity: 'warning',
      path,
      message: `${path} appears more than once. Verifiers disagree on which value wins, so remove the extra one.`,
    });
  }

  const headerJson = compactJson(header.text);
  const signingInput = `${encodeBase64urlText(headerJson)}.${encodeBase64urlText(compactJson(input.payload))}`;
  if (isNone || !row) return signed(signingInput, '', headerJson, warnings);

  const key = await signingKeyFor(row, keyText, options.secretEncoding ?? 'utf8', warnings);
  if (!key.ok) return failure(key.error.code, key.error.message, 'key');

  try {
    const signature = await crypto.subtle.sign(
      webCryptoSignParams(row),
      key.cryptoKey,
      new TextEncoder().encode(signingInput),
    );
    return {
      ...signed(signingInput, encodeBase64url(new Uint8Array(signature)), headerJson, warnings),
      keySource: key.source,
    };
  } catch {
    return failure(
      'sign-failed',
      `This browser could not sign with ${row.alg}.${row.family === 'eddsa' ? ' Ed25519 needs a current browser (Chrome 137+, Firefox 129+, Safari 17+).' : ' Check that the key is complete.'}`,
      'key',
    );
  }
}

function jsonError(error: LensError & { at?: JsonTextPosition }, field: EncodePart): SignError {
  return { code: error.code, message: error.message, field, ...(error.at ? { at: error.at } : {}) };
}

function signed(
  signingInput: string,
  signature: string,
  headerJson: string,
  warnings: Finding[],
): SignedToken {
  const [h, p] = signingInput.split('.') as [string, string];
  return {
    ok: true,
    token: `${signingInput}.${signature}`,
    headerJson,
    parts: [
      { kind: 'header', text: h },
      { kind: 'separator', text: '.' },
      { kind: 'payload', text: p },
      { kind: 'separator', text: '.' },
      { kind: 'signature', text: signature },
    ],
    warnings,
  };
}

type SigningKey =
  | { ok: true; cryptoKey: CryptoKey; source: string }
  | { ok: false; error: { code: SignErrorCode; message: string } };

/** Reads the key text, picks the key that fits the alg, and imports it for signing. */
async function signingKeyFor(
  row: SigningAlgorithm,
  keyText: string,
  secretEncoding: SecretEncoding,
  warnings: Finding[],
): Promise<SigningKey> {
  if (keyText.trim().length === 0) {
    return {
      ok: false,
      error: {
        code: 'key-empty',
        message:
          row.family === 'hmac'
            ? `Enter the shared secret to sign with ${row.alg}.`
            : `Paste the private key to sign with ${row.alg}: a PEM PRIVATE KEY (PKCS#8), RSA PRIVATE KEY, EC PRIVATE KEY, or a private JWK. Generate one in the Keys tab.`,
      },
    };
  }
  const imported = importVerificationKey(keyText, { secretEncoding, alg: row.alg });
  if (!imported.ok) return { ok: false, error: imported.error };
  // A private key is expected here, and short secrets get the signing-specific warning below.
  warnings.push(
    ...imported.findings.filter(
      (f) => f.id !== 'private-key-pasted' && !(f.id === 'weak-secret' && f.severity === 'warning'),
    ),
  );
  const problems = imported.keys.map((key) => mismatch(row, key));
  const index = problems.findIndex((p) => p === undefined);
  const key = imported.keys[index];
  if (!key) {
    return {
      ok: false,
      error: problems[0] ?? { code: 'key-alg-mismatch', message: 'The key text holds no key.' },
    };
  }
  if (row.family === 'hmac') {
    const secret = key.secret!;
    if (secret.length < row.hashBytes!) {
      warnings.push({
        id: 'hmac-secret-short',
        severity: 'warning',
        message: `The secret is ${secret.length} bytes; ${row.alg} needs at least ${row.hashBytes} (RFC 7518 §3.2), or anyone holding a token can brute-force it offline. Generate one in the Keys tab.`,
      });
    }
  }
  try {
    const cryptoKey =
      row.family === 'hmac'
        ? await crypto.subtle.importKey('raw', key.secret! as BufferSource, webCryptoKeyParams(row), false, [
            'sign',
          ])
        : await crypto.subtle.importKey(
            'jwk',
            jwkForImport(key.privateJwk!),
            webCryptoKeyParams(row),
            false,
            ['sign'],
          );
    return { ok: true, cryptoKey, source: key.source };
  } catch {
    return {
      ok: false,
      error: {
        code: 'sign-failed',
        message: `This browser could not use the key for ${row.alg}.${row.family === 'eddsa' ? ' Ed25519 needs a current browser (Chrome 137+, Firefox 129+, Safari 17+).' : ' Check that the private key is complete.'}`,
      },
    };
  }
}

/** Only the key members: WebCrypto refuses a JWK whose alg, use or key_ops disagree with the import. */
function jwkForImport(jwk: Record<string, unknown>): JsonWebKey {
  const { alg: _alg, use: _use, key_ops: _ops, ext: _ext, kid: _kid, ...members } = jwk;
  return members as JsonWebKey;
}

/** Why this key cannot sign with this alg, or undefined when it can. */
function mismatch(
  row: SigningAlgorithm,
  key: ImportedKey,
): { code: SignErrorCode; message: string } | undefined {
  const bad = (message: string) => ({ code: 'key-alg-mismatch' as const, message });
  const what = key.crv ? `${KEY_KIND[key.kty] ?? 'a key'} on ${key.crv}` : (KEY_KIND[key.kty] ?? 'a key');
  if (key.refusal) return { code: 'key-refused', message: key.refusal.message };
  if (row.family === 'hmac') {
    if (key.kty === 'oct' && key.secret) return undefined;
    return bad(
      `${row.alg} signs with a shared secret, but this is ${what} (${key.source}). Choose ${suggestAlg(key)} for this key, or enter a secret.`,
    );
  }
  if (key.kty === 'oct') {
    return bad(
      `${row.alg} needs a private key, but this is a shared secret. Choose HS256, HS384 or HS512, or paste a private key.`,
    );
  }
  switch (row.family) {
    case 'rsa-pkcs1':
    case 'rsa-pss':
      if (key.kty !== 'RSA')
        return bad(`${row.alg} needs an RSA key; this is ${what}. Choose ${suggestAlg(key)} instead.`);
      if (key.bits < MIN_RSA_BITS) {
        return bad(
          `${row.alg} needs an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3); this one has ${key.bits}. Generate a new key in the Keys tab.`,
        );
      }
      break;
    case 'ecdsa':
      if (key.kty !== 'EC')
        return bad(
          `${row.alg} needs an EC ${row.curve} key; this is ${what}. Choose ${suggestAlg(key)} instead.`,
        );
      if (key.crv !== row.curve) {
        return bad(
          `${row.alg} needs a ${row.curve} key; this is ${key.crv}.${key.crv === 'secp256k1' ? ' ES256K is not supported by browsers.' : ` Choose ${suggestAlg(key)} instead.`}`,
        );
      }
      break;
    case 'eddsa':
      if (key.kty !== 'OKP' || key.crv !== 'Ed25519') {
        return bad(
          `${row.alg} needs an Ed25519 key; this is ${what}.${key.crv === 'Ed448' ? ' Browsers cannot sign with Ed448.' : ` Choose ${suggestAlg(key)} instead.`}`,
        );
      }
      break;
  }
  if (!key.privateJwk) {
    return {
      code: 'key-not-private',
      message: `This is a public key (${key.source}); signing needs the private key. Paste a PEM PRIVATE KEY (PKCS#8), RSA PRIVATE KEY or EC PRIVATE KEY block, or a JWK with "d".`,
    };
  }
  return undefined;
}

/** The algs a key can sign with, for error messages. */
function suggestAlg(key: ImportedKey): string {
  if (key.kty === 'oct') return 'HS256, HS384 or HS512';
  if (key.kty === 'RSA') return 'an RS or PS alg';
  if (key.kty === 'EC')
    return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[key.crv ?? ''] ?? 'another key';
  return key.crv === 'Ed25519' ? 'EdDSA' : 'another key';
}

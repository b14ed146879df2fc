/**
 * Property-based tests: hostile input never makes the public API throw or reject, and tokens we encode decode
 * back to what was encoded. CI runs a few thousand cases; `npm run fuzz` sets FUZZ_RUNS=100000 and reports the
 * rate of each property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeToken,
  decryptToken,
  encodeBase64url,
  encodeBase64urlText,
  EXAMPLES,
  importVerificationKey,
  readPastedJwks,
  signToken,
  verifyToken,
} from './index';

/**
 * Cases per property. In `npm test` the async properties run a tenth (WebCrypto is slower, and CI time is
 * shared); `npm run fuzz` runs every property FUZZ_RUNS times (about 3 minutes for 100,000 on 2 cores).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const ASYNC_RUNS = process.env.FUZZ_RUNS ? RUNS : Math.max(100, Math.round(RUNS / 10));
const NOW = new Date('2026-01-01T00:00:00Z');
const TIMEOUT_MS = process.env.FUZZ_RUNS ? 3_600_000 : 120_000;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
/** Base64url of real bytes: always a valid length. */
const signatureSegment = fc.uint8Array({ maxLength: 64 }).map(encodeBase64url);
const segment = fc.string({ unit: fc.constantFrom(...B64URL), maxLength: 80 });
const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\ud800',
  '9'.repeat(400),
  '-1e999',
  '{"a":'.repeat(200),
);
const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), nasty);
const algs = fc.constantFrom(
  'HS256',
  'RS256',
  'PS384',
  'ES256',
  'ES512',
  'EdDSA',
  'Ed25519',
  'none',
  'nOnE',
  'dir',
  'A256KW',
  'RSA-OAEP',
  'PBES2-HS256+A128KW',
  'HS1',
);
const headerObject = fc.record(
  {
    alg: fc.oneof(algs, text),
    typ: fc.oneof(fc.constantFrom('JWT', 'at+jwt', 'dc+sd-jwt'), text),
    kid: text,
    enc: fc.constantFrom('A128GCM', 'A256GCM', 'A128CBC-HS256'),
    zip: fc.constantFrom('DEF', 'x'),
    crit: fc.array(fc.oneof(fc.constantFrom('b64', 'exp'), text), { maxLength: 3 }),
    b64: fc.boolean(),
    p2c: fc.integer(),
    jku: text,
    x5c: fc.array(fc.oneof(segment, text), { maxLength: 2 }),
    jwk: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  },
  { requiredKeys: [] },
);
const jsonSegment = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => encodeBase64urlText(JSON.stringify(v) ?? 'null'));
const objectSegment = headerObject.map((h) => encodeBase64urlText(JSON.stringify(h)));
const anySegment = fc.oneof(segment, jsonSegment, objectSegment, text);

/** Strings shaped like everything people paste: JWS, JWE, SD-JWT, JWS JSON, headers, garbage. */
const tokenLike = fc.oneof(
  text,
  fc.array(anySegment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
  fc.tuple(objectSegment, jsonSegment, segment).map(([h, p, s]) => `${h}.${p}.${s}`),
  fc.tuple(objectSegment, segment, segment, segment, segment).map((parts) => parts.join('.')),
  fc
    .tuple(objectSegment, jsonSegment, segment, fc.array(fc.oneof(jsonSegment, segment), { maxLength: 3 }))
    .map(([h, p, s, disclosures]) => `${h}.${p}.${s}~${disclosures.join('~')}~`),
  fc
    .record(
      {
        payload: anySegment,
        signatures: fc.array(
          fc.record({ protected: anySegment, signature: segment, header: fc.jsonValue({ maxDepth: 2 }) }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc
    .tuple(
      fc.constantFrom('Bearer ', 'Authorization: Bearer ', '"', ' \n'),
      fc.constantFrom(...EXAMPLES.map((e) => e.token)),
    )
    .map(([p, t]) => p + t),
  fc
    .tuple(
      fc.constantFrom(...EXAMPLES.map((e) => e.token)),
      fc.nat(),
      fc.constantFrom(...B64URL, '.', '~', ''),
    )
    .map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice((i % (t.length + 1)) + 1)),
);

const jwkLike = fc.record(
  {
    kty: fc.oneof(fc.constantFrom('RSA', 'EC', 'OKP', 'oct'), text),
    crv: fc.oneof(fc.constantFrom('P-256', 'P-384', 'P-521', 'Ed25519', 'X25519', 'secp256k1'), text),
    x: segment,
    y: segment,
    n: segment,
    e: fc.constantFrom('AQAB', 'Aw', '', 'AA'),
    k: segment,
    d: segment,
    alg: fc.oneof(algs, text),
    kid: text,
    use: fc.constantFrom('sig', 'enc', 'x'),
    key_ops: fc.array(text, { maxLength: 2 }),
    x5c: fc.array(fc.oneof(segment, text), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
/** Key text as people paste it: secrets, PEM blocks, certificates, JWKs, JWKS, garbage. */
const keyLike = fc.oneof(
  text,
  jwkLike.map((k) => JSON.stringify(k)),
  fc.array(jwkLike, { maxLength: 3 }).map((keys) => JSON.stringify({ keys })),
  fc
    .tuple(
      fc.constantFrom('PUBLIC KEY', 'PRIVATE KEY', 'CERTIFICATE', 'RSA PUBLIC KEY', 'EC PRIVATE KEY', 'X'),
      fc.base64String({ maxLength: 200 }),
    )
    .map(([label, body]) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`),
  fc.constantFrom(...EXAMPLES.flatMap((e) => (e.key ? [e.key] : []))),
);

function timed<T>(name: string, runs: number, run: () => T): T {
  const start = performance.now();
  const result = run();
  if (process.env.FUZZ_RUNS) {
    const seconds = (performance.now() - start) / 1000;
    console.log(`${name}: ${runs} cases in ${seconds.toFixed(1)} s (${Math.round(runs / seconds)}/s)`);
  }
  return result;
}

async function timedAsync(name: string, runs: number, run: () => Promise<void>) {
  const start = performance.now();
  await run();
  if (process.env.FUZZ_RUNS) {
    const seconds = (performance.now() - start) / 1000;
    console.log(`${name}: ${runs} cases in ${seconds.toFixed(1)} s (${Math.round(runs / seconds)}/s)`);
  }
}

function isLensError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string' && e.message.length > 0;
}

describe('hostile input never throws', () => {
  it(
    'decodeToken returns a result for any string',
    () => {
      timed('decodeToken', RUNS, () =>
        fc.assert(
          fc.property(fc.oneof(tokenLike, fc.string({ unit: 'binary' })), (input) => {
            const result = decodeToken(input, { now: NOW });
            expect(typeof result.ok).toBe('boolean');
            if (!result.ok) expect(isLensError(result.error)).toBe(true);
          }),
          { numRuns: RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'importVerificationKey returns a result for any key text',
    () => {
      timed('importVerificationKey', RUNS, () =>
        fc.assert(
          fc.property(keyLike, (key) => {
            const result = importVerificationKey(key);
            if (!result.ok) expect(isLensError(result.error)).toBe(true);
          }),
          { numRuns: RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'verifyToken never rejects, for any token and any key text',
    async () => {
      await timedAsync('verifyToken', ASYNC_RUNS, () =>
        fc.assert(
          fc.asyncProperty(tokenLike, keyLike, async (token, key) => {
            const result = await verifyToken(token, key, { currentDate: NOW });
            expect(['valid', 'invalid', 'error']).toContain(result.signature);
            for (const error of result.errors ?? []) expect(isLensError(error)).toBe(true);
          }),
          { numRuns: ASYNC_RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'decryptToken and readPastedJwks never reject',
    async () => {
      await timedAsync('decryptToken + readPastedJwks', ASYNC_RUNS, () =>
        fc.assert(
          fc.asyncProperty(tokenLike, keyLike, async (token, key) => {
            const decrypted = await decryptToken(token, key);
            expect(typeof decrypted.ok).toBe('boolean');
            const jwks = await readPastedJwks(key, { now: NOW.getTime() });
            expect(typeof jwks.ok).toBe('boolean');
          }),
          { numRuns: ASYNC_RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );
});

/** JSON as JSON.parse gives it back: -0 becomes 0, undefined members vanish. */
const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('decode(encode(x)) round-trips', () => {
  const claims = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });

  it(
    'for generated headers and payloads, encoded by hand',
    () => {
      timed('decode(encode(x))', RUNS, () =>
        fc.assert(
          fc.property(headerObject, claims, signatureSegment, (generated, payload, signature) => {
            // b64: false (RFC 7797) means the payload is not base64url; that case has its own unit tests.
            const { b64: _b64, ...header } = generated;
            const token = `${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.${signature}`;
            const result = decodeToken(token, { now: NOW });
            if (!result.ok) {
              // The only refusals allowed for valid JSON: a 5-part shape cannot happen, so it must be the header's
              // JSON nesting or size; generated values are shallow, so nothing should fail.
              throw new Error(`${result.error.code}: ${result.error.message}`);
            }
            expect(viaJson(result.header)).toEqual(viaJson(header));
            expect(viaJson(result.payload)).toEqual(viaJson(payload));
            expect(result.segments.signature).toBe(signature);
          }),
          { numRuns: RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'for tokens our encoder signs (HS256), which also verify',
    async () => {
      const secret = 'fuzz-secret-of-at-least-thirty-two-bytes!';
      await timedAsync('signToken → decodeToken → verifyToken', ASYNC_RUNS, () =>
        fc.assert(
          fc.asyncProperty(
            fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
            claims,
            async (extra, payload) => {
              const header = { ...viaJson(extra), typ: 'JWT' };
              delete header.alg;
              delete header.crit;
              delete header.b64;
              const signed = await signToken(
                { header: JSON.stringify(header), payload: JSON.stringify(payload) },
                secret,
                { alg: 'HS256' },
              );
              if (!signed.ok) throw new Error(`${signed.error.code}: ${signed.error.message}`);
              const decoded = decodeToken(signed.token, { now: NOW });
              if (!decoded.ok) throw new Error(decoded.error.message);
              expect(viaJson(decoded.header)).toEqual({ ...header, alg: 'HS256' });
              expect(viaJson(decoded.payload)).toEqual(viaJson(payload));
              const verified = await verifyToken(signed.token, secret, { currentDate: NOW });
              expect(verified.signature).toBe('valid');
            },
          ),
          { numRuns: ASYNC_RUNS },
        ),
      );
    },
    TIMEOUT_MS,
  );
});

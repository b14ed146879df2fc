/**
 * Prototype pollution and inherited-name lookups: member names such as "__proto__", "constructor" or "toString"
 * in claims, headers, disclosures and JWK fields must change nothing outside the result, and must be treated
 * as the plain unknown strings they are (never as a hit in one of our lookup tables).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeToken,
  decryptToken,
  encodeBase64urlText,
  importVerificationKey,
  readPastedJwks,
  signToken,
  verifyToken,
} from './index';

const b64 = (text: string) => encodeBase64urlText(text);
const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const POLLUTER =
  '{"__proto__":{"polluted":"yes","admin":true},"constructor":{"prototype":{"polluted":"yes"}},"sub":"x"}';
const SECRET = 'a-secret-of-at-least-thirty-two-bytes-long!';

let prototypeNames: string[] = [];
beforeEach(() => {
  prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  // Nothing anywhere gained a property through Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
});

function isMessage(value: unknown) {
  return typeof value === 'string' && value.length > 0;
}

describe('decodeToken', () => {
  it('keeps "__proto__" and "constructor" claims as plain own members', () => {
    const result = decodeToken(`${b64('{"alg":"HS256","__proto__":{"alg":"none"}}')}.${b64(POLLUTER)}.c2ln`);
    if (!result.ok) throw new Error(result.error.message);
    const payload = result.payload as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(['__proto__', 'constructor', 'sub']);
    expect(payload.admin).toBeUndefined();
    expect(result.header.alg).toBe('HS256');
    expect(Object.getOwnPropertyDescriptor(result.header, '__proto__')?.value).toEqual({ alg: 'none' });
    expect(result.payloadJson).toContain('"__proto__"');
  });

  it('handles SD-JWT disclosures named after inherited members', () => {
    const disclosures = INHERITED.map((name) => b64(JSON.stringify(['salt', name, { polluted: 'yes' }])));
    const jws = `${b64('{"alg":"HS256","typ":"dc+sd-jwt"}')}.${b64('{"_sd_alg":"__proto__","_sd":[]}')}.c2ln`;
    const result = decodeToken(`${jws}~${disclosures.join('~')}~`);
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) expect(isMessage(result.error.message)).toBe(true);
  });
});

describe('inherited names are never a hit in a lookup table', () => {
  for (const name of INHERITED) {
    it(`alg "${name}" is refused as unknown by verifyToken, signToken and decryptToken`, async () => {
      const token = `${b64(JSON.stringify({ alg: name, kid: name }))}.${b64(POLLUTER)}.c2ln`;
      const verified = await verifyToken(token, SECRET);
      expect(verified.signature).toBe('error');
      for (const error of verified.errors ?? []) expect(isMessage(error.message)).toBe(true);

      const signed = await signToken({ header: '{}', payload: POLLUTER }, SECRET, { alg: name });
      expect(signed.ok).toBe(false);
      if (!signed.ok) expect(isMessage(signed.error.message)).toBe(true);

      const jwe = `${b64(JSON.stringify({ alg: name, enc: name }))}.AA.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA`;
      const decrypted = await decryptToken(jwe, SECRET);
      expect(decrypted.ok).toBe(false);
      if (!decrypted.ok) expect(isMessage(decrypted.error.message)).toBe(true);
    });

    it(`a key whose alg is "${name}" is handled with a readable message`, () => {
      const result = importVerificationKey(SECRET, { alg: name });
      if (!result.ok) expect(isMessage(result.error.message)).toBe(true);
      for (const finding of result.ok ? (result.findings ?? []) : [])
        expect(isMessage(finding.message)).toBe(true);
    });
  }
});

describe('JWK and JWKS fields', () => {
  it('a JWK with "__proto__" members imports as the key it is, and pollutes nothing', () => {
    const jwk = `{"kty":"oct","k":"${b64(SECRET)}","__proto__":{"alg":"none","kty":"RSA"},"constructor":{"prototype":{"polluted":"yes"}}}`;
    const result = importVerificationKey(jwk);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.keys[0]?.kty).toBe('oct');
  });

  it('a JWKS with polluting keys and members lists them as rows, nothing more', async () => {
    const jwks = `{"__proto__":{"keys":[]},"keys":[{"kty":"oct","k":"${b64(SECRET)}","kid":"__proto__","__proto__":{"polluted":"yes"}},{"__proto__":{"kty":"oct"}}]}`;
    const result = await readPastedJwks(jwks, { now: 0, tokenKid: '__proto__' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.table.rows).toHaveLength(2);
  });
});

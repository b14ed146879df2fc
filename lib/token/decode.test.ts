import { describe, expect, it } from 'vitest';
import { decodeToken, MAX_INPUT_CHARS } from './decode';
import { encodeBase64urlText } from './base64url';
import type { DecodeResult, DecodedOk, DecodedError } from '../types';

const b64 = (value: unknown) =>
  encodeBase64urlText(typeof value === 'string' ? value : JSON.stringify(value));
const jws = (header: unknown, payload: unknown, sig = 'c2lnbmF0dXJl') =>
  `${b64(header)}.${b64(payload)}.${sig}`;
const now = new Date('2026-06-01T00:00:00Z');

function ok(r: DecodeResult): DecodedOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}
function err(r: DecodeResult): DecodedError {
  if (r.ok) throw new Error('expected an error');
  return r;
}
const ids = (r: DecodeResult) => r.findings.map((f) => f.id);

describe('decodeToken: compact JWS', () => {
  it('decodes header, payload and segments', () => {
    const token = jws({ alg: 'HS256', typ: 'JWT' }, { sub: '42', exp: 1800000000 });
    const r = ok(decodeToken(token, { now }));
    expect(r.format).toBe('jws');
    expect(r.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(r.payload).toEqual({ sub: '42', exp: 1800000000 });
    expect(r.segments.signature).toBe('c2lnbmF0dXJl');
    expect(r.serialization).toBe('compact');
    expect(r.payloadIsJson).toBe(true);
    expect(r.headerJson).toBe('{\n  "alg": "HS256",\n  "typ": "JWT"\n}');
    expect(r.parts.map((p) => p.kind)).toEqual(['header', 'separator', 'payload', 'separator', 'signature']);
    expect(r.now).toBe(now.getTime());
  });

  it('treats alg none in any letter case as unsecured', () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const r = ok(decodeToken(`${b64({ alg })}.${b64({ sub: 'x' })}.`));
      expect(r.format).toBe('unsecured');
      expect(ids(r)).toContain('alg-none');
    }
  });

  it('shows a non-JSON payload as text with an info finding', () => {
    const r = ok(decodeToken(jws({ alg: 'HS256' }, 'hello, world')));
    expect(r.payload).toBe('hello, world');
    expect(r.payloadIsJson).toBe(false);
    expect(r.findings.find((f) => f.id === 'payload-not-json')?.severity).toBe('info');
  });

  it('warns when the payload looks like JSON but is broken', () => {
    const r = ok(decodeToken(jws({ alg: 'HS256' }, '{"sub": "x"')));
    expect(ids(r)).toContain('payload-invalid-json');
  });

  it('flags an empty signature on a signed alg', () => {
    const r = ok(decodeToken(jws({ alg: 'RS256' }, { sub: 'x' }, '')));
    expect(ids(r)).toContain('signature-missing');
  });

  it('decodes an RFC 7797 unencoded payload', () => {
    // RFC 7797 §5.2: the compact form carries the payload as is (it may not contain ".").
    const r = ok(
      decodeToken(
        `${b64({ alg: 'HS256', b64: false, crit: ['b64'] })}.$02 not base64!.c2ln`.replace(/ /g, '_'),
      ),
    );
    expect(r.payload).toBe('$02_not_base64!');
    expect(r.findings.map((f) => f.id)).not.toContain('crit-unsupported');
  });

  it('keeps the exact digits of big integers', () => {
    const r = ok(decodeToken(`${b64({ alg: 'HS256' })}.${b64('{"id":12345678901234567890123}')}.c2ln`));
    expect(r.bigNumbers).toEqual([{ path: 'payload.id', raw: '12345678901234567890123' }]);
    expect(r.payloadJson).toContain('12345678901234567890123');
  });

  it('shows HTML and script in claims as plain strings', () => {
    const r = ok(
      decodeToken(
        jws({ alg: 'HS256' }, { name: '<script>alert(1)</script>', x: '<img src=x onerror=alert(1)>' }),
      ),
    );
    expect((r.payload as Record<string, string>).name).toBe('<script>alert(1)</script>');
  });

  it('never pollutes prototypes from claims', () => {
    const r = ok(
      decodeToken(`${b64({ alg: 'HS256' })}.${b64('{"__proto__":{"isAdmin":true},"constructor":1}')}.c2ln`),
    );
    expect(Object.keys(r.payload as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(r.payload)).toBe(Object.prototype);
  });

  it('reports duplicate members in header and payload', () => {
    const r = ok(decodeToken(`${b64('{"alg":"HS256","alg":"none"}')}.${b64('{"sub":"a","sub":"b"}')}.c2ln`));
    const dup = r.findings.filter((f) => f.id === 'duplicate-member').map((f) => f.path);
    expect(dup).toEqual(['header.alg', 'payload.sub']);
  });

  it('decodes a 1 MB payload', () => {
    const big = { sub: 'x', blob: 'a'.repeat(1024 * 1024) };
    const r = ok(decodeToken(jws({ alg: 'HS256' }, big)));
    expect((r.payload as { blob: string }).blob.length).toBe(1024 * 1024);
  });

  it('decodes 5,000 levels of nesting without crashing', () => {
    const payload = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const r = ok(decodeToken(`${b64({ alg: 'HS256' })}.${b64(payload)}.c2ln`));
    expect(r.payloadIsJson).toBe(true);
  });

  it('reports non-canonical base64url', () => {
    const r = ok(decodeToken(`${b64({ alg: 'HS256' })}==.${b64({ a: 1 })}.c2ln`));
    expect(r.findings.find((f) => f.id === 'non-canonical-encoding')?.path).toBe('header');
  });
});

describe('decodeToken: what people paste', () => {
  const token = jws({ alg: 'HS256' }, { sub: 'x' });

  it('cleans a Bearer header line, quotes and wrapped lines and says so', () => {
    const r = ok(decodeToken(`Authorization: Bearer "${token.slice(0, 20)}\n${token.slice(20)}"`));
    expect(r.token).toBe(token);
    const info = r.findings.find((f) => f.id === 'input-cleaned');
    expect(info?.severity).toBe('info');
    expect(info?.message).toMatch(/Authorization/);
    expect(info?.message).toMatch(/1 line break/);
  });
});

describe('decodeToken: precise errors', () => {
  it('empty input', () => {
    expect(err(decodeToken('   ')).error.code).toBe('empty-input');
  });

  it('wrong segment count gives the count found', () => {
    const e = err(decodeToken('aaa.bbb'));
    expect(e.error).toMatchObject({ code: 'segment-count', part: 'token' });
    expect(e.error.message).toMatch(/Found 2 segments/);
    expect(e.error.message).toMatch(/cut off/);
    expect(err(decodeToken('a.b.c.d.e.f')).error.message).toMatch(/Found 6 segments/);
  });

  it('a character that is not base64url gives its position', () => {
    const h = b64({ alg: 'HS256' });
    const e = err(decodeToken(`${h}.ab$cd.sig`));
    expect(e.error).toMatchObject({ code: 'invalid-base64url', part: 'payload', position: h.length + 3 });
    expect(e.error.message).toContain('"$"');
  });

  it('a header that is not JSON', () => {
    const e = err(decodeToken(`${b64('not json')}.${b64({})}.sig`));
    expect(e.error).toMatchObject({ code: 'header-not-json', part: 'header' });
  });

  it('a header that is JSON but not an object', () => {
    for (const h of [[1], 'str', 12, null]) {
      const e = err(decodeToken(`${b64(JSON.stringify(h))}.${b64({})}.sig`));
      expect(e.error.code).toBe('header-not-object');
    }
  });

  it('a token cut off in the middle of its header', () => {
    const e = err(decodeToken(`${b64('{"alg":"HS256","ty')}.${b64({})}.sig`));
    expect(e.error.code).toBe('truncated');
    expect(e.error.message).toMatch(/cut off/);
  });

  it('a segment with an impossible base64url length', () => {
    const e = err(decodeToken(`${b64({ alg: 'HS256' })}.abcde.sig`));
    expect(e.error).toMatchObject({ code: 'truncated', part: 'payload' });
  });

  it('an empty header', () => {
    expect(err(decodeToken(`.${b64({})}.sig`)).error).toMatchObject({
      code: 'empty-segment',
      part: 'header',
    });
  });

  it('a header that is not UTF-8', () => {
    expect(err(decodeToken('__79.e30.sig')).error.code).toBe('invalid-utf8');
  });

  it('input over the size limit', () => {
    const e = err(decodeToken('a'.repeat(MAX_INPUT_CHARS + 1)));
    expect(e.error.code).toBe('input-too-large');
  });

  it('never throws for odd input types', () => {
    expect(decodeToken(undefined as unknown as string).ok).toBe(false);
    expect(decodeToken(null as unknown as string).ok).toBe(false);
  });
});

describe('decodeToken: JWE', () => {
  it('decodes the header, keeps the payload encrypted and says alg/enc', () => {
    const token = `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.ZW5j.aXY.Y2lwaGVy.dGFn`;
    const r = ok(decodeToken(token));
    expect(r.format).toBe('jwe');
    expect(r.payload).toBeUndefined();
    expect(r.segments).toMatchObject({
      encryptedKey: 'ZW5j',
      iv: 'aXY',
      ciphertext: 'Y2lwaGVy',
      tag: 'dGFn',
    });
    expect(r.findings.find((f) => f.id === 'jwe-encrypted')?.message).toMatch(/RSA-OAEP.*A256GCM/);
    expect(r.parts.filter((p) => p.kind !== 'separator').map((p) => p.kind)).toEqual([
      'header',
      'encrypted-key',
      'iv',
      'ciphertext',
      'tag',
    ]);
  });

  it('allows an empty encrypted key (dir) but not an empty ciphertext', () => {
    expect(ok(decodeToken(`${b64({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y2lwaGVy.dGFn`)).format).toBe('jwe');
    expect(err(decodeToken(`${b64({ alg: 'dir', enc: 'A128GCM' })}..aXY..dGFn`)).error.code).toBe(
      'empty-segment',
    );
  });

  it('decodes a JWE JSON serialization', () => {
    const json = JSON.stringify({
      protected: b64({ enc: 'A128GCM' }),
      recipients: [{ header: { alg: 'dir' } }],
      iv: 'aXY',
      ciphertext: 'Y2lw',
      tag: 'dGFn',
    });
    const r = ok(decodeToken(json));
    expect(r.format).toBe('jwe');
    expect(r.serialization).toBe('json-general');
  });
});

describe('decodeToken: JWS JSON serialization', () => {
  const payload = b64({ sub: 'x' });

  it('flattened', () => {
    const r = ok(
      decodeToken(
        JSON.stringify({
          payload,
          protected: b64({ alg: 'ES256' }),
          header: { kid: 'k1' },
          signature: 'c2ln',
        }),
      ),
    );
    expect(r.format).toBe('jws-json');
    expect(r.serialization).toBe('json-flattened');
    expect(r.header).toEqual({ alg: 'ES256' });
    expect(r.signatures?.[0]?.header).toEqual({ kid: 'k1' });
    expect(r.payload).toEqual({ sub: 'x' });
  });

  it('general, with every signature', () => {
    const r = ok(
      decodeToken(
        JSON.stringify({
          payload,
          signatures: [
            { protected: b64({ alg: 'RS256' }), header: { kid: 'a' }, signature: 'c2ln' },
            { protected: b64({ alg: 'ES256' }), header: { kid: 'b' }, signature: 'c2lnMg' },
          ],
        }),
      ),
    );
    expect(r.serialization).toBe('json-general');
    expect(r.signatures?.map((s) => s.protected.alg)).toEqual(['RS256', 'ES256']);
    expect(r.header).toEqual({ alg: 'RS256' });
  });

  it('explains broken JSON with its position', () => {
    const e = err(decodeToken('{"payload": "abc", "signature": '));
    expect(e.error).toMatchObject({ code: 'invalid-json-serialization' });
    expect(e.error.message).toMatch(/cut off/);
  });

  it('explains JSON that is not a JOSE serialization', () => {
    expect(err(decodeToken('{"hello": 1}')).error.message).toMatch(/neither/);
  });
});

describe('decodeToken: SD-JWT', () => {
  const issuer = jws(
    { alg: 'ES256', typ: 'dc+sd-jwt' },
    { _sd: ['abc'], _sd_alg: 'sha-256', iss: 'https://issuer.example' },
  );
  const disclosure = b64(['salt', 'given_name', 'Ada']);

  it('recognises the format and decodes the issuer-signed JWT', () => {
    const r = ok(decodeToken(`${issuer}~${disclosure}~`));
    expect(r.format).toBe('sd-jwt');
    expect((r.payload as { iss: string }).iss).toBe('https://issuer.example');
    expect(r.segments.disclosure1).toBe(disclosure);
    expect(r.parts.some((p) => p.kind === 'disclosure')).toBe(true);
  });

  it('keeps a key-binding JWT', () => {
    const kb = jws({ alg: 'ES256', typ: 'kb+jwt' }, { nonce: 'n' });
    const r = ok(decodeToken(`${issuer}~${disclosure}~${kb}`));
    expect(r.segments.kb).toBe(kb);
  });

  it('rejects a broken issuer JWT or key-binding part', () => {
    expect(err(decodeToken(`abc.def~${disclosure}~`)).error.code).toBe('invalid-sd-jwt');
    expect(err(decodeToken(`${issuer}~${disclosure}~notajwt`)).error.code).toBe('invalid-sd-jwt');
  });
});

describe('a stray character is blamed before the length', () => {
  const fail = (token: string) => {
    const decoded = decodeToken(token);
    if (decoded.ok) throw new Error('expected a failure');
    return decoded.error;
  };
  const rest = 'eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2ln';

  it('names a "+" inserted into the header, with the standard-base64 hint, not "cut off"', () => {
    const error = fail(`eyJhbGciOi+JIUzI1NiIsInR5cCI6IkpXVCJ9.${rest}`);
    expect(error).toMatchObject({ code: 'invalid-base64url', part: 'header', position: 10 });
    expect(error.message).toBe(
      'The header contains "+" at position 11 (character 11 of the token), which is not a base64url character (A–Z, a–z, 0–9, "-", "_"). "+" belongs to standard base64; base64url writes "-" instead (RFC 7515 §2). Was this part encoded with the wrong alphabet, or was a character inserted?',
    );
    expect(error.message).not.toMatch(/cut off|characters long/);
  });

  it('names "/" and "=" the same way, and "*" without the hint', () => {
    expect(fail(`eyJhbGciOi/JIUzI1NiIsInR5cCI6IkpXVCJ9.${rest}`).message).toMatch(
      /^The header contains "\/" at position 11 .*base64url writes "_" instead/,
    );
    const padded = fail(`eyJhbGciOi=JIUzI1NiIsInR5cCI6IkpXVCJ9.${rest}`);
    expect(padded).toMatchObject({ code: 'invalid-base64url', position: 10 });
    expect(padded.message).toContain('"=" is padding from standard base64');
    const star = fail(`eyJhbGciOi*JIUzI1NiIsInR5cCI6IkpXVCJ9.${rest}`);
    expect(star).toMatchObject({ code: 'invalid-base64url', position: 10 });
    expect(star.message).not.toContain('standard base64');
  });

  it('reports the position inside the token for a later segment', () => {
    const h = 'eyJhbGciOiJIUzI1NiJ9';
    const error = fail(`${h}.eyJzdWIiOiJ1+c2VyLTEyMyJ9.c2ln`);
    expect(error).toMatchObject({ code: 'invalid-base64url', part: 'payload', position: h.length + 1 + 12 });
  });

  it('keeps the length message for a segment that really is only short', () => {
    const error = fail(`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9e.c2ln`);
    expect(error).toMatchObject({ code: 'truncated', part: 'payload' });
    expect(error.message).toMatch(/characters long.*cut off/);
  });

  it('still decodes a "+" where the length allows it, as a non-canonical finding', () => {
    const decoded = decodeToken(`eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI+In0.c2ln`);
    expect(decoded.ok && decoded.findings.map((f) => f.id)).toContain('non-canonical-encoding');
  });
});

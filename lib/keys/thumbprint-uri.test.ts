import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jwkThumbprintUri } from './thumbprint-uri';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// RFC 7638 §3.1 example key and its thumbprint (latchset/jose vectors, Apache-2.0; see fixtures/LICENSE-latchset-jose).
const rfcJwk = JSON.parse(fixture('rfc7638_3.1.jwk')) as Record<string, unknown>;
const rfcThumbprint = fixture('rfc7638_3.1.thp').trim();

describe('jwkThumbprintUri', () => {
  it('matches the RFC 7638 §3.1 example and builds the RFC 9278 URI', () => {
    expect(rfcThumbprint).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
    expect(jwkThumbprintUri(rfcJwk)).toEqual({
      ok: true,
      thumbprint: rfcThumbprint,
      uri: `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${rfcThumbprint}`,
    });
  });

  it('gives the same thumbprint without kid and alg, and for a private JWK', () => {
    const { kid: _kid, alg: _alg, ...bare } = rfcJwk;
    expect(jwkThumbprintUri(bare)).toMatchObject({ thumbprint: rfcThumbprint });
    expect(jwkThumbprintUri({ ...rfcJwk, d: 'private' })).toMatchObject({ thumbprint: rfcThumbprint });
  });

  it('explains an incomplete key', () => {
    const r = jwkThumbprintUri({ kty: 'RSA', e: 'AQAB' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('thumbprint-unavailable');
      expect(r.error.message).toContain('RSA (n, e)');
    }
  });
});

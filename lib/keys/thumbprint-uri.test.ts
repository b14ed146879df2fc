import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jwkThumbprintUri, thumbprintInput } from './thumbprint-uri';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// RFC 7638 §3.1 example key and its thumbprint (latchset/jose vectors, Apache-2.0; see fixtures/LICENSE-latchset-jose).
const rfcJwk = JSON.parse(fixture('rfc7638_3.1.jwk')) as Record<string, unknown>;
const rfcThumbprint = fixture('rfc7638_3.1.thp').trim();

describe('jwkThumbprintUri', () => {
  it('matches the RFC 7638 §3.1 example', async () => {
    expect(rfcThumbprint).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
    const r = await jwkThumbprintUri(rfcJwk);
    expect(r).toEqual({
      ok: true,
      hash: 'sha-256',
      thumbprint: rfcThumbprint,
      uri: `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${rfcThumbprint}`,
    });
  });

  it('hashes only the required members in lexicographic order', () => {
    const r = thumbprintInput({ kid: 'x', y: 'Y', x: 'X', kty: 'EC', crv: 'P-256', d: 'secret' });
    expect(r).toEqual({ ok: true, json: '{"crv":"P-256","kty":"EC","x":"X","y":"Y"}' });
    expect(thumbprintInput({ k: 'AA', kty: 'oct', alg: 'HS256' })).toEqual({
      ok: true,
      json: '{"k":"AA","kty":"oct"}',
    });
    expect(thumbprintInput({ kty: 'OKP', crv: 'Ed25519', x: 'X', d: 'D' })).toEqual({
      ok: true,
      json: '{"crv":"Ed25519","kty":"OKP","x":"X"}',
    });
  });

  it('gives the same thumbprint without kid and alg', async () => {
    const { kid: _kid, alg: _alg, ...bare } = rfcJwk;
    const r = await jwkThumbprintUri(bare);
    expect(r.ok && r.thumbprint).toBe(rfcThumbprint);
  });

  it('supports SHA-384 and SHA-512 URIs', async () => {
    const r = await jwkThumbprintUri(rfcJwk, 'sha-512');
    expect(r.ok && r.uri).toMatch(/^urn:ietf:params:oauth:jwk-thumbprint:sha-512:[A-Za-z0-9_-]{86}$/);
  });

  it('says which member is missing', async () => {
    const r = await jwkThumbprintUri({ kty: 'RSA', e: 'AQAB' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('thumbprint-missing-member');
      expect(r.error.message).toContain('"n"');
    }
  });

  it('refuses an unknown kty', async () => {
    const r = await jwkThumbprintUri({ kty: 'XYZ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('"XYZ"');
  });
});

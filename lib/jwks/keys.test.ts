import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJwks, readPastedJwks } from './keys';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const NOW = Date.UTC(2026, 0, 1);

let rsa: Record<string, unknown>;
let ec: Record<string, unknown>;
let ed: Record<string, unknown>;

beforeAll(async () => {
  const pair = async (alg: string, opts = {}) =>
    (await generateKeyPair(alg, { extractable: true, ...opts })).publicKey;
  rsa = {
    ...(await exportJWK(await pair('RS256', { modulusLength: 2048 }))),
    kid: 'rsa-1',
    alg: 'RS256',
    use: 'sig',
  };
  ec = { ...(await exportJWK(await pair('ES384'))), kid: 'ec-1', key_ops: ['verify'] };
  ed = { ...(await exportJWK(await pair('Ed25519'))), kid: 'ed-1' };
});

describe('readJwks: the keys table', () => {
  it('reads RSA, EC and Ed25519 keys into rows', async () => {
    const result = await readJwks({ keys: [rsa, ec, ed] }, { tokenKid: 'ec-1', now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [r, e, o] = result.table.rows;
    expect(r).toMatchObject({ kid: 'rsa-1', kty: 'RSA', alg: 'RS256', use: 'sig', size: '2048-bit modulus' });
    expect(e).toMatchObject({
      kid: 'ec-1',
      kty: 'EC',
      size: 'P-384',
      keyOps: ['verify'],
      matchesToken: true,
    });
    expect(o).toMatchObject({ kid: 'ed-1', kty: 'OKP', size: 'Ed25519', matchesToken: false });
    for (const row of result.table.rows) {
      expect(row.importable).toBe(true);
      expect(row.problem).toBeUndefined();
      expect(row.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.parse(row.jwkJson).kid).toBe(row.kid);
    }
    expect(result.table.warnings).toEqual([]);
  });

  it('computes the RFC 7638 §3.1 thumbprint', async () => {
    const result = await readJwks({ keys: [JSON.parse(fixture('rfc7638_3.1.jwk'))] }, { now: NOW });
    expect(result.ok && result.table.rows[0]!.thumbprint).toBe(fixture('rfc7638_3.1.thp').trim());
    expect(result.ok && result.table.rows[0]!.size).toBe('2048-bit modulus');
  });

  it('reads the RFC 7517 A.1 set, including an EC key marked for encryption without alg', async () => {
    const result = await readJwks(JSON.parse(fixture('rfc7517_A.1.jwkset')), {
      tokenKid: '2011-04-29',
      now: NOW,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.rows.map((r) => [r.kid, r.use, r.importable, r.matchesToken])).toEqual([
      ['1', 'enc', true, false],
      ['2011-04-29', undefined, true, true],
    ]);
  });

  it('shows subject and expiry of the first x5c certificate (RFC 7517 Appendix B)', async () => {
    const result = await readJwks({ keys: [JSON.parse(fixture('rfc7517_B.jwk'))] }, { now: NOW });
    expect(result.ok && result.table.rows[0]!.certificate).toEqual({
      ok: true,
      subject: 'C=US, ST=CO, L=Denver, O=Ping Identity Corp., CN=Brian Campbell',
      notAfter: '2018-08-14T22:29:15.000Z',
      expired: true,
    });
    const before = await readJwks(
      { keys: [JSON.parse(fixture('rfc7517_B.jwk'))] },
      { now: Date.UTC(2015, 0, 1) },
    );
    expect(before.ok && before.table.rows[0]!.certificate).toMatchObject({ expired: false });
  });

  it('reports an unreadable certificate in its row', async () => {
    const result = await readJwks({ keys: [{ ...ec, x5c: ['MIIB'] }] }, { now: NOW });
    expect(result.ok && result.table.rows[0]!.certificate).toEqual({
      ok: false,
      problem: 'The first x5c certificate is not a well-formed X.509 certificate.',
    });
    expect(result.ok && result.table.rows[0]!.importable).toBe(true);
  });
});

describe('readJwks: a bad key is reported by itself', () => {
  it('keeps the good keys when one is malformed', async () => {
    const broken = { ...ec, kid: 'broken', x: 'AAAA' };
    const result = await readJwks({ keys: [rsa, broken, 'not a key', { kid: 'no-type' }, ed] }, { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows = result.table.rows;
    expect(rows.map((r) => r.importable)).toEqual([true, false, false, false, true]);
    expect(rows[1]!.problem).toBe(
      'The key data is not a valid EC key for ES384: a member is missing or malformed (check n/e, x/y or crv). Other keys in the set still work.',
    );
    expect(rows[2]!.problem).toBe('Key #3 is not a JSON object, so it is skipped.');
    expect(rows[3]!.problem).toBe('Key #4 has no "kty" (key type), so it cannot be used.');
  });

  it('says when the browser does not support a curve, in our words', async () => {
    const result = await readJwks(
      { keys: [{ kty: 'EC', crv: 'secp256k1', x: 'AAAA', y: 'AAAA', kid: 'k1' }] },
      { now: NOW },
    );
    expect(result.ok && result.table.rows[0]!.problem).toBe(
      'This browser cannot use this EC key (curve secp256k1) with ES256K. Other keys in the set still work.',
    );
  });

  it('says when it cannot guess an algorithm', async () => {
    const result = await readJwks({ keys: [{ kty: 'EC', crv: 'P-999', x: 'AA', y: 'AA' }] }, { now: NOW });
    expect(result.ok && result.table.rows[0]!.problem).toBe(
      'Key #1 (EC) names no "alg" and JWT Lens cannot guess one for curve P-999.',
    );
  });

  it('warns about private key material and duplicate kids', async () => {
    const priv = { ...rsa, kid: 'dup', d: 'AAAA' };
    const result = await readJwks({ keys: [priv, { ...ed, kid: 'dup' }] }, { now: NOW });
    expect(result.ok && result.table.warnings).toEqual([
      'More than one key has the kid "dup"; a verifier may pick either, so try each.',
      'Key #1 contains private or secret key material. A published JWKS must hold public keys only: tell the issuer, and treat that key as leaked.',
    ]);
    expect(result.ok && result.table.rows[0]!.hasPrivateParts).toBe(true);
  });
});

describe('readJwks: the set itself', () => {
  it.each([
    [[], 'jwks-not-object'],
    [{}, 'jwks-no-keys-array'],
    [{ keys: {} }, 'jwks-no-keys-array'],
    [{ keys: [] }, 'jwks-empty'],
  ])('%j → %s', async (json, code) => {
    const result = await readJwks(json, { now: NOW });
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('recognises a discovery document pasted by mistake', async () => {
    const result = await readJwks({ issuer: 'x', jwks_uri: 'https://x/jwks' }, { now: NOW });
    expect(!result.ok && result.error.message).toContain('This is a discovery document');
  });
});

describe('readPastedJwks', () => {
  it('reads a pasted JWKS', async () => {
    const result = await readPastedJwks(JSON.stringify({ keys: [rsa, ec] }), { tokenKid: 'rsa-1', now: NOW });
    expect(result.ok && result.table.rows.map((r) => r.matchesToken)).toEqual([true, false]);
  });

  it('wraps a single JWK into a set of one, with a note', async () => {
    const result = await readPastedJwks(JSON.stringify(ed), { now: NOW });
    expect(result.ok && result.table.rows).toHaveLength(1);
    expect(result.ok && result.table.warnings[0]).toContain('single key');
  });

  it('explains text that is not JSON', async () => {
    const result = await readPastedJwks('<html>', { now: NOW });
    expect(!result.ok && result.error).toMatchObject({ code: 'jwks-not-json' });
    expect(!result.ok && result.error.message).toContain('starts with "<html>"');
  });
});

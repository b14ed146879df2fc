import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { compareTokens, signedDuration } from './compare';

const key = new TextEncoder().encode('a-32-byte-secret-for-hs256-tests!');
const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', ...header }).sign(key);
const base = { iss: 'https://kc.example/realms/shop', sub: 'u-1', iat: 1780315200, exp: 1780315500 };

describe('compareTokens', () => {
  it('answers what a refresh changed: exp +1 h, scope items added and removed, roles by JSON path', async () => {
    const a = await sign(
      {
        ...base,
        scope: 'openid profile orders:read',
        realm_access: { roles: ['user', 'viewer'] },
        aud: 'orders',
      },
      { kid: 'k1' },
    );
    const b = await sign(
      {
        ...base,
        iat: base.iat + 3600,
        exp: base.exp + 3600,
        scope: 'openid orders:read orders:write',
        realm_access: { roles: ['user', 'admin'] },
        aud: ['orders', 'billing'],
        sid: 's-9',
      },
      { kid: 'k2' },
    );
    const r = compareTokens(a, b);
    expect(r.ok).toBe(true);
    expect(r.header).toEqual([{ path: 'header.kid', change: 'changed', before: 'k1', after: 'k2' }]);
    const byPath = (path: string) => r.payload.filter((d) => d.path === path);
    expect(byPath('payload.exp')).toEqual([
      { path: 'payload.exp', change: 'changed', before: base.exp, after: base.exp + 3600, note: 'exp +1 h' },
    ]);
    expect(byPath('payload.iat')[0]!.note).toBe('iat +1 h');
    expect(byPath('payload.scope').map((d) => [d.change, d.before ?? d.after])).toEqual([
      ['added', 'orders:write'],
      ['removed', 'profile'],
    ]);
    expect(byPath('payload.realm_access.roles').map((d) => [d.change, d.before ?? d.after])).toEqual([
      ['added', 'admin'],
      ['removed', 'viewer'],
    ]);
    expect(byPath('payload.aud').map((d) => [d.change, d.after])).toEqual([['added', 'billing']]);
    expect(byPath('payload.sid')).toEqual([{ path: 'payload.sid', change: 'added', after: 's-9' }]);
  });

  it('reports removed members and type changes', async () => {
    const a = await sign({ ...base, email_verified: 'true', tenant: { id: 1 } });
    const b = await sign({ ...base, email_verified: true });
    const r = compareTokens(a, b);
    expect(r.payload).toEqual([
      {
        path: 'payload.email_verified',
        change: 'type-changed',
        before: 'true',
        after: true,
        note: 'string → boolean',
      },
      { path: 'payload.tenant', change: 'removed', before: { id: 1 } },
    ]);
  });

  it('finds no differences between a token and itself', async () => {
    const a = await sign(base);
    expect(compareTokens(a, a)).toEqual({ ok: true, header: [], payload: [] });
  });

  it('says which token could not be read, without throwing', async () => {
    const r = compareTokens(await sign(base), 'not.a.token');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.token).toBe('B');
    expect(!r.ok && r.error.message).toMatch(/^Token B: /);
  });

  it('quotes JSON paths that are not identifiers', async () => {
    const r = compareTokens(
      await sign({ 'https://example.com/roles': ['a'] }),
      await sign({ 'https://example.com/roles': ['a', 'b'] }),
    );
    expect(r.payload[0]!.path).toBe('payload["https://example.com/roles"]');
  });
});

describe('signedDuration', () => {
  it('formats signed durations with the two largest units', () => {
    expect(signedDuration(3600)).toBe('+1 h');
    expect(signedDuration(-1800)).toBe('-30 min');
    expect(signedDuration(90061)).toBe('+1 d 1 h');
    expect(signedDuration(45)).toBe('+45 s');
    expect(signedDuration(0)).toBe('±0 s');
  });
});

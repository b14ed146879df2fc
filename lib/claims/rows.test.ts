import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import {
  COGNITO_ACCESS_TOKEN,
  KEYCLOAK_ACCESS_TOKEN,
  NOW,
  NOW_S,
  OKTA_ACCESS_TOKEN,
  compactToken,
} from './fixtures/tokens';
import { digestText } from '../sd-jwt/hash';
import { claimRows, MAX_CHILDREN, MAX_TOP_LEVEL, ROW_BUDGET, type ClaimRow } from './rows';

const OPTIONS = { now: NOW, locale: 'en-GB', timeZone: 'UTC' } as const;

function rowsOf(header: Record<string, unknown>, payload: unknown) {
  return claimRows(decodeToken(compactToken(header, payload), { now: NOW }), OPTIONS);
}

describe('claimRows', () => {
  it('gives one row per claim in token order, with meaning and spec link', () => {
    const { rows } = rowsOf({ alg: 'HS256' }, { sub: 'u1', exp: NOW_S + 240, team: 'blue' });
    expect(rows.map((r) => r.name)).toEqual(['sub', 'exp', 'team']);
    expect(rows[0]?.meaning).toMatchObject({ title: 'Subject', spec: { name: 'RFC 7519 §4.1.2' } });
    expect(rows[0]?.meaning?.spec.url).toBe('https://www.rfc-editor.org/rfc/rfc7519#section-4.1.2');
  });

  it('marks unknown top-level claims as custom', () => {
    const { rows } = rowsOf({ alg: 'HS256' }, { team: 'blue', sub: 'x' });
    expect(rows[0]).toMatchObject({ name: 'team', custom: true, kind: 'string', valueText: 'blue' });
    expect(rows[0]?.meaning).toBeUndefined();
    expect(rows[1]?.custom).toBe(false);
  });

  it('shows times as raw, ISO UTC, local and relative', () => {
    const { rows } = rowsOf(
      { alg: 'HS256' },
      { exp: NOW_S + 240, iat: NOW_S - 3 * 3600, updated_at: NOW_S - 86400 * 3 },
    );
    expect(rows[0]).toMatchObject({
      kind: 'time',
      time: {
        raw: NOW_S + 240,
        iso: '2026-01-15T12:04:00Z',
        local: '15 Jan 2026, 12:04:00 UTC',
        relative: 'in 4 min',
      },
    });
    expect(rows[1]?.time?.relative).toBe('3 h ago');
    expect(rows[2]?.time?.relative).toBe('3 d ago');
  });

  it('does not treat a string exp as a time', () => {
    const { rows } = rowsOf({ alg: 'HS256' }, { exp: 'tomorrow' });
    expect(rows[0]?.time).toBeUndefined();
    expect(rows[0]?.kind).toBe('string');
  });

  it('flags millisecond times', () => {
    const { rows } = rowsOf({ alg: 'HS256' }, { iat: NOW_S * 1000 });
    expect(rows[0]?.time).toMatchObject({
      milliseconds: true,
      iso: '2026-01-15T12:00:00Z',
      relative: 'just now',
    });
  });

  it('expands nested objects with their own registry meanings (Keycloak realm_access.roles)', () => {
    const { rows, vendor } = rowsOf(KEYCLOAK_ACCESS_TOKEN.header, KEYCLOAK_ACCESS_TOKEN.payload);
    expect(vendor).toBe('Keycloak');
    const realm = rows.find((r) => r.name === 'realm_access');
    expect(realm).toMatchObject({ kind: 'object', valueText: '1 member', meaning: { vendor: 'Keycloak' } });
    expect(realm?.children[0]).toMatchObject({
      path: 'realm_access.roles',
      depth: 1,
      kind: 'list',
      valueText: 'offline_access, shop-admin',
      meaning: { title: 'Realm roles' },
    });
    const resource = rows.find((r) => r.name === 'resource_access');
    expect(resource?.children.map((c) => c.path)).toEqual([
      'resource_access.web-shop',
      'resource_access.account',
    ]);
    expect(resource?.children[0]?.children[0]?.path).toBe('resource_access.web-shop.roles');
    expect(resource?.children[0]?.custom).toBe(false);
  });

  it('expands arrays of objects but keeps string lists on one row', () => {
    const { rows } = rowsOf(
      { alg: 'HS256' },
      { amr: ['pwd', 'mfa'], authorization_details: [{ type: 'payment', amount: 45 }] },
    );
    expect(rows[0]).toMatchObject({ kind: 'list', children: [] });
    expect(rows[1]?.kind).toBe('array');
    expect(rows[1]?.children[0]).toMatchObject({
      path: 'authorization_details[0]',
      name: '[0]',
      kind: 'object',
    });
    expect(rows[1]?.children[0]?.children.map((c) => `${c.name}=${c.valueText}`)).toEqual([
      'type=payment',
      'amount=45',
    ]);
  });

  it('picks the vendor meaning when the issuer is that vendor, and keeps the others', () => {
    const okta = rowsOf(OKTA_ACCESS_TOKEN.header, OKTA_ACCESS_TOKEN.payload).rows.find(
      (r) => r.name === 'scp',
    );
    expect(okta?.meaning?.vendor).toBe('Okta');
    expect(okta?.otherMeanings.map((m) => m.vendor)).toEqual(['Microsoft Entra ID']);
    const cognito = rowsOf(COGNITO_ACCESS_TOKEN.header, COGNITO_ACCESS_TOKEN.payload).rows;
    expect(cognito.find((r) => r.name === 'cognito:groups')?.meaning?.vendor).toBe('AWS Cognito');
  });

  it('prefers the standard meaning for a token of no known vendor', () => {
    const roles = rowsOf({ alg: 'HS256' }, { roles: ['a'] }).rows[0];
    expect(roles?.meaning?.vendor).toBeUndefined();
    expect(roles?.meaning?.spec.name).toBe('RFC 9068 §2.2.3.1');
    expect(roles?.otherMeanings[0]?.vendor).toBe('Microsoft Entra ID');
  });

  it('recognises Auth0 namespaced claims', () => {
    const row = rowsOf({ alg: 'HS256' }, { 'https://example.com/roles': ['admin'] }).rows[0];
    expect(row).toMatchObject({
      custom: false,
      meaning: { vendor: 'Auth0', title: 'Namespaced custom claim' },
    });
  });

  it('describes header parameters and the alg/enc values', () => {
    const { header } = rowsOf({ alg: 'ES256', typ: 'at+jwt', kid: 'k1', x_custom: 1 }, {});
    expect(header.map((h) => h.name)).toEqual(['alg', 'typ', 'kid', 'x_custom']);
    expect(header[0]?.valueMeaning?.description).toContain('P-256');
    expect(header[1]?.meaning?.spec.name).toBe('RFC 7515 §4.1.9');
    expect(header[3]).toMatchObject({ custom: true, valueText: '1' });
  });

  it('gives no rows for a failed decode or a non-JSON payload', () => {
    expect(claimRows(decodeToken(''), OPTIONS)).toEqual({ rows: [], header: [] });
    const text = rowsOf({ alg: 'HS256' }, 'hello');
    expect(text.rows).toEqual([]);
    expect(text.header).toHaveLength(1);
  });
});

describe('claimRows on an SD-JWT', () => {
  const disclose = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const given = disclose('salt-1', 'given_name', 'Erika');
  const street = disclose('salt-2', 'street_address', 'Heidestraße 17');
  const nationality = disclose('salt-3', 'DE');
  const withheld = disclose('salt-4', 'email', 'erika@example.com');
  const issuerJwt = compactToken(
    { alg: 'ES256', typ: 'dc+sd-jwt' },
    {
      iss: 'https://issuer.example',
      exp: NOW_S + 3600,
      _sd: [digestText('sha-256', given), digestText('sha-256', withheld)],
      _sd_alg: 'sha-256',
      address: { _sd: [digestText('sha-256', street)], country: 'DE' },
      nationalities: [{ '...': digestText('sha-256', nationality) }],
    },
  );
  const view = claimRows(
    decodeToken(`${issuerJwt}~${given}~${street}~${nationality}~`, { now: NOW }),
    OPTIONS,
  );

  it('shows the disclosed payload: disclosed claims in place, no _sd digests, withheld claims absent', () => {
    expect(view.rows.map((r) => r.name)).toEqual(['iss', 'exp', 'address', 'nationalities', 'given_name']);
    const address = view.rows.find((r) => r.name === 'address')!;
    expect(address.children.map((c) => c.name)).toEqual(['country', 'street_address']);
    expect(view.rows.some((r) => r.name === 'email' || r.name === '_sd')).toBe(false);
  });

  it('marks each claim that came from a disclosure, at any depth, and counts them', () => {
    const disclosed = (rows: ClaimRow[]): string[] =>
      rows.flatMap((r) => [...(r.disclosed ? [r.path] : []), ...disclosed(r.children)]);
    expect(disclosed(view.rows).sort()).toEqual(['address.street_address', 'given_name']);
    // Three disclosures were put in place; an element of a list of plain values is shown on its list's row.
    expect(view.disclosedCount).toBe(3);
    expect(view.rows.find((r) => r.name === 'nationalities')?.valueText).toContain('DE');
    expect(view.rows.find((r) => r.name === 'iss')?.disclosed).toBeUndefined();
  });

  it('leaves ordinary tokens without a disclosed count', () => {
    expect(rowsOf({ alg: 'HS256' }, { sub: 'x' }).disclosedCount).toBeUndefined();
  });
});

describe('claimRows on a huge payload', () => {
  it('lists the first MAX_CHILDREN members of a container and counts the rest', () => {
    const entitlements = Array.from({ length: 10_000 }, (_, i) => ({ id: `e-${i}`, scope: 'read' }));
    const { rows } = rowsOf({ alg: 'HS256' }, { sub: 'x', entitlements });
    const row = rows.find((r) => r.name === 'entitlements')!;
    expect(row.valueText).toBe('10000 items');
    expect(row.children).toHaveLength(MAX_CHILDREN);
    expect(row.children[0]).toMatchObject({ path: 'entitlements[0]', name: '[0]' });
    expect(row.omittedChildren).toBe(10_000 - MAX_CHILDREN);
    expect(rows.find((r) => r.name === 'sub')?.omittedChildren).toBeUndefined();
  });

  it('lists the first MAX_TOP_LEVEL claims and counts the rest', () => {
    const claims = Object.fromEntries(Array.from({ length: 2_500 }, (_, i) => [`c${i}`, i]));
    const view = rowsOf({ alg: 'HS256' }, claims);
    expect(view.rows).toHaveLength(MAX_TOP_LEVEL);
    expect(view.omittedRows).toBe(2_500 - MAX_TOP_LEVEL);
  });

  it('never builds more than ROW_BUDGET rows in all', () => {
    const wide = Array.from({ length: 100 }, () => ({
      items: Array.from({ length: 100 }, () => ({ a: 1, b: 2 })),
    }));
    const view = rowsOf({ alg: 'HS256' }, { wide });
    const count = (rows: ClaimRow[]): number => rows.reduce((n, r) => n + 1 + count(r.children), 0);
    expect(count(view.rows)).toBeLessThanOrEqual(ROW_BUDGET);
    expect(count(view.rows)).toBeGreaterThan(ROW_BUDGET - 10);
  });
});

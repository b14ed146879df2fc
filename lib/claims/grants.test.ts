import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import {
  AUTH0_ACCESS_TOKEN,
  AUTH0_M2M_TOKEN,
  COGNITO_ACCESS_TOKEN,
  ENTRA_ACCESS_TOKEN,
  KEYCLOAK_ACCESS_TOKEN,
  NOW,
  OIDC_ID_TOKEN,
  OKTA_ACCESS_TOKEN,
  compactToken,
} from './fixtures/tokens';
import { digestText } from '../sd-jwt/hash';
import { grantsSummary, type Grant } from './grants';

function summary(token: { header: Record<string, unknown>; payload: unknown }) {
  const result = grantsSummary(decodeToken(compactToken(token.header, token.payload), { now: NOW }));
  if (!result) throw new Error('expected a summary');
  return result;
}

const values = (grants: Grant[]) => grants.map((g) => (g.client ? `${g.client}: ${g.value}` : g.value));

describe('grantsSummary', () => {
  it('reads the Entra ID layout: tid, azp, roles, scp, wids', () => {
    const s = summary(ENTRA_ACCESS_TOKEN);
    expect(s.vendor).toBe('Microsoft Entra ID');
    expect(s.classification.kind).toBe('access-token');
    expect(s.who).toEqual({
      sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
      name: 'Ada Lovelace',
      email: 'ada@contoso.example',
      username: 'ada@contoso.example',
    });
    expect(s.tenant).toEqual({ value: '72f988bf-86f1-41af-91ab-2d7cd011db47', claim: 'tid' });
    expect(s.forWhom).toEqual({
      audiences: ['api://orders-api'],
      client: { value: '4f1c2a5e-0000-4000-8000-00000000c1d1', claim: 'azp' },
    });
    expect(s.fromWhom).toBe('https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0');
    expect(s.scopes).toEqual([
      { value: 'Orders.Read', source: 'scp' },
      { value: 'Orders.Write', source: 'scp' },
    ]);
    expect(values(s.roles)).toEqual(['Orders.Admin', 'Reports.Read', 'b79fbf4d-3ef9-4689-8143-76b194e85509']);
    expect(s.roles[2]?.source).toBe('wids');
  });

  it('reads the Auth0 layout: scope, permissions, namespaced roles, org_id', () => {
    const s = summary(AUTH0_ACCESS_TOKEN);
    expect(s.vendor).toBe('Auth0');
    expect(values(s.scopes)).toEqual(['openid', 'profile', 'read:orders']);
    expect(values(s.permissions)).toEqual(['read:orders', 'delete:orders']);
    expect(s.roles).toEqual([{ value: 'support-agent', source: 'https://example.com/roles' }]);
    expect(s.tenant).toEqual({ value: 'org_9ZkQ3abc', claim: 'org_id' });
    expect(s.forWhom.audiences).toEqual([
      'https://api.example.com',
      'https://dev-example.eu.auth0.com/userinfo',
    ]);
  });

  it('reads an Auth0 machine-to-machine token: the client is the subject, nothing granted', () => {
    const s = summary(AUTH0_M2M_TOKEN);
    expect(s.forWhom.client).toEqual({ value: 'Xyz123ClientId', claim: 'azp' });
    expect([...s.scopes, ...s.roles, ...s.permissions, ...s.groups]).toEqual([]);
  });

  it('reads the Okta layout: scp as an array, cid, groups', () => {
    const s = summary(OKTA_ACCESS_TOKEN);
    expect(s.vendor).toBe('Okta');
    expect(values(s.scopes)).toEqual(['openid', 'email', 'orders.read']);
    expect(s.scopes[0]?.source).toBe('scp');
    expect(s.forWhom.client).toEqual({ value: '0oa1b2c3d4ClientId', claim: 'cid' });
    expect(values(s.groups)).toEqual(['Everyone', 'Finance']);
  });

  it('reads the Keycloak layout: realm roles and per-client roles', () => {
    const s = summary(KEYCLOAK_ACCESS_TOKEN);
    expect(s.vendor).toBe('Keycloak');
    expect(values(s.roles)).toEqual([
      'offline_access',
      'shop-admin',
      'web-shop: refund-orders',
      'account: manage-account',
    ]);
    expect(s.roles[2]).toEqual({
      value: 'refund-orders',
      source: 'resource_access.web-shop.roles',
      client: 'web-shop',
    });
    expect(values(s.scopes)).toEqual(['openid', 'profile', 'email']);
    expect(s.who.username).toBe('alan');
    expect(s.forWhom.client).toEqual({ value: 'web-shop', claim: 'azp' });
  });

  it('reads the Cognito layout: cognito:groups, client_id, scope', () => {
    const s = summary(COGNITO_ACCESS_TOKEN);
    expect(s.vendor).toBe('AWS Cognito');
    expect(values(s.groups)).toEqual(['admins', 'editors']);
    expect(s.groups[0]?.source).toBe('cognito:groups');
    expect(values(s.scopes)).toEqual(['aws.cognito.signin.user.admin', 'orders/read']);
    expect(s.forWhom).toEqual({ audiences: [], client: { value: '1example23456789', claim: 'client_id' } });
    expect(s.who.username).toBe('katherine');
  });

  it('summarises an ID token: who and for whom, no grants', () => {
    const s = summary(OIDC_ID_TOKEN);
    expect(s.classification.kind).toBe('id-token');
    expect(s.vendor).toBe('Google');
    expect(s.who).toMatchObject({ name: 'Margaret Hamilton', email: 'margaret@example.com' });
    expect(s.scopes).toEqual([]);
  });

  it('finds the tenant in tenantId, tenant and firebase.tenant, and ignores empty values', () => {
    const s1 = summary({ header: { alg: 'HS256' }, payload: { tenantId: 't-1' } });
    expect(s1.tenant).toEqual({ value: 't-1', claim: 'tenantId' });
    const s2 = summary({ header: { alg: 'HS256' }, payload: { tid: '', tenant: 'acme' } });
    expect(s2.tenant).toEqual({ value: 'acme', claim: 'tenant' });
    const s3 = summary({
      header: { alg: 'HS256' },
      payload: { firebase: { tenant: 'tenant-2', sign_in_provider: 'password' } },
    });
    expect(s3.tenant).toEqual({ value: 'tenant-2', claim: 'firebase.tenant' });
  });

  it('drops duplicates and values that are not strings', () => {
    const s = summary({
      header: { alg: 'HS256' },
      payload: { scope: 'a  b a', scp: ['b', 3, null], roles: 'admin' },
    });
    expect(values(s.scopes)).toEqual(['a', 'b']);
    expect(values(s.roles)).toEqual(['admin']);
  });

  it('returns undefined for a token that did not decode', () => {
    expect(grantsSummary(decodeToken('not a token'))).toBeUndefined();
  });
});

describe('grantsSummary on an SD-JWT', () => {
  it('reads the claims the holder disclosed (who, roles), not the digests', () => {
    const disclosure = Buffer.from(JSON.stringify(['salt', 'roles', ['approver']])).toString('base64url');
    const name = Buffer.from(JSON.stringify(['salt-2', 'email', 'erika@example.com'])).toString('base64url');
    const issuerJwt = compactToken(
      { alg: 'ES256', typ: 'dc+sd-jwt' },
      {
        iss: 'https://issuer.example',
        sub: 'erika',
        _sd: [digestText('sha-256', disclosure), digestText('sha-256', name)],
      },
    );
    const s = grantsSummary(decodeToken(`${issuerJwt}~${disclosure}~${name}~`, { now: NOW }))!;
    expect(values(s.roles)).toEqual(['approver']);
    expect(s.who).toMatchObject({ sub: 'erika', email: 'erika@example.com' });
  });
});

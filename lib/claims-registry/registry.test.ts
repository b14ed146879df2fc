import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  CLAIMS,
  HEADER_PARAMETERS,
  VENDOR_CLAIM_PATTERNS,
  algorithmInfo,
  claimEntries,
  claimPatternFor,
  headerParameterInfo,
} from './index';

const ALL_ROWS = [...CLAIMS, ...VENDOR_CLAIM_PATTERNS, ...HEADER_PARAMETERS, ...ALGORITHMS];

describe('claims registry tables', () => {
  it.each(ALL_ROWS.map((row) => [row.name, row] as const))(
    '%s has a description and an https spec link',
    (_name, row) => {
      expect(row.description.trim().length).toBeGreaterThan(10);
      expect(row.spec.name.trim().length).toBeGreaterThan(3);
      expect(row.spec.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
    },
  );

  it('has no duplicate rows for the same name and vendor', () => {
    const keys = CLAIMS.map((row) => `${row.name}|${row.vendor ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const headers = HEADER_PARAMETERS.map((row) => row.name);
    expect(new Set(headers).size).toBe(headers.length);
    const algs = ALGORITHMS.map((row) => `${row.name}|${row.use}`);
    expect(new Set(algs).size).toBe(algs.length);
  });

  it('links RFC sections to the section anchor', () => {
    for (const row of ALL_ROWS.filter((r) => r.spec.url.includes('rfc-editor.org'))) {
      expect(row.spec.url).toMatch(/#(section|appendix)-[0-9A-Z.]+$/);
      expect(row.spec.name).toMatch(/^RFC \d{4} (§|Appendix )/);
    }
  });

  it('marks times as NumericDate shown as a time, and nothing else as a time', () => {
    const times = CLAIMS.filter((row) => row.display === 'time').map((row) => row.name);
    expect(times.sort()).toEqual(['auth_time', 'exp', 'iat', 'nbf', 'toe', 'updated_at']);
    for (const row of CLAIMS) expect(row.display === 'time').toBe(row.valueType === 'NumericDate');
  });
});

describe('coverage of the issue list', () => {
  const registered = [
    ...['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf', 'act', 'may_act', 'client_id', 'scope'],
    ...[
      'roles',
      'groups',
      'entitlements',
      'events',
      'toe',
      'txn',
      'htm',
      'htu',
      'ath',
      'nonce',
      '_sd',
      '_sd_alg',
    ],
    ...[
      'sid',
      'sub_jwk',
      'vot',
      'vtm',
      'rph',
      'orig',
      'dest',
      'mky',
      'attest',
      'origid',
      'jcard',
      'at_use_nbr',
    ],
    ...['sip_from_tag', 'sip_date', 'sip_callid', 'sip_cseq_num', 'sip_via_branch', 'div', 'opt', 'vc', 'vp'],
    ...[
      'authorization_details',
      'token_introspection',
      'sph',
      'ace_profile',
      'cnonce',
      'exi',
      'verified_claims',
    ],
    ...['_claim_names', '_claim_sources', 'sub_id', 'atc', 'rcd', 'rcdi', 'crn', 'cdniv', 'sig_val_claims'],
  ];
  const oidc = ['auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid'];
  const profile = [
    ...[
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
    ],
    ...['website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number'],
    ...['phone_number_verified', 'address', 'updated_at'],
  ];

  it.each([...registered, ...oidc, ...profile])('has a standard (non-vendor) row for %s', (name) => {
    expect(claimEntries(name).some((row) => row.vendor === undefined)).toBe(true);
  });

  it.each([
    ['Microsoft Entra ID', ['tid', 'oid', 'roles', 'scp', 'upn', 'wids', 'ver', 'idp', 'appid', 'azp']],
    ['Auth0', ['permissions', 'gty']],
    ['Okta', ['uid', 'cid', 'scp']],
    ['Keycloak', ['realm_access', 'realm_access.roles', 'resource_access', 'preferred_username', 'typ']],
    ['AWS Cognito', ['cognito:groups', 'cognito:username', 'token_use']],
    ['Google', ['hd']],
    ['Firebase', ['firebase.sign_in_provider', 'user_id']],
  ] as const)('has the %s claims, marked with their vendor', (vendor, names) => {
    for (const name of names) expect(claimEntries(name).map((row) => row.vendor)).toContain(vendor);
  });

  it('recognises Auth0 namespaced custom claims but not plain names', () => {
    expect(claimPatternFor('https://example.com/roles')?.vendor).toBe('Auth0');
    expect(claimPatternFor('custom:plan')?.vendor).toBe('AWS Cognito');
    expect(claimPatternFor('roles')).toBeUndefined();
  });

  it.each([
    ...[
      'alg',
      'typ',
      'cty',
      'kid',
      'jku',
      'jwk',
      'x5u',
      'x5c',
      'x5t',
      'x5t#S256',
      'crit',
      'b64',
      'zip',
      'enc',
    ],
    ...['epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c', 'iss', 'sub', 'aud', 'ppt', 'url', 'nonce', 'svt'],
  ])('has the header parameter %s', (name) => {
    expect(headerParameterInfo(name)?.name).toBe(name);
  });

  it('describes the alg and enc values', () => {
    const algs = [
      'HS256',
      'HS384',
      'HS512',
      'RS256',
      'RS384',
      'RS512',
      'ES256',
      'ES384',
      'ES512',
      'PS256',
      'PS384',
    ];
    const more = [
      'PS512',
      'EdDSA',
      'Ed25519',
      'none',
      'RSA-OAEP',
      'RSA-OAEP-256',
      'A128KW',
      'A256KW',
      'dir',
      'ECDH-ES',
    ];
    const wrap = ['ECDH-ES+A256KW', 'A256GCMKW', 'PBES2-HS512+A256KW', 'RSA1_5'];
    for (const name of [...algs, ...more, ...wrap]) expect(algorithmInfo(name), name).toBeDefined();
    for (const name of ['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM']) {
      expect(algorithmInfo(name, 'content-encryption')?.use).toBe('content-encryption');
    }
    expect(algorithmInfo('none')?.advice).toBe('avoid');
    expect(algorithmInfo('ES512')?.description).toContain('P-521');
    expect(algorithmInfo('A256GCM', 'signature')).toBeUndefined();
  });
});

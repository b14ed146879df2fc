/**
 * "What this token is and what it grants": who, tenant, for whom, from whom, and the scopes, roles,
 * permissions and groups gathered from where each vendor puts them. The first thing to read when an
 * API answers 403 Forbidden.
 */
import { claimPatternFor, type Vendor } from '../claims-registry';
import type { DecodeResult } from '../types';
import { classifyToken, type TokenClassification } from './classify';
import { claimsOf } from './claims-of';
import { detectVendor } from './vendor';
import { isObject } from '../is-object';

export interface Grant {
  value: string;
  /** Where it came from, as a claim path: `scp`, `realm_access.roles`, `resource_access.my-app.roles`. */
  source: string;
  /** For per-client roles (Keycloak `resource_access`): the client they apply to. */
  client?: string;
}

export interface GrantsSummary {
  classification: TokenClassification;
  vendor?: Vendor;
  who: { sub?: string; name?: string; email?: string; username?: string };
  tenant?: { value: string; claim: string };
  /** Audiences from `aud`, and the client the token was issued to (`azp`, `appid`, `client_id`, `cid`). */
  forWhom: { audiences: string[]; client?: { value: string; claim: string } };
  /** The issuer, `iss`. */
  fromWhom?: string;
  scopes: Grant[];
  roles: Grant[];
  permissions: Grant[];
  groups: Grant[];
}

const TENANT_CLAIMS = ['tid', 'tenantId', 'tenant_id', 'org_id', 'tenant'] as const;
const CLIENT_CLAIMS = ['azp', 'appid', 'client_id', 'cid'] as const;
const SCOPE_CLAIMS = ['scope', 'scp'] as const;
const USERNAME_CLAIMS = ['preferred_username', 'cognito:username', 'username', 'upn'] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

/** A list claim may be an array of strings or one space-separated string (RFC 8693 §4.2 `scope`). */
function stringList(value: unknown, splitSpaces: boolean): string[] {
  if (typeof value === 'string')
    return splitSpaces ? value.split(/\s+/).filter(Boolean) : value ? [value] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}

function grantsFrom(value: unknown, source: string, splitSpaces = false, client?: string): Grant[] {
  return stringList(value, splitSpaces).map((v) => ({ value: v, source, ...(client ? { client } : {}) }));
}

/** Namespaced claims (`https://example.com/roles`) sorted into roles, permissions or groups by their last word. */
function namespacedGrants(
  claims: Record<string, unknown>,
  word: 'roles' | 'permissions' | 'groups',
): Grant[] {
  return Object.entries(claims)
    .filter(([name]) => claimPatternFor(name) !== undefined && new RegExp(`[/:]${word}$`, 'i').test(name))
    .flatMap(([name, value]) => grantsFrom(value, name));
}

function dedupe(grants: Grant[]): Grant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.client ?? ''}\u0000${g.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function grantsSummary(decoded: DecodeResult): GrantsSummary | undefined {
  if (!decoded.ok) return undefined;
  const classification = classifyToken(decoded);
  const claims = claimsOf(decoded) ?? {};
  const vendor = detectVendor(claims);

  const tenantClaim = TENANT_CLAIMS.find((name) => text(claims[name]) !== undefined);
  const firebaseTenant = isObject(claims.firebase) ? text(claims.firebase.tenant) : undefined;
  const tenant = tenantClaim
    ? { value: claims[tenantClaim] as string, claim: tenantClaim }
    : firebaseTenant
      ? { value: firebaseTenant, claim: 'firebase.tenant' }
      : undefined;

  const clientClaim = CLIENT_CLAIMS.find((name) => text(claims[name]) !== undefined);
  const givenFamily = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const upn = text(claims.upn);
  const usernameClaim = USERNAME_CLAIMS.find((name) => text(claims[name]) !== undefined);

  const scopes = SCOPE_CLAIMS.flatMap((name) => grantsFrom(claims[name], name, true));

  const roles = [
    ...grantsFrom(claims.roles, 'roles'),
    ...(isObject(claims.realm_access) ? grantsFrom(claims.realm_access.roles, 'realm_access.roles') : []),
    ...(isObject(claims.resource_access)
      ? Object.entries(claims.resource_access).flatMap(([client, access]) =>
          isObject(access) ? grantsFrom(access.roles, `resource_access.${client}.roles`, false, client) : [],
        )
      : []),
    ...grantsFrom(claims.wids, 'wids'),
    ...grantsFrom(claims['cognito:roles'], 'cognito:roles'),
    ...namespacedGrants(claims, 'roles'),
  ];
  const permissions = [
    ...grantsFrom(claims.permissions, 'permissions'),
    ...namespacedGrants(claims, 'permissions'),
  ];
  const groups = [
    ...grantsFrom(claims.groups, 'groups'),
    ...grantsFrom(claims['cognito:groups'], 'cognito:groups'),
    ...namespacedGrants(claims, 'groups'),
  ];

  return {
    classification,
    ...(vendor ? { vendor } : {}),
    who: {
      ...(text(claims.sub) ? { sub: claims.sub as string } : {}),
      ...(text(claims.name) ? { name: claims.name as string } : givenFamily ? { name: givenFamily } : {}),
      ...(text(claims.email) ? { email: claims.email as string } : upn?.includes('@') ? { email: upn } : {}),
      ...(usernameClaim ? { username: claims[usernameClaim] as string } : {}),
    },
    ...(tenant ? { tenant } : {}),
    forWhom: {
      audiences: stringList(claims.aud, false),
      ...(clientClaim ? { client: { value: claims[clientClaim] as string, claim: clientClaim } } : {}),
    },
    ...(text(claims.iss) ? { fromWhom: claims.iss as string } : {}),
    scopes: dedupe(scopes),
    roles: dedupe(roles),
    permissions: dedupe(permissions),
    groups: dedupe(groups),
  };
}

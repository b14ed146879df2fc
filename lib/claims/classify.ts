/**
 * What kind of token this is, from its `typ` header and its claims, with the reasons in plain words.
 * Works on a decoded token or on a finding context (both have format, header and payload).
 */
import type { TokenFormat } from '../types';
import { isObject } from '../is-object';

export type TokenKind =
  | 'id-token'
  | 'access-token'
  | 'logout-token'
  | 'dpop-proof'
  | 'sd-jwt-vc'
  | 'client-assertion'
  | 'security-event'
  | 'other';

export interface TokenClassification {
  kind: TokenKind;
  /** e.g. "OpenID Connect ID token". */
  label: string;
  /** Why we think so, one sentence per clue; empty for `other`. */
  reasons: string[];
}

export interface ClassifiableToken {
  format: TokenFormat;
  header: Record<string, unknown>;
  payload: unknown;
}

export const TOKEN_KIND_LABELS: Record<TokenKind, string> = {
  'id-token': 'OpenID Connect ID token',
  'access-token': 'OAuth 2.0 access token',
  'logout-token': 'OpenID Connect logout token',
  'dpop-proof': 'DPoP proof',
  'sd-jwt-vc': 'SD-JWT verifiable credential',
  'client-assertion': 'Client assertion (RFC 7523)',
  'security-event': 'Security Event Token',
  other: 'JWT of no recognised kind',
};

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** `typ` values (RFC 7515 §4.1.9: the "application/" prefix may be omitted) and the kind each declares. */
const TYP_KINDS: readonly { typ: string; kind: TokenKind; spec: string }[] = [
  { typ: 'at+jwt', kind: 'access-token', spec: 'RFC 9068 §2.1' },
  { typ: 'dpop+jwt', kind: 'dpop-proof', spec: 'RFC 9449 §4.2' },
  { typ: 'logout+jwt', kind: 'logout-token', spec: 'OpenID Connect Back-Channel Logout §2.4' },
  { typ: 'secevent+jwt', kind: 'security-event', spec: 'RFC 8417 §2.3' },
  { typ: 'dc+sd-jwt', kind: 'sd-jwt-vc', spec: 'SD-JWT VC §3.2.1' },
  { typ: 'vc+sd-jwt', kind: 'sd-jwt-vc', spec: 'SD-JWT VC §3.2.1 (earlier drafts)' },
];

const ACCESS_TOKEN_CLAIMS = [
  'scope',
  'scp',
  'client_id',
  'cid',
  'permissions',
  'roles',
  'realm_access',
  'gty',
  'appid',
];
const ID_TOKEN_HASHES = ['nonce', 'at_hash', 'c_hash'];

function claimsObject(payload: unknown): Record<string, unknown> {
  return isObject(payload) ? payload : {};
}

function result(kind: TokenKind, reasons: string[]): TokenClassification {
  return { kind, label: TOKEN_KIND_LABELS[kind], reasons };
}

export function classifyToken(token: ClassifiableToken): TokenClassification {
  const claims = claimsObject(token.payload);
  const has = (name: string) => Object.prototype.hasOwnProperty.call(claims, name);
  const typRaw = typeof token.header.typ === 'string' ? token.header.typ : '';
  const typ = typRaw.toLowerCase().replace(/^application\//, '');
  const events = claimsObject(claims.events);
  const isLogoutEvent = Object.prototype.hasOwnProperty.call(events, BACKCHANNEL_LOGOUT_EVENT);

  const declared = TYP_KINDS.find((row) => row.typ === typ);
  if (declared) {
    const reasons = [`The header "typ" is "${typRaw}", which declares this kind (${declared.spec}).`];
    if (declared.kind === 'security-event' && isLogoutEvent) {
      return result('logout-token', [...reasons, `"events" holds the back-channel logout event.`]);
    }
    return result(declared.kind, reasons);
  }
  if (isLogoutEvent) {
    return result('logout-token', [
      `"events" holds "${BACKCHANNEL_LOGOUT_EVENT}" (OpenID Connect Back-Channel Logout §2.4).`,
    ]);
  }
  if (has('events'))
    return result('security-event', [
      'It has an "events" claim, which carries security events (RFC 8417 §2.2).',
    ]);
  if (has('htm') && has('htu')) {
    return result('dpop-proof', [
      'It has "htm" and "htu", the HTTP method and URL a DPoP proof is bound to (RFC 9449 §4.2).',
    ]);
  }
  if (token.format === 'sd-jwt' && has('vct')) {
    return result('sd-jwt-vc', ['It is an SD-JWT with a "vct" (credential type) claim.']);
  }
  if (claims.token_use === 'id')
    return result('id-token', ['"token_use" is "id" (Amazon Cognito ID token).']);
  if (claims.token_use === 'access')
    return result('access-token', ['"token_use" is "access" (Amazon Cognito access token).']);
  if (claims.typ === 'ID') return result('id-token', ['The "typ" claim is "ID" (Keycloak ID token).']);
  if (claims.typ === 'Bearer')
    return result('access-token', ['The "typ" claim is "Bearer" (Keycloak access token).']);

  const idClues = ID_TOKEN_HASHES.filter(has);
  if (idClues.length > 0 && has('aud')) {
    return result('id-token', [
      `It has ${quoteList(idClues)}, which only ID tokens carry (OpenID Connect Core §2, §3.1.3.6).`,
    ]);
  }
  const accessClues = ACCESS_TOKEN_CLAIMS.filter(has);
  if (accessClues.length > 0) {
    return result('access-token', [
      `It has ${quoteList(accessClues)}, which describe what a client may do (RFC 9068 §2.2).`,
    ]);
  }
  if (
    typeof claims.iss === 'string' &&
    claims.iss === claims.sub &&
    has('aud') &&
    has('exp') &&
    !has('auth_time')
  ) {
    return result('client-assertion', [
      '"iss" and "sub" are the same client, with "aud" and "exp": the shape of a client authentication assertion (RFC 7523 §3).',
    ]);
  }
  if (has('iss') && has('sub') && has('aud') && ['auth_time', 'amr', 'acr', 'email', 'name'].some(has)) {
    return result('id-token', [
      'It identifies a signed-in user ("auth_time", "amr", "email" or "name") for an audience, but grants no scopes: most likely an ID token.',
    ]);
  }
  return result('other', []);
}

/** True for tokens an API accepts: the findings about lifetime and audience apply to these. */
export function isAccessToken(token: ClassifiableToken): boolean {
  return classifyToken(token).kind === 'access-token';
}

function quoteList(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

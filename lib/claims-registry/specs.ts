import type { SpecRef } from './types';

/** Links to specification sections, built in one place so every table row cites the same way. */
export function rfc(number: number, section: string): SpecRef {
  return {
    name: `RFC ${number} §${section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${number}#section-${section}`,
  };
}

export function rfcAppendix(number: number, appendix: string): SpecRef {
  return {
    name: `RFC ${number} Appendix ${appendix}`,
    url: `https://www.rfc-editor.org/rfc/rfc${number}#appendix-${appendix}`,
  };
}

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html';

export function oidcCore(section: string, anchor: string): SpecRef {
  return { name: `OpenID Connect Core 1.0 §${section}`, url: `${OIDC_CORE}#${anchor}` };
}

export const OIDC_FRONT_CHANNEL_LOGOUT: SpecRef = {
  name: 'OpenID Connect Front-Channel Logout 1.0 §3',
  url: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents',
};

export const OIDC_BACK_CHANNEL_LOGOUT: SpecRef = {
  name: 'OpenID Connect Back-Channel Logout 1.0 §2.4',
  url: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
};

export const OIDC_IDENTITY_ASSURANCE: SpecRef = {
  name: 'OpenID Identity Assurance schema definition 1.0',
  url: 'https://openid.net/specs/openid-ida-verified-claims-1_0.html',
};

export const OIDC_FEDERATION: SpecRef = {
  name: 'OpenID Federation 1.0 §4.3 (trust_chain header)',
  url: 'https://openid.net/specs/openid-federation-1_0.html#section-4.3',
};

export const SD_JWT: SpecRef = {
  name: 'Selective Disclosure for JWTs (SD-JWT) §4.2',
  url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-selective-disclosure-jwt#section-4.2',
};

export const SD_JWT_KB: SpecRef = {
  name: 'Selective Disclosure for JWTs (SD-JWT) §4.3 (key binding)',
  url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-selective-disclosure-jwt#section-4.3',
};

export const SD_JWT_VC: SpecRef = {
  name: 'SD-JWT-based Verifiable Credentials §3.2.2',
  url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc#section-3.2.2',
};

export const TOKEN_STATUS_LIST: SpecRef = {
  name: 'Token Status List §6.1',
  url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-status-list#section-6.1',
};

export const W3C_VC: SpecRef = {
  name: 'W3C Verifiable Credentials Data Model 1.1 §6.3.1 (JWT encoding)',
  url: 'https://www.w3.org/TR/vc-data-model/#jwt-encoding',
};

export const ETSI_NFV_SEC_022: SpecRef = {
  name: 'ETSI GS NFV-SEC 022 V2.7.1',
  url: 'https://www.etsi.org/deliver/etsi_gs/NFV-SEC/001_099/022/02.07.01_60/gs_NFV-SEC022v020701p.pdf',
};

export const IANA_JWT_CLAIMS: SpecRef = {
  name: 'IANA JSON Web Token Claims registry',
  url: 'https://www.iana.org/assignments/jwt/jwt.xhtml',
};

// ---- vendor documents ------------------------------------------------------

export const ENTRA_ACCESS_TOKEN: SpecRef = {
  name: 'Microsoft identity platform: access token claims reference',
  url: 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
};

export const ENTRA_ID_TOKEN: SpecRef = {
  name: 'Microsoft identity platform: ID token claims reference',
  url: 'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference',
};

export const AUTH0_CUSTOM_CLAIMS: SpecRef = {
  name: 'Auth0 docs: create custom claims (namespaced)',
  url: 'https://auth0.com/docs/secure/tokens/json-web-tokens/create-custom-claims',
};

export const AUTH0_RBAC: SpecRef = {
  name: 'Auth0 docs: enable role-based access control for APIs',
  url: 'https://auth0.com/docs/get-started/apis/enable-role-based-access-control-for-apis',
};

export const AUTH0_CLAIMS: SpecRef = {
  name: 'Auth0 docs: JSON Web Token claims',
  url: 'https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-token-claims',
};

export const OKTA_TOKENS: SpecRef = {
  name: 'Okta docs: OpenID Connect & OAuth 2.0 API, access token payload',
  url: 'https://developer.okta.com/docs/reference/api/oidc/#access-token-payload',
};

export const KEYCLOAK_ROLES: SpecRef = {
  name: 'Keycloak Server Administration Guide: assigning permissions using roles and groups',
  url: 'https://www.keycloak.org/docs/latest/server_admin/index.html#assigning-permissions-using-roles-and-groups',
};

export const KEYCLOAK_MAPPERS: SpecRef = {
  name: 'Keycloak Server Administration Guide: OIDC token and SAML assertion mappings',
  url: 'https://www.keycloak.org/docs/latest/server_admin/index.html#_protocol-mappers',
};

export const COGNITO_ACCESS_TOKEN: SpecRef = {
  name: 'Amazon Cognito: understanding the access token',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html',
};

export const COGNITO_ID_TOKEN: SpecRef = {
  name: 'Amazon Cognito: understanding the identity (ID) token',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
};

export const GOOGLE_ID_TOKEN: SpecRef = {
  name: "Google Identity: OpenID Connect, an ID token's payload",
  url: 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload',
};

export const FIREBASE_ID_TOKEN: SpecRef = {
  name: 'Firebase: verify ID tokens (ID token payload claims)',
  url: 'https://firebase.google.com/docs/auth/admin/verify-id-tokens#verify_id_tokens_using_a_third-party_jwt_library',
};

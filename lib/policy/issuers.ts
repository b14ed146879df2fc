/**
 * Policy templates for common issuers, with placeholders such as {tenant} to fill in. The values follow each
 * issuer's published token documentation (issuer format, audience, keys URL, signing algorithm); the claims
 * that differ by deployment are placeholders, never guesses.
 */
export interface IssuerTemplate {
  id: string;
  label: string;
  /** One sentence on what the template checks and what to fill in. */
  description: string;
  /** The policy, as a JSON value with {placeholder} strings. */
  policy: Record<string, unknown>;
}

const BASE = {
  version: 1,
  algorithms: ['RS256'],
  requiredClaims: ['sub', 'exp', 'iat'],
  clockToleranceSeconds: 30,
};

export const ISSUER_TEMPLATES: readonly IssuerTemplate[] = [
  {
    id: 'auth0',
    label: 'Auth0',
    description:
      'Auth0 access tokens for your API: the issuer ends in "/" and the audience is the API identifier.',
    policy: {
      ...BASE,
      name: 'auth0-api',
      issuer: 'https://{tenant}.auth0.com/',
      audience: '{api-identifier}',
      jwksUri: 'https://{tenant}.auth0.com/.well-known/jwks.json',
    },
  },
  {
    id: 'entra-v2',
    label: 'Microsoft Entra ID v2',
    description:
      'Entra ID v2.0 tokens: the issuer names the tenant, the audience is your app\'s client ID, and "tid" pins the tenant (the keys are shared by all tenants).',
    policy: {
      ...BASE,
      name: 'entra-api',
      issuer: 'https://login.microsoftonline.com/{tenant-id}/v2.0',
      audience: '{client-id}',
      tenants: { claim: 'tid', allowed: ['{tenant-id}'] },
      jwksUri: 'https://login.microsoftonline.com/{tenant-id}/discovery/v2.0/keys',
    },
  },
  {
    id: 'okta',
    label: 'Okta',
    description:
      'Okta custom authorization server access tokens ("default" server shown): audience api://default unless you changed it.',
    policy: {
      ...BASE,
      name: 'okta-api',
      issuer: 'https://{okta-domain}/oauth2/default',
      audience: 'api://default',
      jwksUri: 'https://{okta-domain}/oauth2/default/v1/keys',
    },
  },
  {
    id: 'keycloak',
    label: 'Keycloak',
    description:
      'Keycloak realm tokens: the issuer names the realm; realm roles are at "realm_access.roles".',
    policy: {
      ...BASE,
      name: 'keycloak-api',
      issuer: 'https://{keycloak-host}/realms/{realm}',
      audience: '{client-id}',
      roles: { claim: 'realm_access.roles', all: [], any: ['{role}'] },
      jwksUri: 'https://{keycloak-host}/realms/{realm}/protocol/openid-connect/certs',
    },
  },
  {
    id: 'cognito',
    label: 'Amazon Cognito',
    description:
      'Cognito user pool access tokens: they carry no "aud", so the app client is checked in "client_id" and "token_use" must be "access".',
    policy: {
      ...BASE,
      name: 'cognito-api',
      issuer: 'https://cognito-idp.{region}.amazonaws.com/{user-pool-id}',
      claimValues: { token_use: 'access', client_id: '{app-client-id}' },
      jwksUri: 'https://cognito-idp.{region}.amazonaws.com/{user-pool-id}/.well-known/jwks.json',
    },
  },
  {
    id: 'google-id',
    label: 'Google ID tokens',
    description:
      'Google Sign-In ID tokens: either issuer form Google uses, and your OAuth client ID as the audience.',
    policy: {
      ...BASE,
      name: 'google-sign-in',
      issuer: ['https://accounts.google.com', 'accounts.google.com'],
      audience: '{client-id}.apps.googleusercontent.com',
      jwksUri: 'https://www.googleapis.com/oauth2/v3/certs',
    },
  },
  {
    id: 'firebase-id',
    label: 'Firebase ID tokens',
    description:
      'Firebase Authentication ID tokens: issuer and audience both name the project; "auth_time" must be present.',
    policy: {
      ...BASE,
      name: 'firebase-auth',
      issuer: 'https://securetoken.google.com/{project-id}',
      audience: '{project-id}',
      requiredClaims: ['sub', 'exp', 'iat', 'auth_time'],
      jwksUri: 'https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com',
    },
  },
];

const PLACEHOLDER = /\{[a-z][a-z0-9-]*\}/g;

/** The template as policy text, ready for the "Policy (JSON)" box. */
export function issuerTemplateText(id: string): string | undefined {
  const template = ISSUER_TEMPLATES.find((t) => t.id === id);
  return template ? JSON.stringify(template.policy, null, 2) : undefined;
}

/** Placeholders still to fill in, e.g. ["{tenant}"], each once, in order of appearance. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}

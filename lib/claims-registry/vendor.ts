import {
  AUTH0_CLAIMS,
  AUTH0_CUSTOM_CLAIMS,
  AUTH0_RBAC,
  COGNITO_ACCESS_TOKEN,
  COGNITO_ID_TOKEN,
  ENTRA_ACCESS_TOKEN,
  ENTRA_ID_TOKEN,
  FIREBASE_ID_TOKEN,
  GOOGLE_ID_TOKEN,
  KEYCLOAK_MAPPERS,
  KEYCLOAK_ROLES,
  OKTA_TOKENS,
} from './specs';
import type { ClaimInfo, ClaimPatternInfo } from './types';

/** Claims that one identity provider defines or uses in its own way. */
export const VENDOR_CLAIMS: readonly ClaimInfo[] = [
  // Microsoft Entra ID
  {
    name: 'tid',
    title: 'Tenant ID',
    description: 'The Entra ID tenant (directory) the user signed in to, as a GUID.',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'oid',
    title: 'Object ID',
    description:
      "The user's (or service principal's) immutable ID in the tenant. Use it, with tid, to identify someone across apps.",
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'roles',
    title: 'App roles',
    description:
      'App roles assigned to the user or application for this API. A 403 often means the needed role is missing here.',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string[]',
    display: 'list',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'scp',
    title: 'Delegated scopes',
    description:
      'The delegated permissions the user consented to for this API, space-separated (for example "User.Read Files.Read").',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'list',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'upn',
    title: 'User principal name',
    description:
      "The user's sign-in name, often an email-like address. It can change, so do not use it as an ID.",
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'wids',
    title: 'Directory role template IDs',
    description:
      'The tenant-wide administrator roles (such as Global Administrator) the user holds, as role template GUIDs.',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string[]',
    display: 'list',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'ver',
    title: 'Token version',
    description:
      'The format version of the token: "1.0" (sts.windows.net issuer) or "2.0" (login.microsoftonline.com/…/v2.0).',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'idp',
    title: 'Identity provider',
    description:
      'Where the user actually authenticated, when it differs from the issuer (for example a guest from another tenant or a Microsoft account).',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'appid',
    title: 'Application ID (v1)',
    description:
      'The client application that requested the token, in v1.0 tokens. v2.0 tokens use "azp" instead.',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'azp',
    title: 'Application ID (v2)',
    description: 'The client application that requested the token, in v2.0 tokens (replaces "appid").',
    spec: ENTRA_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },
  {
    name: 'uti',
    title: 'Token identifier',
    description: 'An internal identifier of the token, used by Microsoft to revalidate it.',
    spec: ENTRA_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Microsoft Entra ID',
  },

  // Auth0
  {
    name: 'permissions',
    title: 'Permissions',
    description:
      'The API permissions granted through role-based access control, added when "Add Permissions in the Access Token" is on.',
    spec: AUTH0_RBAC,
    valueType: 'string[]',
    display: 'list',
    vendor: 'Auth0',
  },
  {
    name: 'gty',
    title: 'Grant type',
    description:
      'Which OAuth grant produced the token, such as "client-credentials" (machine to machine) or "password".',
    spec: AUTH0_CLAIMS,
    valueType: 'string',
    display: 'string',
    vendor: 'Auth0',
  },
  {
    name: 'org_id',
    title: 'Organization ID',
    description: 'The Auth0 Organization the user signed in through (the tenant of a B2B app).',
    spec: AUTH0_CLAIMS,
    valueType: 'string',
    display: 'string',
    vendor: 'Auth0',
  },

  // Okta
  {
    name: 'uid',
    title: 'User ID',
    description: "The Okta user's ID (only in tokens issued for a user, not for a client).",
    spec: OKTA_TOKENS,
    valueType: 'string',
    display: 'string',
    vendor: 'Okta',
  },
  {
    name: 'cid',
    title: 'Client ID',
    description: 'The client application that requested the token.',
    spec: OKTA_TOKENS,
    valueType: 'string',
    display: 'string',
    vendor: 'Okta',
  },
  {
    name: 'scp',
    title: 'Scopes',
    description: 'The scopes granted to the token, as an array of strings.',
    spec: OKTA_TOKENS,
    valueType: 'string[]',
    display: 'list',
    vendor: 'Okta',
  },

  // Keycloak
  {
    name: 'realm_access',
    title: 'Realm access',
    description: 'Realm-wide roles of the user, inside "roles".',
    spec: KEYCLOAK_ROLES,
    valueType: 'object',
    display: 'object',
    vendor: 'Keycloak',
  },
  {
    name: 'realm_access.roles',
    title: 'Realm roles',
    description: 'Roles the user holds across the whole Keycloak realm.',
    spec: KEYCLOAK_ROLES,
    valueType: 'string[]',
    display: 'list',
    vendor: 'Keycloak',
  },
  {
    name: 'resource_access',
    title: 'Client roles',
    description: 'Roles per client application: each key is a client ID with its own "roles" list.',
    spec: KEYCLOAK_ROLES,
    valueType: 'object',
    display: 'object',
    vendor: 'Keycloak',
  },
  {
    name: 'preferred_username',
    title: 'Username',
    description: 'The Keycloak username of the user.',
    spec: KEYCLOAK_MAPPERS,
    valueType: 'string',
    display: 'string',
    vendor: 'Keycloak',
  },
  {
    name: 'typ',
    title: 'Token type',
    description:
      'Which kind of Keycloak token this is: "Bearer" (access token), "ID", "Refresh" or "Logout".',
    spec: KEYCLOAK_MAPPERS,
    valueType: 'string',
    display: 'string',
    vendor: 'Keycloak',
  },

  // AWS Cognito
  {
    name: 'cognito:groups',
    title: 'Cognito groups',
    description: 'The user pool groups the user belongs to.',
    spec: COGNITO_ACCESS_TOKEN,
    valueType: 'string[]',
    display: 'list',
    vendor: 'AWS Cognito',
  },
  {
    name: 'cognito:username',
    title: 'Cognito username',
    description: 'The username of the user in the user pool.',
    spec: COGNITO_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },
  {
    name: 'cognito:roles',
    title: 'Cognito IAM roles',
    description: 'The IAM role ARNs tied to the groups of the user.',
    spec: COGNITO_ID_TOKEN,
    valueType: 'string[]',
    display: 'list',
    vendor: 'AWS Cognito',
  },
  {
    name: 'token_use',
    title: 'Token use',
    description:
      'Which kind of Cognito token this is: "access" or "id". APIs should accept only access tokens.',
    spec: COGNITO_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },
  {
    name: 'username',
    title: 'Username',
    description: 'The username of the user in the user pool (access tokens).',
    spec: COGNITO_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },
  {
    name: 'origin_jti',
    title: 'Origin JWT ID',
    description:
      'The identifier of the sign-in session, shared by the tokens refreshed from it; revoking it revokes them all.',
    spec: COGNITO_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },
  {
    name: 'event_id',
    title: 'Event ID',
    description: 'The identifier of the authentication event that produced the token.',
    spec: COGNITO_ACCESS_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },

  // Google
  {
    name: 'hd',
    title: 'Hosted domain',
    description:
      'The Google Workspace domain of the user (absent for personal accounts). Check it to allow only your organisation.',
    spec: GOOGLE_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Google',
  },

  // Firebase
  {
    name: 'user_id',
    title: 'User ID',
    description: 'The Firebase user\'s ID (the same as "sub").',
    spec: FIREBASE_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Firebase',
  },
  {
    name: 'firebase',
    title: 'Firebase sign-in data',
    description: 'Details of how the user signed in to Firebase: the provider and the linked identities.',
    spec: FIREBASE_ID_TOKEN,
    valueType: 'object',
    display: 'object',
    vendor: 'Firebase',
  },
  {
    name: 'firebase.sign_in_provider',
    title: 'Sign-in provider',
    description:
      'How the user signed in, such as "password", "google.com", "phone", "anonymous" or "custom".',
    spec: FIREBASE_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Firebase',
  },
  {
    name: 'firebase.identities',
    title: 'Linked identities',
    description: 'The accounts linked to this user, per provider.',
    spec: FIREBASE_ID_TOKEN,
    valueType: 'object',
    display: 'object',
    vendor: 'Firebase',
  },
  {
    name: 'firebase.tenant',
    title: 'Firebase tenant',
    description: 'The Identity Platform tenant the user belongs to, in multi-tenant projects.',
    spec: FIREBASE_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'Firebase',
  },
];

/** Claim name families: the name follows a pattern rather than being fixed. */
export const VENDOR_CLAIM_PATTERNS: readonly ClaimPatternInfo[] = [
  {
    name: 'https://<namespace>/<claim>',
    pattern: /^https?:\/\/[^/]+\/./,
    title: 'Namespaced custom claim',
    description:
      'A custom claim added by an Auth0 Action (or any issuer) under a URL namespace, so it cannot collide with standard claim names. Often holds roles or app-specific data.',
    spec: AUTH0_CUSTOM_CLAIMS,
    valueType: 'any',
    display: 'object',
    vendor: 'Auth0',
  },
  {
    name: 'custom:<attribute>',
    pattern: /^custom:./,
    title: 'Cognito custom attribute',
    description: 'A custom user attribute defined in the Cognito user pool.',
    spec: COGNITO_ID_TOKEN,
    valueType: 'string',
    display: 'string',
    vendor: 'AWS Cognito',
  },
];

/** Which identity provider issued a token, judged from `iss`, else from claims only that provider uses. */
import type { Vendor } from '../claims-registry';

interface VendorRule {
  vendor: Vendor;
  issuer?: RegExp;
  /** The token is from this vendor when it holds all of these claims. */
  claims?: readonly string[];
}

/** Ordered: issuer rules are tried first, then claim rules, first match wins. */
const VENDOR_RULES: readonly VendorRule[] = [
  {
    vendor: 'Microsoft Entra ID',
    issuer: /^https:\/\/(login\.microsoftonline\.(com|us)|sts\.windows\.net|[^/]+\.ciamlogin\.com)\//i,
    claims: ['tid', 'oid'],
  },
  {
    vendor: 'AWS Cognito',
    issuer: /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//i,
    claims: ['token_use'],
  },
  { vendor: 'Firebase', issuer: /^https:\/\/securetoken\.google\.com\//i, claims: ['firebase'] },
  { vendor: 'Google', issuer: /^(https:\/\/)?accounts\.google\.com$/i },
  {
    vendor: 'Okta',
    issuer: /^https:\/\/[^/]+\.(okta|oktapreview|okta-emea)\.com(\/|$)/i,
    claims: ['cid', 'uid'],
  },
  { vendor: 'Auth0', issuer: /^https:\/\/[^/]+\.auth0\.com\/$/i, claims: ['gty'] },
  { vendor: 'Keycloak', issuer: /\/realms\/[^/]+\/?$/, claims: ['realm_access'] },
];

const has = (claims: Record<string, unknown>, name: string) =>
  Object.prototype.hasOwnProperty.call(claims, name);

export function detectVendor(claims: Record<string, unknown>): Vendor | undefined {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const byIssuer = VENDOR_RULES.find((rule) => rule.issuer?.test(iss));
  if (byIssuer) return byIssuer.vendor;
  return VENDOR_RULES.find((rule) => rule.claims?.every((name) => has(claims, name)))?.vendor;
}

/**
 * Finds an issuer's jwks_uri: OpenID Connect Discovery 1.0 first, then OAuth 2.0 Authorization Server
 * Metadata (RFC 8414) when there is no OpenID document. The document's `issuer` must equal the issuer
 * asked for (OIDC Discovery §4.3, RFC 8414 §3.3); when it does not, we say so.
 */
import { curlCommand, type JwksError } from './errors';
import type { FetchedJson, FetchJsonResult } from './fetch';
import type { JwksRequestPlan } from './url';

export interface DiscoveredJwksUri {
  documentUrl: string;
  jwksUri: string;
  /** The `issuer` the document names. */
  issuer?: string;
  /** Set when that issuer differs from the one asked for. */
  issuerWarning?: string;
}

export type DiscoveryResult = { ok: true; value: DiscoveredJwksUri } | { ok: false; error: JwksError };

/** Status and body errors mean "no document here": the next well-known location may have one. */
function worthFallingBack(error: JwksError): boolean {
  return error.code === 'jwks-http-status' || error.code === 'jwks-not-json';
}

function readDocument(fetched: FetchedJson, expectedIssuer: string | undefined): DiscoveryResult {
  const doc = fetched.json;
  const url = fetched.finalUrl;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return {
      ok: false,
      error: {
        code: 'jwks-discovery-failed',
        message: `${url} is JSON but not a discovery document (not an object).`,
        url,
      },
    };
  }
  const record = doc as Record<string, unknown>;
  if (typeof record.jwks_uri !== 'string' || record.jwks_uri === '') {
    const hint = Array.isArray(record.keys)
      ? ' It holds "keys", so it looks like a JWKS: enter it as the JWKS URL.'
      : '';
    return {
      ok: false,
      error: {
        code: 'jwks-discovery-no-jwks-uri',
        message: `The discovery document at ${url} has no "jwks_uri", so it publishes no signing keys.${hint} If the issuer signs with a shared secret (HS256), there is no JWKS: paste the secret in the verifier instead. Otherwise find the JWKS URL in the issuer's documentation and enter it here.`,
        url,
      },
    };
  }
  const issuer = typeof record.issuer === 'string' ? record.issuer : undefined;
  let issuerWarning: string | undefined;
  if (expectedIssuer !== undefined && issuer !== expectedIssuer) {
    issuerWarning =
      issuer === undefined
        ? `The discovery document at ${url} names no "issuer". OpenID Connect requires it, so a client would reject this document.`
        : `The discovery document says its issuer is "${issuer}", not "${expectedIssuer}" as asked. OpenID Connect Discovery §4.3 requires them to be identical, so a client would reject these keys.${
            issuer.replace(/\/+$/, '') === expectedIssuer.replace(/\/+$/, '')
              ? ' They differ only by a trailing "/": type the issuer exactly as the token\'s "iss" has it.'
              : ''
          }`;
  }
  let jwksUri: string;
  try {
    jwksUri = new URL(record.jwks_uri, url).href;
  } catch {
    return {
      ok: false,
      error: {
        code: 'jwks-discovery-failed',
        message: `The discovery document at ${url} has a jwks_uri that is not a URL ("${record.jwks_uri.slice(0, 80)}").`,
        url,
      },
    };
  }
  return { ok: true, value: { documentUrl: url, jwksUri, issuer, issuerWarning } };
}

/** Fetches the discovery document named by `plan` (with the RFC 8414 fallback) and reads its jwks_uri. */
export async function discoverJwksUri(
  plan: JwksRequestPlan,
  fetchDocument: (url: string) => Promise<FetchJsonResult>,
): Promise<DiscoveryResult> {
  const first = await fetchDocument(plan.url);
  if (first.ok) return readDocument(first.value, plan.expectedIssuer);
  if (!plan.fallbackUrl || !worthFallingBack(first.error)) return first;

  const second = await fetchDocument(plan.fallbackUrl);
  if (second.ok) return readDocument(second.value, plan.expectedIssuer);
  if (!worthFallingBack(second.error)) return second;
  return {
    ok: false,
    error: {
      code: 'jwks-discovery-failed',
      message: `No discovery document was found for this issuer. ${plan.url}: ${first.error.message} ${plan.fallbackUrl}: ${second.error.message} If you know the JWKS URL (often ending in /jwks.json, /keys or /certs), enter it instead.`,
      url: plan.url,
      curl: curlCommand(plan.url),
    },
  };
}

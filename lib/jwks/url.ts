/**
 * Which URL a JWKS request goes to, and whether it may go there at all. Nothing here touches the
 * network: the panel uses `planJwksRequest` to show the exact URL before the user presses "Fetch keys".
 */
import { curlCommand, type JwksError } from './errors';

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: JwksError };

export interface UrlCheckOptions {
  /** The token on screen. A URL that contains it, or any segment of it, is refused. */
  token?: string;
}

/** `localhost`, 127.0.0.0/8 and [::1] are the only hosts reachable over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  // The WHATWG URL parser has already normalised forms such as `127.1` or `0x7f.0.0.1` to dotted quads.
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** https anywhere; http only to a loopback host. Used for the typed URL, jwks_uri and redirect targets. */
export function isAllowedScheme(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The pieces of a token long enough to identify it: the whole token and each segment of 16+ characters. */
export function tokenFragments(token: string | undefined): string[] {
  const cleaned = (token ?? '').trim();
  if (cleaned.length < 16) return [];
  const parts = cleaned.split(/[.~]/).filter((part) => part.length >= 16);
  return [cleaned, ...parts];
}

function carriesToken(url: URL, fragments: string[]): boolean {
  if (fragments.length === 0) return false;
  let decoded = url.href;
  try {
    decoded = decodeURIComponent(url.href);
  } catch {
    // A malformed escape: the raw href is still checked below.
  }
  return fragments.some((fragment) => url.href.includes(fragment) || decoded.includes(fragment));
}

/** Parses a URL the app is about to request and applies every rule that can be checked before sending. */
export function checkFetchUrl(text: string, options: UrlCheckOptions = {}): UrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {
      ok: false,
      error: {
        code: 'jwks-empty-input',
        message: 'Enter a JWKS URL or an issuer URL, then press "Fetch keys".',
      },
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    const hint = /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(trimmed) ? ` Did you mean https://${trimmed}?` : '';
    return {
      ok: false,
      error: {
        code: 'jwks-invalid-url',
        message: `"${trimmed.slice(0, 80)}" is not a full URL. Start it with https://.${hint}`,
      },
    };
  }
  if (!isAllowedScheme(url)) {
    const message =
      url.protocol === 'http:'
        ? `Plain http is allowed only for localhost, 127.0.0.0/8 and [::1]: anyone on the network could swap the keys of ${url.host}. Use https://${url.host}${url.pathname}${url.search}.`
        : `Only https: URLs can be fetched (this one is ${url.protocol}). Paste the JWKS instead if you have it as a file.`;
    return { ok: false, error: { code: 'jwks-insecure-url', message, url: url.href } };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      error: {
        code: 'jwks-url-has-credentials',
        message:
          'The URL contains a user name or password. JWT Lens sends no credentials; remove the part before "@" (a public JWKS needs none).',
      },
    };
  }
  if (carriesToken(url, tokenFragments(options.token))) {
    return {
      ok: false,
      error: {
        code: 'jwks-url-carries-token',
        message:
          'The URL contains your token or a piece of it, so JWT Lens will not request it. A JWKS URL never needs the token: remove it from the URL.',
      },
    };
  }
  url.hash = '';
  return { ok: true, url };
}

const OIDC_SUFFIX = '/.well-known/openid-configuration';
const OAUTH_SUFFIX = '/.well-known/oauth-authorization-server';

function pathWithoutTrailingSlash(url: URL): string {
  return url.pathname.replace(/\/+$/, '');
}

/** OpenID Connect Discovery 1.0 §4: drop any terminating "/" from the issuer, then append. */
export function oidcDiscoveryUrl(issuer: URL): string {
  return `${issuer.origin}${pathWithoutTrailingSlash(issuer)}${OIDC_SUFFIX}`;
}

/** RFC 8414 §3.1: the well-known part goes between the host and the issuer's path. */
export function oauthMetadataUrl(issuer: URL): string {
  return `${issuer.origin}${OAUTH_SUFFIX}${pathWithoutTrailingSlash(issuer)}`;
}

export type JwksInputKind = 'jwks' | 'discovery' | 'issuer';

/** Last path segments that name a key set at common issuers (Auth0, Google, Okta, Keycloak, Entra ID). */
const JWKS_SEGMENT = /(^|[._-])(jwks|keys|certs)([._-]|$)|\.json$/i;

/**
 * Decides what the typed URL points at. A discovery document is recognised by its well-known path and a
 * JWKS by a last segment such as `jwks.json`, `keys` or `certs`; anything else is treated as an issuer.
 */
export function classifyJwksInput(url: URL): JwksInputKind {
  const path = url.pathname;
  if (path.endsWith(OIDC_SUFFIX) || path.startsWith(OAUTH_SUFFIX)) return 'discovery';
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return JWKS_SEGMENT.test(last) ? 'jwks' : 'issuer';
}

/** The issuer a discovery URL belongs to, i.e. the value its document's `issuer` must equal. */
export function issuerOfDiscoveryUrl(url: URL): string {
  if (url.pathname.endsWith(OIDC_SUFFIX)) {
    const path = url.pathname.slice(0, -OIDC_SUFFIX.length);
    return `${url.origin}${path}`;
  }
  return `${url.origin}${url.pathname.slice(OAUTH_SUFFIX.length)}`;
}

export interface JwksRequestPlan {
  kind: JwksInputKind;
  /** The first URL requested. */
  url: string;
  /** For an issuer: the RFC 8414 URL tried when OpenID discovery finds no document. */
  fallbackUrl?: string;
  /** The issuer a discovery document must name (for `issuer` and `discovery` inputs). */
  expectedIssuer?: string;
  /** One sentence for the panel: exactly what will be requested. */
  description: string;
  curl: string;
}

/** What pressing "Fetch keys" would request, computed without any network access. */
export function planJwksRequest(
  input: string,
  options: UrlCheckOptions = {},
): { ok: true; plan: JwksRequestPlan } | { ok: false; error: JwksError } {
  const checked = checkFetchUrl(input, options);
  if (!checked.ok) return checked;
  const url = checked.url;
  const kind = classifyJwksInput(url);
  if (kind === 'jwks') {
    return {
      ok: true,
      plan: {
        kind,
        url: url.href,
        description: `Will request ${url.href} (a JWKS), and nothing else.`,
        curl: curlCommand(url.href),
      },
    };
  }
  if (kind === 'discovery') {
    return {
      ok: true,
      plan: {
        kind,
        url: url.href,
        expectedIssuer: issuerOfDiscoveryUrl(url),
        description: `Will request ${url.href} (a discovery document), then the jwks_uri it names.`,
        curl: curlCommand(url.href),
      },
    };
  }
  // The issuer as typed (fragment dropped): OIDC compares issuers as exact strings.
  const expectedIssuer = input.trim().replace(/#.*$/, '');
  const first = oidcDiscoveryUrl(url);
  const fallbackUrl = oauthMetadataUrl(url);
  return {
    ok: true,
    plan: {
      kind,
      url: first,
      fallbackUrl,
      expectedIssuer,
      description: `Will request ${first}, then the jwks_uri it names. If there is no such document: ${fallbackUrl}.`,
      curl: curlCommand(first),
    },
  };
}

/** What the panel needs from a decoded token: the URL to suggest (never fetched by itself) and the kid. */
export interface TokenJwksHints {
  /** The token's `iss` when it can be fetched under the rules above (https, or http to loopback). */
  suggestedUrl?: string;
  kid?: string;
}

export function jwksHintsFromToken(header: unknown, payload: unknown): TokenJwksHints {
  const hints: TokenJwksHints = {};
  if (
    typeof header === 'object' &&
    header !== null &&
    typeof (header as { kid?: unknown }).kid === 'string'
  ) {
    hints.kid = (header as { kid: string }).kid;
  }
  const iss =
    typeof payload === 'object' && payload !== null ? (payload as { iss?: unknown }).iss : undefined;
  if (typeof iss === 'string') {
    try {
      if (isAllowedScheme(new URL(iss))) hints.suggestedUrl = iss;
    } catch {
      // An iss that is not a URL (e.g. "my-service") has no discovery document to suggest.
    }
  }
  return hints;
}

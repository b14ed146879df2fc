/**
 * Share links and deep links. A token travels only in the URL fragment (`#token=…`): browsers never send the
 * fragment to the server, so the host of this page cannot log it. A token in the query string (`?token=…`) has
 * already been sent to the server by the time the page loads, so it is refused, never decoded.
 */

/** Fragment parameters that carry a token: ours, and the forms jwt.io and jwt.ms links use. */
export const TOKEN_FRAGMENT_PARAMS = ['token', 'id_token', 'access_token', 'value'] as const;

export type LinkRequest =
  | { kind: 'none' }
  | { kind: 'token'; token: string; param: (typeof TOKEN_FRAGMENT_PARAMS)[number] }
  | { kind: 'example'; name: string }
  /** A guide link: encoded policies (read by readGuideLink, which loads with the policy check), maybe a token. */
  | { kind: 'guide'; policies: string; token?: string; focus?: string }
  | { kind: 'refused-query'; param: string; message: string };

/** The fragment parameter of a guide link that carries its policies (see guide.ts). */
export const GUIDE_POLICIES_PARAM = 'policies';

/** Query parameters that would carry a token, checked case-insensitively. */
const QUERY_TOKEN_PARAMS = new Set<string>([...TOKEN_FRAGMENT_PARAMS, 'jwt']);

export const REFUSED_QUERY_MESSAGE =
  'This link put a token in the query string (after "?"). Browsers send the query string to the server that ' +
  'hosts this page, where it may be logged, so JWT Lens did not decode it. If the token is real, treat it as ' +
  'exposed. To share a token, use "Copy share link": it puts the token after "#", which browsers never send.';

/**
 * Reads what a link asks for. `search` and `hash` are `location.search` and `location.hash`, with or without the
 * leading "?" / "#". A token in the query wins over everything, so it is never silently ignored.
 */
export function readLinkRequest(search: string, hash: string): LinkRequest {
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  for (const key of query.keys()) {
    if (QUERY_TOKEN_PARAMS.has(key.toLowerCase())) {
      return { kind: 'refused-query', param: key, message: REFUSED_QUERY_MESSAGE };
    }
  }
  const fragment = fragmentParams(hash);
  const policies = fragment.get(GUIDE_POLICIES_PARAM)?.trim();
  if (policies) {
    const token = fragment.get('token')?.trim();
    const focus = fragment.get('focus')?.trim();
    return { kind: 'guide', policies, ...(token ? { token } : {}), ...(focus ? { focus } : {}) };
  }
  for (const param of TOKEN_FRAGMENT_PARAMS) {
    const token = fragment.get(param)?.trim();
    if (token) return { kind: 'token', token, param };
  }
  const example = fragment.get('example')?.trim();
  if (example) return { kind: 'example', name: example };
  return { kind: 'none' };
}

/**
 * Fragment parameters as written. Unlike URLSearchParams, "+" stays "+" (a token in a hand-written link may
 * contain standard base64), and a broken percent-escape keeps the raw text instead of turning into U+FFFD.
 */
function fragmentParams(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    if (!params.has(name)) params.set(name, percentDecode(pair.slice(eq + 1)));
  }
  return params;
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The current address without the parts a link request used: the fragment, and a refused query parameter. */
export function addressWithoutRequest(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (QUERY_TOKEN_PARAMS.has(key.toLowerCase())) url.searchParams.delete(key);
  }
  return url.toString();
}

/**
 * A link that opens JWT Lens with this token. Only the token goes in, in the fragment; never a key or secret
 * (the function does not take one). `pageUrl` is the address of the app page.
 */
export function shareLinkFor(pageUrl: string, token: string): string {
  const url = new URL(addressWithoutRequest(pageUrl));
  // URLSearchParams encodes "+", "/" and "=" so the token survives copying intact.
  url.hash = new URLSearchParams({ token: token.trim() }).toString();
  return url.toString();
}

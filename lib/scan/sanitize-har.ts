/**
 * A sanitized copy of a HAR file that is still a HAR 1.2 document: only string values change, so every
 * required field keeps its type and viewers still open it. Four switchable categories, each counted:
 * tokens (any JWT, JWS, JWE or SD-JWT anywhere, in the chosen redaction mode), cookies (Cookie and
 * Set-Cookie values, `cookies[]`), authorization (the credentials of Authorization-like headers) and
 * parameters (token-bearing query, form and JSON body parameters such as `code` or `client_secret`).
 * A body stored base64 is scrubbed in its decoded text, so its tokens do not survive in the copy.
 */
import { decodeBase64Body, encodeBase64Body } from './har-encoded';
import { readHar, walkHarStrings, type HarString } from './har-read';
import { parseJsonBody, walkJsonStrings } from './json-walk';
import { redactText, type RedactionMode } from './redact';
import { TokenMatcher } from './scan-text';
import type { ScanError } from './types';

export const REDACTED = '[redacted]';

/** OAuth 2.0 / OIDC names whose values are credentials (RFC 6749 §4, RFC 7521 §4.2, RFC 8693, OIDC Back-Channel Logout). */
export const SENSITIVE_PARAMETERS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'code',
  'client_secret',
  'assertion',
  'client_assertion',
  'logout_token',
  'subject_token',
  'actor_token',
  'device_code',
  'user_code',
  'code_verifier',
  'password',
  'token',
  'jwt',
  'api_key',
  'apikey',
  'samlresponse',
  'samlrequest',
]);

/** Headers that carry credentials like Authorization does (RFC 9110 §11.6.2, §11.7.2, common API keys). */
const AUTHORIZATION_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-id-token',
  'dpop',
]);

export interface SanitizeOptions {
  /** How tokens are redacted; false leaves tokens not covered by another category in place. */
  tokens: RedactionMode | false;
  cookies: boolean;
  authorization: boolean;
  parameters: boolean;
}

export interface SanitizeCounts {
  tokens: number;
  cookies: number;
  authorization: number;
  parameters: number;
}

export type SanitizeResult =
  | { ok: true; har: string; counts: SanitizeCounts }
  | { ok: false; error: ScanError; har?: undefined; counts: SanitizeCounts };

const zero = (): SanitizeCounts => ({ tokens: 0, cookies: 0, authorization: 0, parameters: 0 });

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`; Set-Cookie keeps its attributes after the first pair. */
function scrubCookieHeader(value: string, setCookie: boolean): string {
  if (setCookie) {
    const semi = value.indexOf(';');
    const pair = semi === -1 ? value : value.slice(0, semi);
    const eq = pair.indexOf('=');
    return `${eq === -1 ? '' : pair.slice(0, eq + 1)}${REDACTED}${semi === -1 ? '' : value.slice(semi)}`;
  }
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq + 1)}${REDACTED}`;
    })
    .join(';');
}

/** `Bearer abc` → `Bearer [redacted]`: the scheme stays, so the reader still sees what was sent. */
function scrubCredentials(value: string): string {
  const m = /^(\s*[A-Za-z][\w-]*\s+)\S/.exec(value);
  return m ? `${m[1]}${REDACTED}` : REDACTED;
}

function isSensitive(name: string): boolean {
  return SENSITIVE_PARAMETERS.has(name.toLowerCase());
}

function decodeName(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Scrubs sensitive `name=value` pairs of a query, a fragment or a form body; counts each. */
function scrubPairs(text: string, count: () => void): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1 || !isSensitive(decodeName(pair.slice(0, eq))) || pair.length === eq + 1) return pair;
      count();
      return `${pair.slice(0, eq + 1)}${REDACTED}`;
    })
    .join('&');
}

/** Scrubs the query and fragment of a URL (an implicit-flow `#id_token=` is as sensitive as `?code=`). */
function scrubUrl(url: string, count: () => void): string {
  return url.replace(/([?#])([^#]*)/g, (_, mark: string, pairs: string) => mark + scrubPairs(pairs, count));
}

/** Scrubs sensitive members anywhere in a JSON body (a token endpoint response, a JSON token request). */
function scrubJsonBody(body: unknown, count: () => void): boolean {
  let changed = false;
  walkJsonStrings(body, (value, path, holder, key) => {
    if (typeof key === 'string' && isSensitive(key) && value !== REDACTED) {
      (holder as Record<string, unknown>)[key] = REDACTED;
      count();
      changed = true;
    }
    void path;
  });
  return changed;
}

function scrubCategory(s: HarString, options: SanitizeOptions, counts: SanitizeCounts): string {
  const { role } = s;
  let value = s.value;
  const countParameter = () => void counts.parameters++;
  if (role.type === 'header') {
    const name = role.name.toLowerCase();
    if (options.cookies && (name === 'cookie' || name === 'set-cookie')) {
      counts.cookies++;
      return scrubCookieHeader(value, name === 'set-cookie');
    }
    if (options.authorization && AUTHORIZATION_HEADERS.has(name)) {
      counts.authorization++;
      return scrubCredentials(value);
    }
    if (options.parameters && (name === 'location' || name === 'referer'))
      return scrubUrl(value, countParameter);
    return value;
  }
  if (role.type === 'cookie' && options.cookies && value !== '') {
    counts.cookies++;
    return REDACTED;
  }
  if (!options.parameters) return value;
  if ((role.type === 'query' || role.type === 'form') && isSensitive(role.name) && value !== '') {
    counts.parameters++;
    return REDACTED;
  }
  if (role.type === 'url') value = scrubUrl(value, countParameter);
  if (role.type === 'body') {
    const body = parseJsonBody(value, role.mimeType);
    if (body !== undefined) return scrubJsonBody(body, countParameter) ? JSON.stringify(body) : value;
    if (/x-www-form-urlencoded/i.test(role.mimeType)) return scrubPairs(value, countParameter);
  }
  return value;
}

/**
 * A sanitized copy of `harText` as HAR JSON text, with the counts per category for the user to check
 * before downloading. The input string is left as it was.
 */
export function sanitizeHar(harText: string, options: SanitizeOptions): SanitizeResult {
  const read = readHar(harText);
  if (!read.ok) return { ok: false, error: read.error, counts: zero() };
  const counts = zero();
  const matcher = new TokenMatcher(new Date(0));
  const sanitize = (s: HarString): string => {
    let value = scrubCategory(s, options, counts);
    if (options.tokens !== false && value.includes('eyJ')) {
      const redacted = redactText(value, options.tokens, matcher);
      counts.tokens += redacted.redacted;
      value = redacted.text;
    }
    return value;
  };
  walkHarStrings(read.har, (s) => {
    let value: string;
    if (s.role.type === 'body' && s.role.base64) {
      // Scrubbed as the body it encodes, then encoded again; one that is not base64 stays as it was.
      const body = decodeBase64Body(s.value);
      if (body === undefined) return;
      const text = sanitize({ ...s, value: body.text });
      value = text === body.text ? s.value : encodeBase64Body({ ...body, text });
    } else value = sanitize(s);
    if (value !== s.value) (s.holder as Record<string | number, unknown>)[s.key] = value;
  });
  return { ok: true, har: JSON.stringify(read.har, null, 2), counts };
}

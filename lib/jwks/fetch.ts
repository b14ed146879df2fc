/**
 * The one network call in lib/: a GET for a public JSON document (a JWKS or a discovery document).
 *
 * Privacy rules (each has a unit test in fetch.test.ts):
 * - https only, plain http only to loopback hosts (checked before sending and again on the final URL);
 * - `credentials: 'omit'` (no cookies, no HTTP auth), `referrerPolicy: 'no-referrer'`, no custom headers
 *   (which also keeps it a CORS "simple request", so no preflight), `cache: 'no-store'` (our own cache in
 *   cache.ts is the only one, so "Refresh" really asks the server again);
 * - never the token: no body, no header, and a URL containing the token is refused;
 * - a timeout (10 s by default) that aborts the request, and a size cap (1 MB by default) enforced on
 *   Content-Length and again while streaming the body.
 *
 * Redirects: a browser follows them itself (`redirect: 'follow'`). With `redirect: 'manual'` a page only
 * sees an opaque response without the Location header, so it cannot vet a hop before taking it. What the
 * browser guarantees instead: on an https page, mixed-content blocking stops any hop to http (loopback
 * excepted), and a cross-origin hop must itself pass CORS. We then check `response.url` (the final URL)
 * against the same https-or-loopback rule and refuse the body if it fails.
 */
import { curlCommand, type JwksError } from './errors';
import { checkFetchUrl, isAllowedScheme } from './url';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface FetchJsonOptions {
  fetch: FetchLike;
  /** The token on screen, so that a URL carrying it is refused. */
  token?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Lets the caller cancel (for example when the panel unmounts). */
  signal?: AbortSignal;
}

export interface FetchedJson {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  redirected: boolean;
  status: number;
  contentType: string;
  cacheControl: string | null;
  json: unknown;
  bytes: number;
}

export type FetchJsonResult = { ok: true; value: FetchedJson } | { ok: false; error: JwksError };

/** The exact request options: nothing that identifies the user, the page or the token. */
export function privateRequestInit(signal: AbortSignal): RequestInit {
  return {
    method: 'GET',
    mode: 'cors',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    redirect: 'follow',
    signal,
  };
}

class SizeExceeded extends Error {}

async function readCapped(response: Response, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  if (!response.body) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    if (buffer.byteLength > maxBytes) throw new SizeExceeded();
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop downloading at once: cancel the stream and abort the connection.
      abort();
      await reader.cancel().catch(() => undefined);
      throw new SizeExceeded();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The first characters of a body, with control characters made visible, for a "this is not JSON" message. */
export function bodyPreview(text: string, max = 80): string {
  const head = text
    .slice(0, max)
    .replace(/[\u0000-\u001f\u007f]/g, (c) =>
      c === '\n'
        ? '\\n'
        : c === '\r'
          ? '\\r'
          : c === '\t'
            ? '\\t'
            : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return text.length > max ? `${head}…` : head;
}

function tooLarge(url: string, maxBytes: number, declared?: number): JwksError {
  const size = declared === undefined ? 'more than' : `${formatBytes(declared)}, over`;
  return {
    code: 'jwks-too-large',
    message: `The response from ${url} is ${size} the ${formatBytes(maxBytes)} limit, so JWT Lens stopped reading it. A JWKS is a few KB; check that the URL points at the key set and not at a page or a file download.`,
    url,
    curl: curlCommand(url),
  };
}

function timeoutError(url: string, timeoutMs: number): JwksError {
  return {
    code: 'jwks-timeout',
    message: `${url} did not answer within ${timeoutMs / 1000} s, so JWT Lens stopped waiting. Try "Fetch keys" again, or paste the JWKS (fetch it with: ${curlCommand(url)}).`,
    url,
    curl: curlCommand(url),
  };
}

function abortedError(url: string): JwksError {
  return { code: 'jwks-aborted', message: `The request to ${url} was cancelled.`, url };
}

/** Fetches a public JSON document under the privacy rules above. Never throws. */
export async function fetchJsonDocument(
  urlText: string,
  options: FetchJsonOptions,
): Promise<FetchJsonResult> {
  const checked = checkFetchUrl(urlText, { token: options.token });
  if (!checked.ok) return checked;
  const url = checked.url.href;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  try {
    let response: Response;
    try {
      response = await options.fetch(url, privateRequestInit(controller.signal));
    } catch {
      if (timedOut) return { ok: false, error: timeoutError(url, timeoutMs) };
      if (controller.signal.aborted) return { ok: false, error: abortedError(url) };
      // fetch rejects with a TypeError and no detail for CORS, DNS, TLS and offline alike (by design,
      // so pages cannot probe the network). From a page that loaded, CORS is by far the likeliest.
      return {
        ok: false,
        error: {
          code: 'jwks-network',
          message: `The browser could not read ${url}. This almost always means the server does not send CORS headers (Access-Control-Allow-Origin), so a web page may not read it; it can also be a wrong host name or no connection. Paste the JWKS below instead, or fetch it yourself with: ${curlCommand(url)}`,
          url,
          curl: curlCommand(url),
        },
      };
    }

    const finalUrl = response.url || url;
    let final: URL | null = null;
    try {
      final = new URL(finalUrl);
    } catch {
      final = null;
    }
    if (!final || !isAllowedScheme(final)) {
      controller.abort();
      return {
        ok: false,
        error: {
          code: 'jwks-insecure-redirect',
          message: `${url} redirected to ${finalUrl}, which is not https. JWT Lens only accepts keys delivered over https; ask the issuer to fix the redirect or use the https URL directly.`,
          url,
        },
      };
    }

    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      controller.abort();
      const hint =
        response.status === 404
          ? ' Check the path; for an issuer, JWT Lens tries the standard /.well-known/ locations.'
          : response.status >= 500
            ? ' The server had a problem; try again later.'
            : '';
      return {
        ok: false,
        error: {
          code: 'jwks-http-status',
          message: `${finalUrl} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.${hint}`,
          url: finalUrl,
          status: response.status,
        },
      };
    }

    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { ok: false, error: tooLarge(finalUrl, maxBytes, declared) };
    }

    const bytes = await readCapped(response, maxBytes, () => controller.abort());
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: {
          code: 'jwks-not-json',
          message: `${finalUrl} did not return JSON (Content-Type: ${contentType || 'none'}; it starts with "${bodyPreview(text, 60)}"). The URL probably points at a web page: use the JWKS URL (often ending in /jwks.json, /keys or /certs) or the issuer URL.`,
          url: finalUrl,
          contentType,
          firstBytes: bodyPreview(text),
        },
      };
    }
    return {
      ok: true,
      value: {
        url,
        finalUrl,
        redirected: response.redirected || finalUrl !== url,
        status: response.status,
        contentType,
        cacheControl: response.headers.get('cache-control'),
        json,
        bytes: bytes.byteLength,
      },
    };
  } catch (err) {
    if (err instanceof SizeExceeded) return { ok: false, error: tooLarge(url, maxBytes) };
    if (timedOut) return { ok: false, error: timeoutError(url, timeoutMs) };
    if (controller.signal.aborted) return { ok: false, error: abortedError(url) };
    // A connection that broke while the body was streaming.
    return {
      ok: false,
      error: {
        code: 'jwks-network',
        message: `The connection to ${url} broke while reading the response. Try again, or paste the JWKS instead (fetch it with: ${curlCommand(url)}).`,
        url,
        curl: curlCommand(url),
      },
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The browser's fetch, for the UI to pass in (lint keeps every other fetch out of the app). */
export const browserFetch: FetchLike = (input, init) => fetch(input, init);

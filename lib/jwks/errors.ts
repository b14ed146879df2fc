import type { LensError } from '../errors';

/** Every way fetching or reading a JWKS can fail. Messages say what to do next. */
export type JwksErrorCode =
  | 'jwks-empty-input'
  | 'jwks-invalid-url'
  | 'jwks-insecure-url'
  | 'jwks-url-has-credentials'
  | 'jwks-url-carries-token'
  | 'jwks-network'
  | 'jwks-timeout'
  | 'jwks-aborted'
  | 'jwks-too-large'
  | 'jwks-insecure-redirect'
  | 'jwks-http-status'
  | 'jwks-not-json'
  | 'jwks-not-object'
  | 'jwks-no-keys-array'
  | 'jwks-empty'
  | 'jwks-no-importable-keys'
  | 'jwks-discovery-no-jwks-uri'
  | 'jwks-discovery-failed';

export interface JwksError extends LensError {
  code: JwksErrorCode;
  /** The URL the failing request went to (or would have gone to). */
  url?: string;
  /** A `curl` command that fetches the same document outside the browser. */
  curl?: string;
  status?: number;
  contentType?: string;
  /** The first characters of a body that is not JSON, control characters escaped. */
  firstBytes?: string;
}

/** Quotes a URL for a POSIX shell: single quotes, with embedded quotes closed and escaped. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command we offer when the browser cannot read a document (usually CORS). It fails on HTTP errors
 * (-f), follows redirects only to https (--proto-redir) and caps the size like the app does.
 */
export function curlCommand(url: string): string {
  return `curl -fsSL --proto-redir =https --max-filesize 1048576 ${shellQuote(url)}`;
}

/**
 * How an HMAC secret's text is read. Its own module so that the verifier's settings can list the choices
 * without pulling the key importers (and jose, the noble curves) into the first-load bundle (issue 8).
 */
export type SecretEncoding = 'utf8' | 'base64' | 'base64url' | 'hex';
export const SECRET_ENCODINGS: readonly SecretEncoding[] = ['utf8', 'base64', 'base64url', 'hex'];

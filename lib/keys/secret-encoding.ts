/** How an HMAC secret's text is read. Kept apart from import.ts so the UI can list it without loading crypto code. */
export type SecretEncoding = 'utf8' | 'base64' | 'base64url' | 'hex';
export const SECRET_ENCODINGS: readonly SecretEncoding[] = Object.freeze([
  'utf8',
  'base64',
  'base64url',
  'hex',
]);

export interface ExampleToken {
  /** Stable name, used by `#example=<name>` links. */
  name: string;
  label: string;
  token: string;
  /** The key that verifies or decrypts it: a secret, a PEM, a JWK or a JWKS. */
  key?: string;
  keyEncoding?: 'utf8' | 'base64' | 'base64url' | 'hex';
}

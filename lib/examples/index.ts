import type { ExampleToken } from './types';

export type { ExampleToken } from './types';

/**
 * Names and labels of the built-in examples, in menu order. The tokens and keys themselves
 * live in examples.generated.ts and are loaded on demand, so they stay out of the first load.
 */
export const EXAMPLE_CATALOG: readonly { name: string; label: string }[] = Object.freeze([
  { name: 'hs256', label: 'HS256 token with a shared secret' },
  { name: 'rs256-id-token', label: 'RS256 OpenID Connect ID token with its JWKS' },
  { name: 'es256-access-token', label: 'ES256 OAuth access token (RFC 9068)' },
  { name: 'eddsa', label: 'EdDSA (Ed25519) token with its JWK' },
  { name: 'unsecured', label: 'Unsecured token (alg "none")' },
  { name: 'jwe-dir', label: 'Encrypted token (JWE, dir + A256GCM)' },
]);

/** Every example with its token and key (a static import: for tests and tools, not the page's first load). */
export { GENERATED_EXAMPLES as EXAMPLES } from './examples.generated';

/** Loads one example by name (`#example=<name>` links use the same names). */
export async function loadExample(name: string): Promise<ExampleToken | undefined> {
  const { GENERATED_EXAMPLES } = await import('./examples.generated');
  return GENERATED_EXAMPLES.find((e) => e.name === name);
}

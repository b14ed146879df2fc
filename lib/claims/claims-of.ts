/**
 * The claims a verifier works with. For an SD-JWT that is the payload with its disclosures put in place
 * (RFC 9901 §7.3): a claim the holder disclosed is as much a claim of the token as one the issuer signed
 * in the clear, and the `_sd` digests are not claims at all. For every other token, the payload.
 */
import type { DecodeResult } from '../types';
import { isObject } from '../is-object';

export function claimsOf(decoded: DecodeResult): Record<string, unknown> | undefined {
  if (!decoded.ok) return undefined;
  const source =
    decoded.format === 'sd-jwt' && isObject(decoded.disclosedPayload)
      ? decoded.disclosedPayload
      : decoded.payload;
  return isObject(source) ? source : undefined;
}

/** Paths (as claim rows write them: `address.street`, `nationalities[0]`) of the claims disclosures added. */
export function disclosedPaths(decoded: DecodeResult): Set<string> {
  const paths = new Set<string>();
  if (!decoded.ok || decoded.format !== 'sd-jwt') return paths;
  for (const disclosure of decoded.disclosures ?? []) {
    if (disclosure.path.startsWith('payload.')) paths.add(disclosure.path.slice('payload.'.length));
    else if (disclosure.path.startsWith('payload[')) paths.add(disclosure.path.slice('payload'.length));
  }
  return paths;
}

/**
 * The key-binding JWT of an SD-JWT presentation (RFC 9901 §4.3): decoding and the
 * expected `sd_hash` are synchronous (part of decodeToken); the signature check with the
 * holder key from `cnf.jwk` is the async `verifyKeyBinding` in verify-key-binding.ts.
 */
import { bytesToText, decodeBase64url } from '../token/base64url';
import { parseStrictJson } from '../token/json';
import type { SdKeyBinding } from '../types';
import { digestText, isSupportedSdAlg } from './hash';
import { isObject } from '../is-object';

/** Decodes the KB-JWT and computes the expected `sd_hash` over `<issuer-jwt>~<d1>~…~<dn>~`. */
export function decodeKeyBinding(
  kbJwt: string,
  presentation: string,
  sdAlg: string,
): { ok: true; value: SdKeyBinding } | { ok: false; message: string } {
  const [h, p] = kbJwt.split('.');
  const header = decodeJsonSegment(h ?? '');
  if (!header)
    return {
      ok: false,
      message: 'The header of the key-binding JWT (after the last "~") is not base64url-encoded JSON.',
    };
  const payload = decodeJsonSegment(p ?? '');
  if (!payload)
    return {
      ok: false,
      message: 'The payload of the key-binding JWT (after the last "~") is not base64url-encoded JSON.',
    };
  const value: SdKeyBinding = { header, payload, token: kbJwt };
  if ('aud' in payload) value.aud = payload.aud;
  if ('nonce' in payload) value.nonce = payload.nonce;
  if ('iat' in payload) value.iat = payload.iat;
  if (typeof payload.sd_hash === 'string') value.sdHash = payload.sd_hash;
  if (isSupportedSdAlg(sdAlg)) value.expectedSdHash = digestText(sdAlg, presentation);
  return { ok: true, value };
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64url(segment);
  if (!bytes.ok) return undefined;
  const { text, valid } = bytesToText(bytes.bytes);
  if (!valid) return undefined;
  const parsed = parseStrictJson(text);
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}

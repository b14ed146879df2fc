/**
 * The encoder's shortcut buttons: set `iat`, `exp` and `nbf` from a clock and add a random
 * `jti`. Each edits the payload text in place (see setTopLevelMember), so nothing else the
 * user wrote changes. Time and randomness are parameters.
 */
import { encodeBase64url } from '../token/base64url';
import { setTopLevelMember, type JsonEditResult } from './json-text';
import { cryptoRandomBytes, type RandomBytes } from '../random';

export interface TokenLifetime {
  label: string;
  seconds: number;
}

/** The lifetimes offered next to the `exp` shortcut. */
export const TOKEN_LIFETIMES: readonly TokenLifetime[] = [
  { label: '5 minutes', seconds: 5 * 60 },
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 60 * 60 },
  { label: '1 day', seconds: 24 * 60 * 60 },
  { label: '7 days', seconds: 7 * 24 * 60 * 60 },
  { label: '30 days', seconds: 30 * 24 * 60 * 60 },
];

/** NumericDate (RFC 7519 §2): whole seconds since the epoch. */
export function numericDate(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

export function setIssuedAt(payloadText: string, now: Date): JsonEditResult {
  return setTopLevelMember(payloadText, 'payload', 'iat', String(numericDate(now)));
}

export function setNotBefore(payloadText: string, now: Date): JsonEditResult {
  return setTopLevelMember(payloadText, 'payload', 'nbf', String(numericDate(now)));
}

export function setExpiry(payloadText: string, now: Date, lifetimeSeconds: number): JsonEditResult {
  if (!Number.isSafeInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
    return {
      ok: false,
      error: { code: 'invalid-lifetime', message: 'Choose a lifetime of at least one second for exp.' },
    };
  }
  return setTopLevelMember(payloadText, 'payload', 'exp', String(numericDate(now) + lifetimeSeconds));
}

/** 128 random bits as base64url: unguessable and unique enough for `jti` (RFC 7519 §4.1.7). */
export function addRandomJti(
  payloadText: string,
  randomBytes: RandomBytes = cryptoRandomBytes,
): JsonEditResult {
  return setTopLevelMember(payloadText, 'payload', 'jti', JSON.stringify(encodeBase64url(randomBytes(16))));
}

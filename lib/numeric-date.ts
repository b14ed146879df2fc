/**
 * Facts about JWT NumericDate values (RFC 7519 §2: seconds since 1970) that both the claim
 * formatting (lib/claims) and the findings (lib/findings) need, kept below both layers.
 */

/**
 * NumericDate is seconds. A value at or above this is in the year 5138 when read as seconds,
 * so in practice it is milliseconds (a `Date.now()` written where seconds belong).
 */
export const MILLISECONDS_THRESHOLD = 1e11;

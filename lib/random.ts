/**
 * Random bytes from WebCrypto, as a parameter type so that callers (key generation, the
 * encoder's `jti` shortcut, the RSA1_5 decoy content key) can be tested with fixed bytes.
 * Kept at the bottom of lib/ so that any layer may use it.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** `crypto.getRandomValues`, which is a CSPRNG in browsers and Node (W3C WebCrypto §10.1.1). */
export const cryptoRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * node-forge's single-purpose CommonJS files, imported one by one so that the lazy RSA1_5
 * chunk holds only RSA (and what it needs) instead of all of forge (TLS, PKCS#12, ...).
 * Each file adds its part to the one shared `forge` object that lib/forge exports.
 */
declare module 'node-forge/lib/forge' {
  import * as forge from 'node-forge';
  export default forge;
}
declare module 'node-forge/lib/rsa';

/** The public API of JWT Lens: re-exports only. The UI, the tests and outside callers use this. */
export { decodeToken, MAX_INPUT_CHARS } from './token/decode';
export type { DecodeOptions } from './token/decode';
export type {
  DecodeResult,
  DecodedOk,
  DecodedError,
  Finding,
  Severity,
  TokenFormat,
  TokenPartSpan,
  JwsSignatureEntry,
  NumberNote,
} from './types';
export type { LensError, LensErrorCode, TokenPart } from './errors';
export { FINDING_RULES, findingsFor } from './findings';
export type { FindingContext, FindingRule } from './findings';
export { decodeBase64url, encodeBase64url, encodeBase64urlText, bytesToText } from './token/base64url';
export { parseStrictJson, prettyJson } from './token/json';
export { cleanInput } from './token/clean';
export { EXAMPLES, exampleByName } from './examples';
export type { ExampleToken } from './examples';

// ---- JWE decryption, SD-JWT disclosures and key binding (issue 6) ----
export { resolveDisclosures, parseDisclosure, DEFAULT_SD_ALG } from './sd-jwt/disclosures';
export { SUPPORTED_SD_ALGS, isSupportedSdAlg, digestText } from './sd-jwt/hash';
export { verifyKeyBinding } from './sd-jwt/verify-key-binding';
export type { KeyBindingOptions, KeyBindingResult, KeyBindingErrorCode } from './sd-jwt/verify-key-binding';
export type { SdDisclosure, SdDisclosureStatus, SdWithheld, SdKeyBinding, SdJwtInfo } from './types';
export { decryptToken } from './jwe/decrypt';
export type { DecryptOptions, DecryptResult } from './jwe/decrypt';
export { encryptToken } from './jwe/encrypt';
export type { EncryptOptions, EncryptResult } from './jwe/encrypt';
export type { JweError, JweErrorCode } from './jwe/jose-errors';
export type { SecretEncoding as JweSecretEncoding } from './jwe/key-material';
export {
  KEY_MANAGEMENT_ALGORITHMS,
  CONTENT_ENCRYPTION_ALGORITHMS,
  REFUSED_KEY_MANAGEMENT,
  MAX_PBES2_COUNT,
  MAX_DECOMPRESSED_BYTES,
} from './jwe/algorithms';

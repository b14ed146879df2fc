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

// ---- Key import (issue 3): secret, PEM, certificate, JWK, JWKS → normalised public keys ----
export { importVerificationKey, clearKeyImportCache, SECRET_ENCODINGS, EC_CURVES } from './keys/import';
export type {
  ImportedKey,
  KeyImportOptions,
  KeyImportResult,
  KeyImportErrorCode,
  KeyRefusalCode,
  KeyEncoding,
  KeyInputFormat,
  KeyType,
  PublicJwk,
  SecretEncoding,
  CertificateInfo,
} from './keys/import';
export { jwkThumbprint } from './keys/thumbprint';
export { isRocaVulnerable } from './keys/roca';
export { WELL_KNOWN_JWT_SECRETS } from './keys/well-known-secrets';

// ---- Encoder and key tools (issue 6): signing, claim shortcuts, key generation and conversion ----
export { signToken } from './encode/sign';
export type {
  SignInput,
  SignOptions,
  SignResult,
  SignedToken,
  SignError,
  SignErrorCode,
} from './encode/sign';
export { SIGNING_ALGORITHMS, signingAlgorithm } from './encode/signing-algorithms';
export type { SigningAlgorithm } from './encode/signing-algorithms';
export { validateJsonObjectText, setTopLevelMember, compactJson, positionAt } from './encode/json-text';
export type { EncodePart, JsonTextPosition, JsonTextValidation, JsonEditResult } from './encode/json-text';
export {
  setIssuedAt,
  setNotBefore,
  setExpiry,
  addRandomJti,
  numericDate,
  TOKEN_LIFETIMES,
} from './encode/claim-shortcuts';
export type { TokenLifetime, RandomBytes } from './encode/claim-shortcuts';
export { generateKey, KEY_TYPES } from './keys/generate';
export type {
  KeyChoice,
  KeyGenType,
  KeyGenTypeOption,
  KeySizeOption,
  GenerateResult,
  GeneratedSecret,
  GeneratedKeyPair,
} from './keys/generate';
export { convertKey } from './keys/convert';
export type { ConvertResult, ConvertedKey } from './keys/convert';
export { jwkThumbprintUri, thumbprintUri } from './keys/thumbprint-uri';
export type { Jwk } from './keys/export';

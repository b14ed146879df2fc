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

// JWKS (issue 5): discovery, fetching under the privacy rules, the keys table, cache and rotation.
export { loadJwks, loadPastedJwks } from './jwks/load';
export type { LoadJwksOptions, LoadJwksResult, LoadedJwks, PastedJwksResult } from './jwks/load';
export { planJwksRequest, checkFetchUrl, oidcDiscoveryUrl, oauthMetadataUrl } from './jwks/url';
export type { JwksRequestPlan, JwksInputKind } from './jwks/url';
export { JsonDocumentCache, cacheLifetimeMs } from './jwks/cache';
export { DEFAULT_TIMEOUT_MS, DEFAULT_MAX_BYTES } from './jwks/fetch';
export type { FetchLike } from './jwks/fetch';
export { readJwks, readPastedJwks } from './jwks/keys';
export type { JwksKeyRow, JwksTable } from './jwks/keys';
export type { KeyRotation, KidMatch } from './jwks/rotation';
export type { JwksError, JwksErrorCode } from './jwks/errors';

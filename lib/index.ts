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

// ---- Claims inspector and expiry countdown (issue 4) ----
export {
  ALGORITHMS,
  CLAIMS,
  HEADER_PARAMETERS,
  algorithmInfo,
  claimEntries,
  claimPatternFor,
  headerParameterInfo,
} from './claims-registry';
export type {
  AlgorithmInfo,
  ClaimDisplay,
  ClaimInfo,
  ClaimPatternInfo,
  ClaimValueType,
  HeaderParameterInfo,
  SpecRef,
  Vendor,
} from './claims-registry';
export {
  classifyToken,
  claimRows,
  expiryState,
  formatDuration,
  formatIsoUtc,
  formatRelative,
  formatTime,
  grantsSummary,
  looksLikeMilliseconds,
  toSeconds,
} from './claims';
export type {
  ClaimMeaning,
  ClaimRow,
  ClaimRowsResult,
  ExpiryKind,
  ExpiryState,
  Grant,
  GrantsSummary,
  HeaderRow,
  TimeFormatOptions,
  TimeView,
  TokenClassification,
  TokenKind,
} from './claims';

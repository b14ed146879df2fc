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
export { EXAMPLE_CATALOG, EXAMPLES, loadExample } from './examples';
export type { ExampleToken } from './examples';

// ---- Key import: secret, PEM, certificate, JWK, JWKS → normalised public keys ----
export { importVerificationKey, clearKeyImportCache, EC_CURVES } from './keys/import';
export { SECRET_ENCODINGS } from './keys/secret-encoding';
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

// ---- Signature verification and claim checks ----
export { verifyToken } from './verify/verify';
export type { VerifyOptions, VerifyResult, VerifiedKey, SignatureReport } from './verify/verify';
export { checkClaims } from './verify/claims';
export type { ClaimCheck, ClaimExpectations } from './verify/claims';
export { JWS_ALGORITHMS, UNSUPPORTED_ALGORITHMS, jwsAlgorithm } from './verify/algorithms';
export type { JwsAlgorithm } from './verify/algorithms';
// ---- Claims inspector and expiry countdown ----
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
  claimsOf,
  expiryState,
  formatDuration,
  formatIsoUtc,
  formatRelative,
  formatTime,
  grantsSummary,
  looksLikeMilliseconds,
  readableTimeHint,
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
// ---- JWE decryption, SD-JWT disclosures and key binding ----
export { resolveDisclosures, parseDisclosure, DEFAULT_SD_ALG } from './sd-jwt/disclosures';
export { SUPPORTED_SD_ALGS, isSupportedSdAlg, digestText } from './sd-jwt/hash';
export { verifyKeyBinding } from './sd-jwt/verify-key-binding';
export type { KeyBindingOptions, KeyBindingResult, KeyBindingErrorCode } from './sd-jwt/verify-key-binding';
export type { SdDisclosure, SdDisclosureStatus, SdWithheld, SdKeyBinding, SdJwtInfo } from './types';
export { decryptToken } from './jwe/decrypt';
export type { DecryptOptions, DecryptResult, LegacyNotice } from './jwe/decrypt';
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
// ---- JWKS: discovery, fetching under the privacy rules, the keys table, cache and rotation.
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
// ---- Encoder and key tools: signing, claim shortcuts, key generation and conversion ----
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
export type { TokenLifetime } from './encode/claim-shortcuts';
export type { RandomBytes } from './random';
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
// ---- Share links and deep links: tokens only in the URL fragment, never in the query.
export {
  readLinkRequest,
  addressWithoutRequest,
  shareLinkFor,
  TOKEN_FRAGMENT_PARAMS,
  REFUSED_QUERY_MESSAGE,
} from './share/links';
export type { LinkRequest } from './share/links';
// ---- Scanning text and HAR files for tokens, redaction and token comparison (lib/scan) ----
export { scanText, createTextScanner, TokenMatcher } from './scan/scan-text';
export type { TextScanner, TextScannerOptions, MatchedToken } from './scan/scan-text';
export { scanHar, addHarLocations } from './scan/har';
export { addEncodedBodyTokens, ENCODED_BODY_MARK, hasEncodedBody } from './scan/har-encoded';
export { addEncodedBodyTokensByEntry, harEntriesIndent, locateHarTokensByEntry } from './scan/har-locate';
export type { HarText, ShallowLines } from './scan/har-locate';
export type { HarScanResult } from './scan/har';
export { looksLikeHar, readHar } from './scan/har-read';
export type { HarDocument, HarReadResult } from './scan/har-read';
export { redactText, REDACTION_MODES } from './scan/redact';
export type { RedactionMode, RedactTextResult } from './scan/redact';
export { sanitizeHar, SENSITIVE_PARAMETERS, REDACTED } from './scan/sanitize-har';
export type { SanitizeOptions, SanitizeCounts, SanitizeResult } from './scan/sanitize-har';
export { compareTokens, signedDuration } from './scan/compare';
export type { CompareResult, Diff, DiffChange } from './scan/compare';
export { tokenFingerprint } from './scan/fingerprint';
export { summarizeToken, describeOccurrence, describeLocation } from './scan/summary';
export type { FoundTokenSummary } from './scan/summary';
export { MAX_STORED_OCCURRENCES } from './scan/types';
export type {
  FoundToken,
  FoundKind,
  Occurrence,
  HarLocation,
  ScanResult,
  ScanOptions,
  ScanError,
} from './scan/types';
// ---- Validation policies: parse, evaluate, export as code (lib/policy) ----
export { parsePolicy, policyFromValue, POLICY_MEMBERS, POLICY_ALGORITHMS } from './policy/parse';
export { evaluatePolicy } from './policy/evaluate';
export { POLICY_RULES } from './policy/rules';
export type { PolicyContext, PolicyRule } from './policy/rules';
export type {
  Policy,
  ClaimListRule,
  PolicyParseResult,
  PolicyEvaluation,
  PolicyRuleResult,
  PolicySignature,
  RuleStatus,
  EvaluateOptions,
} from './policy/types';
export { policyCode, policyFunctionName, policyFileName } from './policy/code';
export type { PolicyCodeLanguage, PolicyCodeOptions } from './policy/code';
export { ISSUER_TEMPLATES, issuerTemplateText, unfilledPlaceholders } from './policy/issuers';
export type { IssuerTemplate } from './policy/issuers';
export { guideLinkFor, readGuideLink, isFocusPath, MAX_GUIDE_POLICIES_CHARS } from './share/guide';
export type { GuideLinkContent, GuideLinkResult } from './share/guide';
export {
  POLICY_FORM_FIELDS,
  policyFormValues,
  withPolicyField,
  policyText,
  starterPolicyText,
} from './policy/edit';
export type { PolicyField, PolicyFieldKind } from './policy/edit';
export { policyResultsTable } from './policy/table';
export type { PolicyResultsRow, PolicyResultsTable } from './policy/table';

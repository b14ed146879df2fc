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

// Share links and deep links (issue 7): tokens only in the URL fragment, never in the query.
export {
  readLinkRequest,
  addressWithoutRequest,
  shareLinkFor,
  TOKEN_FRAGMENT_PARAMS,
  REFUSED_QUERY_MESSAGE,
} from './share/links';
export type { LinkRequest } from './share/links';

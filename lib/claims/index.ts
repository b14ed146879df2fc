/** Claims: readable times, the expiry state, the Claims view model, token kind and what it grants. */
export {
  formatDuration,
  formatIsoUtc,
  formatRelative,
  formatTime,
  looksLikeMilliseconds,
  toSeconds,
} from './time';
export type { TimeFormatOptions, TimeView } from './time';
export { EXPIRING_SOON_FRACTION, EXPIRING_SOON_MS, expiryState } from './expiry';
export type { ExpiryKind, ExpiryState } from './expiry';
export { claimRows, valueText } from './rows';
export type { ClaimMeaning, ClaimRow, ClaimRowsResult, ClaimValueKind, HeaderRow } from './rows';
export { BACKCHANNEL_LOGOUT_EVENT, TOKEN_KIND_LABELS, classifyToken, isAccessToken } from './classify';
export type { ClassifiableToken, TokenClassification, TokenKind } from './classify';
export { grantsSummary } from './grants';
export type { Grant, GrantsSummary } from './grants';
export { detectVendor } from './vendor';
export { claimsOf, disclosedPaths } from './claims-of';
export { TIME_CLAIM_NAMES, readableTimeHint } from './hints';

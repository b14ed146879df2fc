import type { NonCanonicalIssue } from '../token/base64url';
import type { Finding, SdJwtInfo, Severity, TokenFormat } from '../types';
import { isObject } from '../is-object';

/** Everything a finding rule may look at. Time is a parameter (`now`), never the wall clock. */
export interface FindingContext {
  format: TokenFormat;
  header: Record<string, unknown>;
  /** JWS JSON only: each signature's protected and unprotected header, merged (RFC 7515 §7.2.1). */
  signatureHeaders?: Record<string, unknown>[];
  /** Parsed payload when it is JSON, else the decoded text; undefined for JWE. */
  payload: unknown;
  payloadIsJson: boolean;
  /** Paths of repeated member names, e.g. `payload.sub`. */
  duplicates: string[];
  /** Base64url deviations per part, e.g. `{ part: 'signature', issues: ['padding'] }`. */
  nonCanonical: { part: string; issues: NonCanonicalIssue[] }[];
  now: Date;
  /** SD-JWT only: disclosures, digests and key binding (set for the disclosure part of the token). */
  sdJwt?: SdJwtInfo;
}

export type RuleFinding = Omit<Finding, 'id' | 'severity'> & { severity?: Severity };

export interface FindingRule {
  id: string;
  /** The usual severity; a rule may raise or lower it for one finding. */
  severity: Severity;
  check(context: FindingContext): RuleFinding[];
}

/** The payload as a claims object, or undefined when it is not a JSON object. */
export function claimsOf(context: FindingContext): Record<string, unknown> | undefined {
  const p = context.payload;
  return context.payloadIsJson && isObject(p) ? p : undefined;
}

export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

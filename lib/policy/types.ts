/**
 * A validation policy: what one service accepts, written down once and checked the same way in the page, in
 * the CLI and in the code exported from it. Keys and secrets are never part of a policy, so a policy can be
 * shared in a link or committed to a repository.
 */
export interface ClaimListRule {
  /** Dotted path to the claim, e.g. "scope" or "realm_access.roles". */
  claim?: string;
  /** Every one of these must be present. */
  all: string[];
  /** At least one of these must be present (ignored when empty). */
  any: string[];
}

export interface Policy {
  version: 1;
  name: string;
  /** Any of these (RFC 7519 §4.1.1). */
  issuer?: string[];
  /** Any of these (RFC 7519 §4.1.3). */
  audience?: string[];
  /** Allow-list of JWS algorithms; never "none" (RFC 8725 §3.1). */
  algorithms: string[];
  /** Expected header typ, e.g. "at+jwt" (RFC 9068 §2.1). */
  typ?: string;
  requiredClaims: string[];
  /** Exact values by dotted claim path. */
  claimValues: Record<string, unknown>;
  maxLifetimeSeconds?: number;
  maxAgeSeconds?: number;
  clockToleranceSeconds: number;
  scopes?: ClaimListRule;
  roles?: ClaimListRule;
  tenants?: { claim?: string; allowed: string[] };
  jwksUri?: string;
}

export type PolicyParseResult =
  { ok: true; policy: Policy } | { ok: false; error: { message: string; path: string } };

export type RuleStatus = 'pass' | 'fail' | 'skip';

export interface PolicyRuleResult {
  id: string;
  status: RuleStatus;
  message: string;
}

export type PolicySignature = 'valid' | 'invalid' | 'error' | 'unchecked';

export interface PolicyEvaluation {
  accepted: boolean;
  signature: PolicySignature;
  rules: PolicyRuleResult[];
  /** The id of the first rule that failed, in the order of `rules`; undefined when none failed. */
  firstFailure?: string;
}

export interface EvaluateOptions {
  /** Clock for the time rules. */
  now: Date;
  /** The verification key as pasted: secret, PEM, certificate, JWK or JWKS. */
  key?: string;
  /** A JWKS document (fetched from the policy's jwksUri by the caller), as JSON text or an object. */
  jwks?: string | { keys: unknown[] };
}

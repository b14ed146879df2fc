/** What verifyToken takes and returns: its options and the per-signature and overall verdicts. */
import type { CertificateInfo } from '../keys/certificate';
import type { SecretEncoding } from '../keys/import';
import type { Finding } from '../types';
import type { ClaimCheck, ClaimExpectations } from './claims';

/** The claim expectations (issuer, audience, tolerance, …) plus how to find and read the key. */
export interface VerifyOptions extends ClaimExpectations {
  /** How to read an HMAC secret; default 'utf8'. */
  secretEncoding?: SecretEncoding;
  /** Clock for the claim checks; default now. */
  currentDate?: Date;
  /** Allow-list; default: the algorithm family that fits the key. `none` is never allowed. */
  algorithms?: string[];
  /** Verify with the leaf certificate of the header's x5c instead of `key` (self-asserted). */
  useX5c?: boolean;
}

export interface VerifiedKey {
  source: string;
  kty: string;
  crv?: string;
  alg?: string;
  kid?: string;
  thumbprint: string;
  certificate?: CertificateInfo;
  /** True when the key came from the token itself (x5c): it proves nothing on its own. */
  selfAsserted?: boolean;
}

/** One signature of the token (compact and flattened tokens have one; general JSON may have many). */
export interface SignatureReport {
  index: number;
  alg?: string;
  kid?: string;
  status: 'valid' | 'invalid' | 'error';
  /** What happened, for people. */
  message: string;
  code?: string;
  key?: VerifiedKey;
}

export interface VerifyResult {
  /** 'invalid': checked and did not match; 'error': could not be checked (see errors). */
  signature: 'valid' | 'invalid' | 'error';
  /** 'unchecked' unless the signature is valid and the payload is a claims set. */
  claims: 'valid' | 'invalid' | 'unchecked';
  checks: ClaimCheck[];
  errors: { code: string; message: string }[];
  findings: Finding[];
  /** The key that verified the signature. */
  key?: VerifiedKey;
  signatures: SignatureReport[];
}

import type { LensError } from './errors';

export type Severity = 'info' | 'warning' | 'danger';

export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  /** Where the finding applies, e.g. `header.kid` or `payload.exp`. */
  path?: string;
}

export type TokenFormat = 'jws' | 'unsecured' | 'jwe' | 'jws-json' | 'sd-jwt';

/** A coloured span of the cleaned token, in order, for the colour-coded view. */
export interface TokenPartSpan {
  kind:
    | 'header'
    | 'payload'
    | 'signature'
    | 'encrypted-key'
    | 'iv'
    | 'ciphertext'
    | 'tag'
    | 'disclosure'
    | 'kb-jwt'
    | 'separator'
    | 'json';
  text: string;
}

/** One signature of a JWS JSON serialization (RFC 7515 §7.2). */
export interface JwsSignatureEntry {
  protected: Record<string, unknown>;
  /** The unprotected header, when present. */
  header?: Record<string, unknown>;
  segments: { protected: string; signature: string };
}

export interface NumberNote {
  /** e.g. `payload.id` */
  path: string;
  /** The exact digits as written in the token. */
  raw: string;
}

export interface DecodedOk {
  ok: true;
  format: TokenFormat;
  /** Protected header (JWS JSON: of the first signature). */
  header: Record<string, unknown>;
  /** Parsed JSON when the payload is JSON, else the decoded text; undefined for JWE. */
  payload: unknown;
  segments: { header: string; payload: string; signature: string; [k: string]: string };
  findings: Finding[];
  /** The token after cleanup (whitespace, quotes, Bearer prefix removed). */
  token: string;
  /** Pretty-printed header and payload JSON, keeping the exact digits of big integers. */
  headerJson: string;
  payloadJson?: string;
  /** True when the payload parsed as JSON. */
  payloadIsJson: boolean;
  /** Integers beyond 2^53 whose exact digits the JS number in `payload` cannot keep. */
  bigNumbers: NumberNote[];
  parts: TokenPartSpan[];
  /** JWS JSON serialization (also an SD-JWT in it, RFC 9901 §8): every signature. */
  signatures?: JwsSignatureEntry[];
  /** An SD-JWT keeps the serialization it came in: compact, or JWS JSON with its disclosures and
   * `kb_jwt` in the unprotected header (RFC 9901 §8.1). */
  serialization: 'compact' | 'json-flattened' | 'json-general';
  /** Milliseconds since the epoch that time findings were judged against. */
  now: number;
  /** SD-JWT: every disclosure with its digest and where it lands. */
  disclosures?: SdDisclosure[];
  /** SD-JWT: the payload with every matched disclosure put in place and `_sd`/`_sd_alg` removed. */
  disclosedPayload?: unknown;
  /** SD-JWT: digests, withheld claims and the key-binding JWT. */
  sdJwt?: SdJwtInfo;
}

export interface DecodedError {
  ok: false;
  error: LensError;
  findings: Finding[];
  /** The cleaned token, when cleanup got that far, so the UI can mark the error position. */
  token?: string;
}

export type DecodeResult = DecodedOk | DecodedError;

// ---- SD-JWT (IETF SD-JWT, RFC 9901) ----------------------------------------

/** How one disclosure relates to the digests of the issuer-signed JWT. */
export type SdDisclosureStatus =
  /** Its digest is referenced exactly where the disclosure belongs. */
  | 'matched'
  /** No `_sd` or `...` entry refers to its digest: tampered with, or from another token. */
  | 'unreferenced'
  /** The digest could not be computed (unsupported `_sd_alg`). */
  | 'unchecked'
  /** Not a valid disclosure (not a JSON array of 2 or 3 elements, bad salt or name, or misplaced). */
  | 'invalid';

export interface SdDisclosure {
  /** base64url digest of the disclosure text with `_sd_alg`; empty when it could not be computed. */
  digest: string;
  salt: string;
  /** The claim name; absent for an array element (`[salt, value]`). */
  name?: string;
  value: unknown;
  /** Where the value appears in the disclosed payload, e.g. `payload.address.street`; empty when nowhere. */
  path: string;
  /** The disclosure as it appears in the token (base64url). */
  encoded: string;
  status: SdDisclosureStatus;
}

/** A digest with no disclosure in the presentation: a withheld claim (or a decoy). */
export interface SdWithheld {
  /** The object that holds the `_sd` digest, or the array position of a `{"...": digest}` entry. */
  path: string;
  digest: string;
  kind: 'property' | 'array-element';
}

export interface SdKeyBinding {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  aud?: unknown;
  nonce?: unknown;
  iat?: unknown;
  /** `sd_hash` from the KB-JWT. */
  sdHash?: string;
  /** The digest of the presentation this tool computed; undefined when `_sd_alg` is unsupported. */
  expectedSdHash?: string;
  /** The KB-JWT itself (compact). */
  token: string;
}

export interface SdJwtInfo {
  /** `_sd_alg` of the issuer-signed JWT (default "sha-256"). */
  sdAlg: string;
  sdAlgSupported: boolean;
  disclosures: SdDisclosure[];
  withheld: SdWithheld[];
  /** Digests referenced (or presented) more than once. */
  duplicateDigests: string[];
  /** Human-readable problems with single disclosures, by disclosure index (0-based). */
  problems: { index: number; message: string }[];
  keyBinding?: SdKeyBinding;
  /** The KB-JWT part was present but could not be decoded. */
  keyBindingError?: string;
}

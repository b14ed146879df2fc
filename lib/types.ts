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
  /** JWS JSON serialization: every signature. */
  signatures?: JwsSignatureEntry[];
  serialization: 'compact' | 'json-flattened' | 'json-general';
  /** Milliseconds since the epoch that time findings were judged against. */
  now: number;
}

export interface DecodedError {
  ok: false;
  error: LensError;
  findings: Finding[];
  /** The cleaned token, when cleanup got that far, so the UI can mark the error position. */
  token?: string;
}

export type DecodeResult = DecodedOk | DecodedError;

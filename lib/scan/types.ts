/** The shapes the scanner returns: one FoundToken per distinct token, with where each copy was seen. */
import type { DecodeResult } from '../types';

/** What a found token is; SD-JWT includes its disclosures and key-binding JWT. */
export type FoundKind = 'jws' | 'unsecured' | 'jwe' | 'sd-jwt';

/** Where in a HAR document an occurrence sits: the entry, its request line and the field. */
export interface HarLocation {
  /** Index into `log.entries`; absent outside the entries (e.g. `log.pages`). */
  entry?: number;
  method?: string;
  /** The request path with its query, e.g. `/oauth/token?x=1`. */
  path?: string;
  /** Which header, parameter, cookie or body field, e.g. `request header Authorization`. */
  field: string;
}

export interface Occurrence {
  /** Character offset (UTF-16 code units, as String.prototype.indexOf counts) from the start of the text. */
  index: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  where?: HarLocation;
}

export interface FoundToken {
  token: string;
  kind: FoundKind;
  /** The first 16 hex digits of the token's SHA-256: the same token always gets the same key. */
  fingerprint: string;
  /** Every occurrence, even those past the stored `occurrences` limit. */
  count: number;
  /** In text order; at most MAX_STORED_OCCURRENCES per token, so a log repeating one token stays small. */
  occurrences: Occurrence[];
  decoded: DecodeResult;
}

export interface ScanError {
  code: 'not-json' | 'not-har' | 'input-too-large';
  message: string;
}

export interface ScanResult {
  tokens: FoundToken[];
  /** Set when the input could not be read as asked (a HAR that is not JSON); `tokens` is then empty. */
  error?: ScanError;
}

export interface ScanOptions {
  /** The clock for expiry states and the expiry sort. */
  now: Date | number;
}

/** A token a log repeats a million times keeps only this many positions; `count` still counts them all. */
export const MAX_STORED_OCCURRENCES = 1000;

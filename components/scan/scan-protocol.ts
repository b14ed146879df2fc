/**
 * Messages between the Scan tab and its worker. The worker receives text (in chunks, as a string or as
 * UTF-8 bytes) and the user's choices, nothing else: no File, no name, no URL, no storage handle. It
 * answers with rows and a redacted Blob.
 */
import type { FoundTokenSummary, RedactionMode, SanitizeCounts } from '@/lib';

/** One "Tokens found" row: the summary without the expiry state, which the page computes live. */
export interface ScanRow extends Pick<
  FoundTokenSummary,
  'kind' | 'alg' | 'enc' | 'iss' | 'sub' | 'aud' | 'firstSeen'
> {
  fingerprint: string;
  token: string;
  /** The time claims, so the page can show the live state without the worker. */
  times: { exp?: unknown; nbf?: unknown; iat?: unknown };
  count: number;
}

export interface RedactRequest {
  id: number;
  mode: RedactionMode;
  /** HAR categories; plain text only has tokens. */
  tokens: boolean;
  cookies: boolean;
  authorization: boolean;
  parameters: boolean;
}

/** What a finished scan reports. */
export interface ScanOutcome {
  rows: ScanRow[];
  isHar: boolean;
  entries?: number;
  /** Why a HAR-looking file was scanned as plain text, for example it is not valid JSON. */
  message?: string;
  chars: number;
  occurrences: number;
}

export type ToWorker =
  | { type: 'chunk'; text: string; now: number }
  /** A file's bytes, transferred rather than decoded on the page, so reading costs the page nothing. */
  | { type: 'bytes'; bytes: ArrayBuffer; now: number }
  | { type: 'end'; now: number }
  | { type: 'redact'; request: RedactRequest };

export type FromWorker =
  /** Characters (pasted text) or bytes (a file) scanned so far. */
  | { type: 'progress'; done: number }
  | ({ type: 'result' } & ScanOutcome)
  | { type: 'redacted'; id: number; blob: Blob; counts: SanitizeCounts; isHar: boolean }
  | { type: 'failed'; message: string };

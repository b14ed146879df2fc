/**
 * What a scan of one file hands back: per distinct token, its copies as two lists of numbers (line,
 * column) rather than an object per copy. A folder of logs holds hundreds of thousands of copies;
 * objects for them cost more garbage collection than the scan, and a worker thread hands numbers back
 * far more cheaply than objects. The token's decoded form stays with the thread that decoded it: the
 * report decodes each distinct token once more at most (TokenMatcher caches it).
 */
import type { FoundKind, FoundToken, HarLocation } from '../../lib/index';

export interface TokenHits {
  token: string;
  kind: FoundKind;
  /** lib's fingerprint: the first 16 hex digits of the token's SHA-256. */
  fingerprint: string;
  /** Every copy in the file, even those past the stored ones. */
  count: number;
  /** The stored copies (at most MAX_STORED_OCCURRENCES), in text order: 1-based lines and columns. */
  lines: number[];
  columns: number[];
  /** For a HAR: where each stored copy was (entry, field), when it could be told. */
  where?: (HarLocation | undefined)[];
}

/** lib's scan results (the HAR and streaming paths) as hits. */
export function hitsOf(tokens: FoundToken[]): TokenHits[] {
  return tokens.map((found) => {
    const hits: TokenHits = {
      token: found.token,
      kind: found.kind,
      fingerprint: found.fingerprint,
      count: found.count,
      lines: found.occurrences.map((o) => o.line),
      columns: found.occurrences.map((o) => o.column),
    };
    if (found.occurrences.some((o) => o.where)) hits.where = found.occurrences.map((o) => o.where);
    return hits;
  });
}

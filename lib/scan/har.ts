/**
 * Scanning a HAR file: the raw text is scanned like any log (so every occurrence has its offset, line and
 * column), and the parsed document is walked entry by entry to say where each copy sits: which entry,
 * method and path, and which header, cookie, parameter or body field (JSON bodies by JSON path).
 */
import { addEncodedBodyTokens } from './har-encoded';
import { tokensInHarString } from './har-fields';
import { readHar, walkHarEntryStrings, walkHarStrings, type HarDocument, type HarString } from './har-read';
import { scanText, TokenMatcher, type MatchedToken } from './scan-text';
import type { FoundToken, HarLocation, ScanOptions, ScanResult } from './types';

export interface HarScanResult extends ScanResult {
  /** Number of `log.entries`, when the file is a HAR. */
  entries?: number;
}

/** A walk over HAR strings (the whole document, or one entry) that the token location code is run on. */
type HarStringWalk = (visit: (s: HarString) => void, wanted: (value: string) => boolean) => void;

/** Locations of every token copy in the document, in document order, by token text. */
export function locateTokens(har: HarDocument, matcher: TokenMatcher): Map<string, HarLocation[]> {
  return tokenLocations((visit, wanted) => walkHarStrings(har, visit, wanted), matcher);
}

/**
 * Locations of every token copy in one `log.entries` element parsed on its own, by token text: exactly
 * the part of locateTokens' lists that comes from that element, in the same order (har-locate.ts).
 */
export function locateEntryTokens(
  entry: Record<string, unknown>,
  index: number,
  matcher: TokenMatcher,
): Map<string, HarLocation[]> {
  return tokenLocations((visit, wanted) => walkHarEntryStrings(entry, index, visit, wanted), matcher);
}

function tokenLocations(walk: HarStringWalk, matcher: TokenMatcher): Map<string, HarLocation[]> {
  const where = new Map<string, HarLocation[]>();
  const add = (token: MatchedToken, location: HarLocation) => {
    const list = where.get(token.token);
    if (list) list.push(location);
    else where.set(token.token, [location]);
  };
  walk(
    (s: HarString) => tokensInHarString(s.value, s.role, s.where, matcher, add),
    (value) => value.includes('eyJ'),
  );
  return where;
}

/**
 * Fills in `where` for tokens already found in the HAR's text (by scanText or a chunked TextScanner),
 * so a caller streaming a large file scans while it reads and only walks the document at the end.
 */
export function addHarLocations(
  har: HarDocument,
  tokens: FoundToken[],
  options: ScanOptions & { matcher?: TokenMatcher },
): void {
  const locations = locateTokens(har, options.matcher ?? new TokenMatcher(new Date(options.now)));
  for (const found of tokens) {
    const list = locations.get(found.token) ?? [];
    found.occurrences.forEach((occurrence, i) => {
      const where = list[i];
      if (where) occurrence.where = where;
    });
  }
}

/**
 * Every token in a HAR document, with `where` filled in. A file that is not JSON or not a HAR gets
 * `error` with what to do, and no tokens: callers that still want them scan it with scanText.
 */
export function scanHar(harText: string, options: ScanOptions & { matcher?: TokenMatcher }): HarScanResult {
  const read = readHar(harText);
  if (!read.ok) return { tokens: [], error: read.error };
  // One matcher for the text and the walk: each distinct token is decoded once.
  options = { ...options, matcher: options.matcher ?? new TokenMatcher(new Date(options.now)) };
  const { tokens } = scanText(harText, options);
  addHarLocations(read.har, tokens, options);
  return {
    tokens: addEncodedBodyTokens(read.har, harText, tokens, options),
    entries: read.har.log.entries.length,
  };
}

/**
 * Tokens in HAR response bodies stored base64 (HAR 1.2 §content: `"encoding": "base64"`). Playwright's
 * recorder stores every body whose type is not textual that way, and Chrome's export does for bodies
 * it kept as bytes: an `application/jwt` answer (RFC 7519 §10.3.1, such as a signed UserInfo response,
 * OIDC Core §5.3.2) among them, which is exactly where a token is. Such a token is nowhere in the
 * HAR's text, so no text scan sees it: it is added here, each copy at its body's place in the file,
 * with the field "response body (base64)". The sanitizer redacts in the decoded text and encodes it again.
 */
import { bytesToText, decodeBase64url, encodeBase64url } from '../token/base64url';
import { walkHarStrings, type HarDocument, type HarString } from './har-read';
import { tokensInHarString } from './har-fields';
import { foundTokenOf, TokenMatcher } from './scan-text';
import { sortByExpiry } from './sort';
import { MAX_STORED_OCCURRENCES, type FoundToken, type Occurrence, type ScanOptions } from './types';

/** A body's bytes as text: UTF-8 when they are, else one character per byte, so a binary body round-trips. */
export interface DecodedBody {
  text: string;
  utf8: boolean;
}

/**
 * Text every HAR with a base64 body holds (its `"encoding"` value): a HAR without it needs no walk for
 * these bodies, and a scanner can tell so from its raw text or bytes. Searched without the quotes: in
 * JSON, where `"` is everywhere, the quoted needle took 34 ms over 40 MB of HARs and this one 6 ms
 * (string and Buffer alike); a `data:…;base64,` URL also matches, and only costs the walk.
 */
export const ENCODED_BODY_MARK = 'base64';

export function hasEncodedBody(harText: string): boolean {
  return harText.includes(ENCODED_BODY_MARK);
}

/** Characters of a body's base64 searched for in the HAR's text to place it (unique in practice). */
const PLACE_CHARS = 64;
/** Bytes turned into characters per String.fromCharCode call (its arguments are bounded). */
const CHAR_BATCH = 8192;

/**
 * The text of a base64 body, or undefined when it is not base64. Line breaks and spaces are skipped,
 * as MIME-style base64 has them (RFC 2045 §6.8); both alphabets are read (RFC 4648 §4 and §5).
 */
export function decodeBase64Body(value: string): DecodedBody | undefined {
  const decoded = decodeBase64url(value.replace(/[\t\n\r ]+/g, ''));
  if (!decoded.ok) return undefined;
  const utf8 = bytesToText(decoded.bytes);
  if (utf8.valid) return { text: utf8.text, utf8: true };
  let text = '';
  for (let i = 0; i < decoded.bytes.length; i += CHAR_BATCH)
    text += String.fromCharCode(...decoded.bytes.subarray(i, i + CHAR_BATCH));
  return { text, utf8: false };
}

/** The body as padded standard base64 again (RFC 4648 §4), as HAR writers store it. */
export function encodeBase64Body(body: DecodedBody): string {
  const bytes = body.utf8
    ? new TextEncoder().encode(body.text)
    : Uint8Array.from(body.text, (c) => c.charCodeAt(0) & 0xff);
  const url = encodeBase64url(bytes);
  return url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (url.length % 4)) % 4);
}

/** Visits the base64 bodies of a whole document or of some entries, as walkHarStrings gives them. */
export type EncodedBodyWalk = (visit: (s: HarString) => void) => void;

/** What BodyPlaces searches: the HAR's text, as a string or the locator's view of its bytes. */
export interface SearchableText {
  indexOf(search: string, position?: number): number;
}

/** Characters of a string checked before the walk classifies it (classifying every string is most of a walk's cost). */
const SNIFF_CHARS = 8;
const BASE64_START = /^[A-Za-z0-9+/_=-]+$/;

/**
 * A string worth classifying in the walk: it starts as base64 does (at least one quad of its
 * alphabet); URLs, header values and text bodies mostly fail on their first characters.
 */
export const mayBeEncodedBody = (value: string): boolean =>
  value.length >= 4 && BASE64_START.test(value.slice(0, SNIFF_CHARS));

/**
 * `tokens` (the text scan's, with `where` filled in) plus every token copy in the HAR's base64 bodies.
 * A copy is placed at its body's string in `harText`; a token seen only in such a body becomes a new
 * entry. Sorted by expiry again when anything was added; the same list when nothing was.
 */
export function addEncodedBodyTokens(
  har: HarDocument,
  harText: string,
  tokens: FoundToken[],
  options: ScanOptions & { matcher?: TokenMatcher },
): FoundToken[] {
  // Most HARs hold no base64 body: their text says so, and the document need not be walked again.
  if (!hasEncodedBody(harText)) return tokens;
  return addBodyTokens((visit) => walkHarStrings(har, visit, mayBeEncodedBody), harText, tokens, options);
}

/** addEncodedBodyTokens over the bodies `walk` visits (in document order), placed in `text`. */
export function addBodyTokens(
  walk: EncodedBodyWalk,
  text: SearchableText,
  tokens: FoundToken[],
  options: ScanOptions & { matcher?: TokenMatcher },
): FoundToken[] {
  const matcher = options.matcher ?? new TokenMatcher(new Date(options.now));
  const byToken = new Map(tokens.map((t) => [t.token, t]));
  const changed = new Set<FoundToken>();
  const places = new BodyPlaces(text);
  walk((s) => {
    if (s.role.type !== 'body' || !s.role.base64) return;
    const body = decodeBase64Body(s.value);
    if (!body?.text.includes('eyJ')) return;
    const at = places.of(s.value);
    tokensInHarString(body.text, s.role, s.where, matcher, (m, where) => {
      let found = byToken.get(m.token);
      if (found === undefined) {
        found = foundTokenOf(m.known);
        byToken.set(m.token, found);
      }
      found.count++;
      found.occurrences.push({ ...at, where });
      changed.add(found);
    });
  });
  if (changed.size === 0) return tokens;
  for (const found of changed) {
    // Text order, as every occurrence list is (the sort is stable: copies in one body keep theirs).
    found.occurrences.sort((a, b) => a.index - b.index);
    found.occurrences.length = Math.min(found.occurrences.length, MAX_STORED_OCCURRENCES);
  }
  return sortByExpiry([...byToken.values()], new Date(options.now).getTime());
}

/** Where each body string starts in the HAR's text, found in document order, lines counted forward. */
class BodyPlaces {
  /** Where the next body is searched for: after the previous one's first characters. */
  private from = 0;
  /** Lines are counted up to here. */
  private counted = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: SearchableText) {}

  of(value: string): Omit<Occurrence, 'where'> {
    const head = value.slice(0, PLACE_CHARS);
    // A writer may escape "/" as "\/" (JSON allows it, RFC 8259 §7); the walk goes in document order.
    let index = this.text.indexOf(head, this.from);
    if (index === -1) index = this.text.indexOf(head.replaceAll('/', '\\/'), this.from);
    if (index === -1)
      index = this.counted; // not found as written: the previous body's place
    else this.from = index + 1;
    // Counted only for bodies that hold tokens, so a HAR of images costs no pass over its lines.
    for (let nl = this.text.indexOf('\n', this.counted); nl !== -1 && nl < index;) {
      this.line++;
      this.lineStart = nl + 1;
      nl = this.text.indexOf('\n', nl + 1);
    }
    this.counted = index;
    return { index, line: this.line, column: index - this.lineStart + 1 };
  }
}

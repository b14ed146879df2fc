/**
 * Locating the tokens of a pretty-printed HAR entry by entry: the same `where` values as readHar plus
 * addHarLocations, while JSON.parse runs only on the entries that hold tokens (on a 4 MB export with a
 * token in one entry of 25, that whole-document parse and walk is most of a HAR's scan time).
 *
 * Why line starts can be trusted: JSON forbids a raw line feed inside a string (RFC 8259 §7), so every
 * line starts outside any string. A pretty-printer (browser export, JSON.stringify with an indent, Python,
 * Go) writes each `log.entries` element's `{` and `}` alone on lines at one indentation, and everything
 * inside deeper. Where the text is laid out that way exactly, the element count and bounds come from the
 * lines, and each entry holding a token is parsed and walked on its own by the walk addHarLocations uses.
 * Anything else returns false, changes nothing, and the caller parses the whole document instead.
 *
 * What is checked, and why it is enough (each check is where it is made below):
 * - Layout: every line from `"entries": [` to its `]` is an element's `{`, its `}` or `},`, or indented
 *   deeper than those; so no element can sit between two others unseen (a minified, Jackson-style
 *   `}, {` or inconsistently indented HAR has a line that is none of these, and fails).
 * - Skeleton: the text outside the entries array parses as JSON, with that array's text replaced, to a
 *   document whose `log.entries` is exactly the replacement (so the array found is the `log.entries`
 *   JSON.parse keeps, not a duplicate key or one in `log.pages`); a cut-off file fails here.
 * - Tokens: every stored occurrence lies inside an entry and matches its token text there.
 * - Counts: the walk of each parsed entry finds, per token, as many copies as the text has there, so
 *   the n-th copy in the text is the n-th copy of the whole-document walk (addHarLocations' rule).
 * - Entries not parsed hold no copy that matters: the short escapes (`\"`, `\\`, `\/`, `\b`, `\f`,
 *   `\n`, `\r`, `\t`; RFC 8259 §7) decode to characters that end a token, and none is written with the
 *   `e` a token starts with, so where the raw text has no `\u` every string (and every string of a JSON
 *   body inside it, whose escapes show as `\\u`) holds the same token runs as the raw text. The walk
 *   there finds only copies the text scan found, which in an entry without stored occurrences can only
 *   be copies counted but not stored (past MAX_STORED_OCCURRENCES), all after their token's stored
 *   ones. An entry whose text has `\u` is parsed and counted like one holding tokens.
 * What is trusted: entries that hold no token are not parsed, so a file that is invalid JSON inside
 * one of them, or laid out to mislead (an element's inner braces written at the elements' indentation,
 * or two elements on the deeper lines of one), is not caught; readHar would reject or count it otherwise.
 * No pretty-printer writes such a layout; a hand-made file can.
 */
import { isObject } from '../is-object';
import { addBodyTokens, ENCODED_BODY_MARK, mayBeEncodedBody, type EncodedBodyWalk } from './har-encoded';
import { walkHarEntryStrings, type HarDocument } from './har-read';
import { locateEntryTokens, locateTokens } from './har';
import { TokenMatcher } from './scan-text';
import type { FoundToken, HarLocation, Occurrence, ScanOptions } from './types';

/**
 * true: every occurrence's `where` was filled exactly as addHarLocations would; false: the text's layout
 * is not one this can be sure of, nothing was changed, and the caller should use readHar + addHarLocations.
 * `tokens` are scanText's (or a TextScanner's) on this same text: occurrence indexes are offsets into it.
 */
export function locateHarTokensByEntry(
  text: HarText,
  tokens: FoundToken[],
  options: ScanOptions & { matcher?: TokenMatcher; shallowLines?: ShallowLines },
): boolean {
  if (!isHarText(text) || !Array.isArray(tokens)) return false;
  const layout = entriesLayout(text, options.shallowLines);
  if (layout === undefined) return false;
  const skeleton = readSkeleton(text, layout);
  if (skeleton === undefined) return false;
  const wanted = wantedCopies(text, tokens, layout);
  if (wanted === undefined) return false;
  const matcher = options.matcher ?? new TokenMatcher(new Date(options.now));

  // A copy outside the entries (log.pages, log.comment) would come first in the whole-document walk
  // and shift every later copy of its token: that case is left to addHarLocations.
  for (const token of locateTokens(skeleton, matcher).keys()) if (wanted.byToken.has(token)) return false;

  const plan: [Occurrence, HarLocation][] = [];
  for (const index of entriesToParse(text, layout, wanted)) {
    const entry = parseEntry(text, layout, index);
    if (entry === undefined) return false;
    if (!planEntry(locateEntryTokens(entry, index, matcher), index, wanted, plan)) return false;
  }
  for (const [occurrence, where] of plan) occurrence.where = where;
  return true;
}

/**
 * `tokens` plus the tokens of the HAR's base64 bodies (har-encoded.ts), as addEncodedBodyTokens gives
 * them on the whole document, while only the entries whose text holds `"base64"` are parsed: a HAR of
 * images and fonts need not be parsed whole for them. undefined where the layout is not one this file
 * can be sure of (see the top; the caller then parses the whole document). Every base64 body is an
 * entry's (`response.content`), so the skeleton holds none.
 */
export function addEncodedBodyTokensByEntry(
  text: HarText,
  tokens: FoundToken[],
  options: ScanOptions & { matcher?: TokenMatcher; shallowLines?: ShallowLines },
): FoundToken[] | undefined {
  if (!isHarText(text) || !Array.isArray(tokens)) return undefined;
  const layout = entriesLayout(text, options.shallowLines);
  if (layout === undefined || readSkeleton(text, layout) === undefined) return undefined;
  const entries: [number, Record<string, unknown>][] = [];
  for (let at = text.indexOf(ENCODED_BODY_MARK, layout.open); at !== -1 && at < layout.close;) {
    const index = entryAt(layout, at);
    if (index === -1) {
      at = text.indexOf(ENCODED_BODY_MARK, at + 1);
      continue;
    }
    const entry = parseEntry(text, layout, index);
    if (entry === undefined) return undefined;
    entries.push([index, entry]);
    at = text.indexOf(ENCODED_BODY_MARK, layout.ends[index]!);
  }
  const walk: EncodedBodyWalk = (visit) => {
    for (const [index, entry] of entries) walkHarEntryStrings(entry, index, visit, mayBeEncodedBody);
  };
  return addBodyTokens(walk, text, tokens, options);
}

/**
 * A HAR's text as the locator reads it: a string, or anything with these string methods over the same
 * UTF-16 text. The CLI passes its bytes (an ASCII file's bytes are its UTF-16 code units), so a large
 * HAR never becomes one string: most of it is never read again.
 */
export interface HarText {
  readonly length: number;
  charCodeAt(index: number): number;
  startsWith(search: string, position: number): boolean;
  indexOf(search: string, position?: number): number;
  slice(start: number, end?: number): string;
}

function isHarText(text: unknown): text is HarText {
  if (typeof text === 'string') return true;
  if (typeof text !== 'object' || text === null) return false;
  const t = text as Record<string, unknown>;
  return (
    typeof t.length === 'number' &&
    ['charCodeAt', 'startsWith', 'indexOf', 'slice'].every((name) => typeof t[name] === 'function')
  );
}

// ---- Layout: the entries array and its elements' bounds, from line starts alone ----

/**
 * The lines of the text indented no deeper than `depth` characters `indent` (a line is deep when its
 * first depth + 1 characters are all `indent`), by the offset of their first character, ascending:
 * a caller that has already swept the text's bytes (the CLI, in WebAssembly) passes them, and they
 * are used when `indent` and `depth` are the entries' own (harEntriesIndent); otherwise the lines are
 * found here.
 */
export interface ShallowLines {
  indent: ' ' | '\t';
  depth: number;
  starts: readonly number[];
}

/**
 * The indentation of a pretty-printed HAR's entries (`indent` repeated `depth` times), from the start
 * of its text (the `"entries": [` line and the first element's `{` line must be in it); undefined when
 * the layout is not one locateHarTokensByEntry reads.
 */
export function harEntriesIndent(head: string): { indent: ' ' | '\t'; depth: number } | undefined {
  const found = firstElement(head);
  if (found === undefined) return undefined;
  return { indent: found.inner[0] === '\t' ? '\t' : ' ', depth: found.inner.length };
}

/** The `"entries": [` line and the first element's indentation (`inner`), as entriesLayout reads them. */
function firstElement(
  text: HarText,
): { key: number; outer: string; eol: string; first: number; inner: string } | undefined {
  const head = entriesLine(text);
  if (head === undefined) return undefined;
  const indentChar = head.outer.charCodeAt(0);
  let k = head.first;
  while (text.charCodeAt(k) === indentChar) k++;
  // The first element, deeper than the key; `"entries": [` then `]` (no element) has nothing to locate.
  if (k - head.first <= head.outer.length || text.charCodeAt(k) !== OPEN_BRACE) return undefined;
  return { ...head, inner: text.slice(head.first, k) };
}

interface EntriesLayout {
  /** Offsets of the `[` that opens `log.entries` and of the `]` that closes it. */
  open: number;
  close: number;
  /** Offsets of each element's `{` and `}`, in order. */
  starts: number[];
  ends: number[];
}

const ENTRIES_KEY = '"entries": [';
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const OPEN_BRACE = 123;

/**
 * The entries array of a pretty-printed HAR: `<P>"entries": [` at a line start (so its `"` opens a
 * key, not an escaped quote inside one), each element as `<I>{` … `<I>}` with `<I>},` between
 * elements, every other line starting `<I>` plus one more indent character, and `<P>]` after the last.
 * Line ends are `\n` or `\r\n`, the same throughout. undefined for any other layout.
 */
function entriesLayout(text: HarText, given?: ShallowLines): EntriesLayout | undefined {
  const head = firstElement(text);
  if (head === undefined) return undefined;
  const { key, outer, eol, first, inner } = head;
  const startLine = `${inner}{${eol}`;
  const lastEndLine = `${inner}}${eol}`;
  const endLine = `${inner}},${eol}`;
  const closeLine = `${outer}]`;
  const starts: number[] = [];
  const ends: number[] = [];
  // Only lines indented as deep as the elements, or less, can be anything but an element's content.
  // Each must be, in order: an element's `{` (right after `"entries": [` or the previous `},`), its
  // `},` or last `}`, then the array's `]`. The caller's list of them is used when it was made for
  // this indentation; else a native regex finds them (a line break not followed by more indentation
  // than the elements have: one lookahead per line, where a JavaScript step per line took most of a
  // large HAR's scan time).
  let lines: readonly number[];
  if (given !== undefined && given.indent === inner[0] && given.depth === inner.length)
    lines = listedLines(given.starts, first);
  else if (typeof text === 'string') {
    const indent = inner[0] === '\t' ? '\\t' : ' ';
    lines = matchedLines(text, new RegExp(`\\n(?!${indent}{${inner.length + 1}})`, 'g'), first);
  } else return undefined; // text that is not a string cannot be searched by a regex: it needs its lines
  let expect: 'start' | 'end' | 'close' = 'start';
  let startAt = first; // where the next element's `{` line must begin
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (expect === 'end') {
      if (text.startsWith(endLine, line)) {
        ends.push(line + inner.length);
        expect = 'start';
        startAt = line + endLine.length;
      } else if (text.startsWith(lastEndLine, line)) {
        ends.push(line + inner.length);
        expect = 'close';
      } else return undefined;
    } else if (expect === 'start') {
      // Right after `},`: the next element's `{`, with nothing between (the gap is `,`, a line end and
      // the indentation, so no token can sit there).
      if (line !== startAt || !text.startsWith(startLine, line)) return undefined;
      starts.push(line + inner.length);
      expect = 'end';
    } else {
      if (!text.startsWith(closeLine, line)) return undefined;
      return { open: key + ENTRIES_KEY.length - 1, close: line + outer.length, starts, ends };
    }
  }
  // The text ends inside the array: cut off (readHar would fail to parse it too).
  return undefined;
}

/** The listed line starts from `from` on (they are ascending). */
function listedLines(starts: readonly number[], from: number): readonly number[] {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? starts : starts.slice(lo);
}

/** The starts of the lines after each line break `shallow` matches, from `from` on. */
function matchedLines(text: string, shallow: RegExp, from: number): number[] {
  const starts: number[] = [];
  shallow.lastIndex = from - 1;
  for (let m = shallow.exec(text); m !== null; m = shallow.exec(text)) starts.push(m.index + 1);
  return starts;
}

/**
 * The first `"entries": [` that ends its line and starts it after nothing but one kind of indentation
 * (spaces or tabs). `outer` is that indentation, `first` the offset of the next line.
 */
function entriesLine(text: HarText): { key: number; outer: string; eol: string; first: number } | undefined {
  for (let key = text.indexOf(ENTRIES_KEY); key !== -1; key = text.indexOf(ENTRIES_KEY, key + 1)) {
    const after = key + ENTRIES_KEY.length;
    const eol =
      text.charCodeAt(after) === LF
        ? '\n'
        : text.charCodeAt(after) === CR && text.charCodeAt(after + 1) === LF
          ? '\r\n'
          : undefined;
    if (eol === undefined) continue;
    const indentChar = text.charCodeAt(key - 1);
    if (indentChar !== SPACE && indentChar !== TAB) continue;
    let lineStart = key - 1;
    while (text.charCodeAt(lineStart - 1) === indentChar) lineStart--;
    if (text.charCodeAt(lineStart - 1) !== LF) continue;
    // A `\r\n` file's lines end `\r\n` everywhere, this key's line above included.
    if ((eol === '\r\n') !== (text.charCodeAt(lineStart - 2) === CR)) continue;
    return { key, outer: text.slice(lineStart, key), eol, first: after + eol.length };
  }
  return undefined;
}

// ---- Skeleton: the document around the entries array ----

/**
 * The document with its entries array emptied, when the text around the array parses and the array
 * found is the `log.entries` JSON.parse keeps. It is parsed twice, with `[]` and with `[0]` in the
 * array's place: a later duplicate `"entries"` or `"log"` key would win both times with its own fixed
 * value, so only the array found can make `log.entries` follow the replacement.
 */
function readSkeleton(text: HarText, layout: EntriesLayout): HarDocument | undefined {
  const before = text.slice(0, layout.open);
  const after = text.slice(layout.close + 1);
  const empty = parseJson(`${before}[]${after}`);
  const marked = parseJson(`${before}[0]${after}`);
  const entriesOf = (doc: unknown) =>
    isObject(doc) && isObject(doc.log) && Array.isArray(doc.log.entries) ? doc.log.entries : undefined;
  const emptied = entriesOf(empty);
  const replaced = entriesOf(marked);
  if (emptied?.length !== 0 || replaced?.length !== 1 || replaced[0] !== 0) return undefined;
  return empty as HarDocument;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---- The occurrences to fill, by entry ----

/** The stored occurrences of one token inside one entry: `count` of them from `first` in its list. */
interface EntryCopies {
  found: FoundToken;
  first: number;
  count: number;
}

interface WantedCopies {
  /** By entry index, each token's occurrences there. */
  byEntry: Map<number, EntryCopies[]>;
  /** Each token, with the entry of its last stored occurrence. */
  byToken: Map<string, { found: FoundToken; lastEntry: number }>;
}

/**
 * Groups every stored occurrence by entry. undefined when one lies outside every entry (in the
 * skeleton or a gap), does not show its token at its offset, is out of text order, or a token text
 * comes twice: then this text and these tokens are not what the entry-by-entry rule can be sure of.
 */
function wantedCopies(text: HarText, tokens: FoundToken[], layout: EntriesLayout): WantedCopies | undefined {
  const byEntry = new Map<number, EntryCopies[]>();
  const byToken = new Map<string, { found: FoundToken; lastEntry: number }>();
  for (const found of tokens) {
    if (!isObject(found) || typeof found.token !== 'string' || !Array.isArray(found.occurrences))
      return undefined;
    if (byToken.has(found.token) || found.token.length === 0) return undefined;
    let previous = -1;
    let current: EntryCopies | undefined;
    let lastEntry = -1;
    for (let i = 0; i < found.occurrences.length; i++) {
      const at = (found.occurrences[i] as Partial<Occurrence> | undefined)?.index;
      if (typeof at !== 'number' || !Number.isInteger(at) || at <= previous) return undefined;
      if (!text.startsWith(found.token, at)) return undefined;
      previous = at;
      const entry = entryAt(layout, at);
      if (entry === -1 || at + found.token.length > layout.ends[entry]! + 1) return undefined;
      if (entry !== lastEntry) {
        current = { found, first: i, count: 0 };
        const list = byEntry.get(entry);
        if (list) list.push(current);
        else byEntry.set(entry, [current]);
        lastEntry = entry;
      }
      current!.count++;
    }
    if (lastEntry !== -1) byToken.set(found.token, { found, lastEntry });
  }
  return { byEntry, byToken };
}

/** The entry whose `{` … `}` holds `offset`, or -1. */
function entryAt(layout: EntriesLayout, offset: number): number {
  const { starts, ends } = layout;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && offset <= ends[hi]! ? hi : -1;
}

/**
 * The entries to parse, ascending: those holding stored occurrences, and those whose text has `\u`
 * (the only way a string there could decode to a token that the raw text does not show; see the top).
 */
function entriesToParse(text: HarText, layout: EntriesLayout, wanted: WantedCopies): number[] {
  const parse = new Set(wanted.byEntry.keys());
  for (let at = text.indexOf('\\u', layout.open); at !== -1 && at < layout.close;) {
    const entry = entryAt(layout, at);
    // Between entries the text is `,`, a line end and indentation, so every `\u` is inside one.
    if (entry === -1) {
      at = text.indexOf('\\u', at + 1);
      continue;
    }
    parse.add(entry);
    at = text.indexOf('\\u', layout.ends[entry]!);
  }
  return [...parse].sort((a, b) => a - b);
}

/** One element parsed on its own; undefined when its text is not a JSON object. */
function parseEntry(
  text: HarText,
  layout: EntriesLayout,
  index: number,
): Record<string, unknown> | undefined {
  const entry = parseJson(text.slice(layout.starts[index]!, layout.ends[index]! + 1));
  return isObject(entry) ? entry : undefined;
}

/**
 * Adds entry `index`'s assignments to `plan` when its walk agrees with the text: the walk must find
 * exactly as many copies of each token as the text holds there. Then, since entries come in document
 * order and the skeleton and unparsed entries hold none, the copies before this entry are as many in
 * the walk as in the text, and the j-th copy here is the one addHarLocations would give this occurrence.
 * A token past MAX_STORED_OCCURRENCES keeps only its first copies: in the entry of its last stored one
 * the walk may find more (the unstored ones), and after it any number.
 */
function planEntry(
  walked: Map<string, HarLocation[]>,
  index: number,
  wanted: WantedCopies,
  plan: [Occurrence, HarLocation][],
): boolean {
  const here = wanted.byEntry.get(index) ?? [];
  for (const { found, first, count } of here) {
    const list = walked.get(found.token) ?? [];
    const capped = found.count > found.occurrences.length;
    const enough =
      capped && wanted.byToken.get(found.token)!.lastEntry === index
        ? list.length >= count
        : list.length === count;
    if (!enough) return false;
    for (let j = 0; j < count; j++) plan.push([found.occurrences[first + j]!, list[j]!]);
  }
  for (const token of walked.keys()) {
    const known = wanted.byToken.get(token);
    // A copy of a token the text never showed is one addHarLocations ignores too.
    if (known === undefined || here.some((copies) => copies.found.token === token)) continue;
    const capped = known.found.count > known.found.occurrences.length;
    if (!capped || index < known.lastEntry) return false;
  }
  return true;
}

/**
 * Reading a HAR 1.2 document (http://www.softwareishard.com/blog/har-12-spec/) defensively: any JSON can
 * arrive, so nothing here trusts a field's type, and deep nesting never recurses.
 */
import { isObject } from '../is-object';
import type { HarLocation, ScanError } from './types';

export type HarDocument = { log: Record<string, unknown> & { entries: unknown[] } };

export type HarReadResult = { ok: true; har: HarDocument } | { ok: false; error: ScanError };

/** Cheap structural sniff on the first kilobyte: a JSON object whose text mentions `"log"`. */
export function looksLikeHar(text: string): boolean {
  if (typeof text !== 'string') return false;
  const head = text.slice(0, 2048).trimStart();
  return head.startsWith('{') && /"log"\s*:/.test(head);
}

export function readHar(text: string): HarReadResult {
  if (typeof text !== 'string' || text.trim() === '')
    return {
      ok: false,
      error: {
        code: 'not-json',
        message: "The file is empty. Choose a HAR file exported from the browser's Network panel.",
      },
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        code: 'not-json',
        message: `This file is not valid JSON, so it cannot be read as a HAR (${detail.slice(0, 160)}). Was it cut off? It is scanned as plain text instead.`,
      },
    };
  }
  if (!isObject(value) || !isObject(value.log))
    return {
      ok: false,
      error: {
        code: 'not-har',
        message:
          'This JSON has no "log" object, so it is not a HAR file. It is scanned as plain text instead.',
      },
    };
  if (!Array.isArray(value.log.entries))
    return {
      ok: false,
      error: {
        code: 'not-har',
        message: 'This HAR has no "log.entries" list (HAR 1.2 §log). It is scanned as plain text instead.',
      },
    };
  return { ok: true, har: value as HarDocument };
}

/** What a string in the HAR is, which decides where it is reported and which scrub applies. */
export type HarStringRole =
  | { type: 'header'; side: 'request' | 'response'; name: string }
  | { type: 'cookie'; side: 'request' | 'response'; name: string }
  | { type: 'query'; name: string }
  | { type: 'form'; name: string }
  | { type: 'url'; side: 'request' | 'response' }
  /**
   * `base64`: a response body stored base64 (HAR 1.2 §content, `"encoding": "base64"`): its tokens
   * are only in the decoded text (har-encoded.ts).
   */
  | { type: 'body'; side: 'request' | 'response'; mimeType: string; base64?: true }
  | { type: 'other' };

export interface HarString {
  value: string;
  /** The object or array holding the string, and its key there, so a sanitizer can replace it. */
  holder: Record<string, unknown> | unknown[];
  key: string | number;
  role: HarStringRole;
  where: HarLocation;
}

interface Frame {
  value: Record<string, unknown> | unknown[];
  key: string | number;
  parent: Frame | undefined;
  /** An object's keys; undefined for an array, whose keys are its indexes (no list to allocate). */
  keys: string[] | undefined;
  length: number;
  next: number;
}

function frameOf(value: Frame['value'], key: string | number, parent: Frame | undefined): Frame {
  if (Array.isArray(value)) return { value, key, parent, keys: undefined, length: value.length, next: 0 };
  const keys = Object.keys(value);
  return { value, key, parent, keys, length: keys.length, next: 0 };
}

/** The path from the root to a frame's child `key`, as keys, after `prefix` (the path to the walk's root). */
function pathOf(
  frame: Frame | undefined,
  key: string | number,
  prefix: readonly (string | number)[],
): (string | number)[] {
  const path: (string | number)[] = [key];
  for (let f = frame; f && f.parent !== undefined; f = f.parent) path.unshift(f.key);
  return prefix.length === 0 ? path : [...prefix, ...path];
}

/** `log.pages[0].title` */
export function jsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** `/token?x=1` from a request URL; the whole text when it does not parse as a URL. */
function requestPath(url: unknown): string {
  if (typeof url !== 'string') return '';
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  return (m ? m[1] || '/' : url).slice(0, 200);
}

/** The element of `log.entries` at an index: from the whole document, or the one element a walk was given. */
type EntryAt = (index: number) => unknown;

function classify(path: (string | number)[], entryAt: EntryAt): { role: HarStringRole; where: HarLocation } {
  const other = (): { role: HarStringRole; where: HarLocation } => ({
    role: { type: 'other' },
    where: { field: jsonPath(path) },
  });
  if (path[0] !== 'log' || path[1] !== 'entries' || typeof path[2] !== 'number') return other();
  const entryIndex = path[2];
  const entry = entryAt(entryIndex);
  const request = isObject(entry) && isObject(entry.request) ? entry.request : {};
  const location = { entry: entryIndex, method: str(request.method), path: requestPath(request.url) };
  const side = path[3];
  const rest = path.slice(4);
  const at = (role: HarStringRole, field: string) => ({ role, where: { ...location, field } });
  const fallback = () => at({ type: 'other' }, jsonPath(path.slice(3)));
  if (side !== 'request' && side !== 'response') return fallback();
  const part = isObject(entry) ? (entry[side] as unknown) : undefined;
  if (!isObject(part)) return fallback();
  const [group, index, leaf] = rest;
  const item =
    typeof index === 'number' && Array.isArray(part[group as string])
      ? (part[group as string] as unknown[])[index]
      : undefined;
  const name = isObject(item) ? str(item.name) : '';
  if ((group === 'headers' || group === 'cookies') && leaf === 'value' && rest.length === 3) {
    const type = group === 'headers' ? 'header' : 'cookie';
    return at({ type, side, name }, `${side} ${type} ${name || '(unnamed)'}`);
  }
  if (side === 'request' && group === 'queryString' && leaf === 'value' && rest.length === 3)
    return at({ type: 'query', name }, `query parameter ${name || '(unnamed)'}`);
  if (side === 'request' && group === 'postData') {
    const postData = isObject(part.postData) ? part.postData : {};
    if (index === 'text' && rest.length === 2)
      return at({ type: 'body', side, mimeType: str(postData.mimeType) }, 'request body');
    const params = Array.isArray(postData.params) ? postData.params : [];
    const param = typeof leaf === 'number' ? params[leaf] : undefined;
    if (index === 'params' && rest[3] === 'value' && rest.length === 4)
      return at(
        { type: 'form', name: isObject(param) ? str(param.name) : '' },
        `form parameter ${isObject(param) ? str(param.name) : ''}`,
      );
  }
  if (side === 'response' && group === 'content' && index === 'text' && rest.length === 2) {
    const content = isObject(part.content) ? part.content : {};
    const mimeType = str(content.mimeType);
    if (content.encoding === 'base64')
      return at({ type: 'body', side, mimeType, base64: true }, 'response body (base64)');
    return at({ type: 'body', side, mimeType }, 'response body');
  }
  if ((side === 'request' && group === 'url') || (side === 'response' && group === 'redirectURL'))
    if (rest.length === 1)
      return at({ type: 'url', side }, side === 'request' ? 'request URL' : 'redirect URL');
  return fallback();
}

/**
 * Visits every string value of the document (keys are left alone) with its role and location. Iterative,
 * so a document nested 100,000 levels deep costs memory, not the call stack. `wanted` skips the
 * classification of strings the caller does not care about (the scanner wants only those with `eyJ`).
 */
export function walkHarStrings(
  har: HarDocument,
  visit: (s: HarString) => void,
  wanted: (value: string) => boolean = () => true,
): void {
  walkNested(har as unknown as Record<string, unknown>, [], (i) => har.log.entries[i], visit, wanted);
}

/**
 * The same walk over one element of `log.entries` parsed on its own (har-locate.ts): each string gets the
 * role and location that walkHarStrings gives it inside the whole document, in the same order. Every path
 * here starts `log.entries[index]`, so `entry` is the only element classify asks for.
 */
export function walkHarEntryStrings(
  entry: Record<string, unknown>,
  index: number,
  visit: (s: HarString) => void,
  wanted: (value: string) => boolean = () => true,
): void {
  walkNested(entry, ['log', 'entries', index], () => entry, visit, wanted);
}

/**
 * Real HARs are a few levels deep: plain recursion walks them several times faster than the frame
 * stack. Below MAX_RECURSION levels the frame stack takes over, so no document can exhaust the stack.
 */
const MAX_RECURSION = 64;

function walkNested(
  value: Record<string, unknown> | unknown[],
  path: (string | number)[],
  entryAt: EntryAt,
  visit: (s: HarString) => void,
  wanted: (value: string) => boolean,
): void {
  if (path.length >= MAX_RECURSION) return walkDeep(value, [...path], entryAt, visit, wanted);
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  const length = keys === undefined ? (value as unknown[]).length : keys.length;
  for (let i = 0; i < length; i++) {
    const key = keys === undefined ? i : keys[i]!;
    const child = (value as Record<string | number, unknown>)[key];
    if (typeof child === 'string') {
      if (!wanted(child)) continue;
      const { role, where } = classify([...path, key], entryAt);
      visit({ value: child, holder: value, key, role, where });
    } else if (child !== null && typeof child === 'object') {
      path.push(key);
      walkNested(child as Frame['value'], path, entryAt, visit, wanted);
      path.pop();
    }
  }
}

/** The same walk with an explicit stack, for what lies deeper than MAX_RECURSION. */
function walkDeep(
  root: Record<string, unknown> | unknown[],
  prefix: readonly (string | number)[],
  entryAt: EntryAt,
  visit: (s: HarString) => void,
  wanted: (value: string) => boolean,
): void {
  // Depth-first in document order, so the n-th copy of a token here is the n-th in the file's text.
  const stack: Frame[] = [frameOf(root, '', undefined)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const key = frame.keys === undefined ? index : frame.keys[index]!;
    const holder = frame.value;
    const child = (holder as Record<string | number, unknown>)[key];
    if (typeof child === 'string') {
      if (!wanted(child)) continue;
      const { role, where } = classify(pathOf(frame, key, prefix), entryAt);
      visit({ value: child, holder, key, role, where });
    } else if (child !== null && typeof child === 'object') {
      stack.push(frameOf(child as Frame['value'], key, frame));
    }
  }
}

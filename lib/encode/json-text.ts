/**
 * The header and payload the user types, as JSON text. Validation reports where the text
 * breaks (line and column, for the editor), and edits keep the user's formatting, member
 * order and the exact digits of big integers, because the token carries the text itself.
 */
import type { LensError } from '../errors';
import { parseStrictJson, stringTokenEnd } from '../token/json';

export type EncodePart = 'header' | 'payload';

export interface JsonTextPosition {
  /** 0-based character offset. */
  offset: number;
  /** 1-based line and column, as an editor shows them. */
  line: number;
  column: number;
}

export type JsonTextValidation =
  | {
      ok: true;
      value: Record<string, unknown>;
      /** Paths of repeated member names: verifiers disagree on which one wins. */
      duplicates: string[];
    }
  | { ok: false; error: LensError & { code: 'json-invalid' | 'json-not-object'; at: JsonTextPosition } };

export function positionAt(text: string, offset: number): JsonTextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: end - lineStart + 1 };
}

/** Checks that the text is one JSON object, as a JWS header or a JWT claims set must be. */
export function validateJsonObjectText(text: string, part: EncodePart): JsonTextValidation {
  const parsed = parseStrictJson(text, part);
  if (!parsed.ok) {
    const at = positionAt(text, parsed.position);
    return {
      ok: false,
      error: {
        code: 'json-invalid',
        part,
        position: parsed.position,
        at,
        message: `The ${part} is not valid JSON: ${parsed.message} (line ${at.line}, column ${at.column}). Fix it there to sign.`,
      },
    };
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const at = positionAt(text, text.length - text.trimStart().length);
    return {
      ok: false,
      error: {
        code: 'json-not-object',
        part,
        position: at.offset,
        at,
        message: `The ${part} must be a JSON object, between { and }${part === 'payload' ? ' (RFC 7519 §7.2: a JWT carries a claims set)' : ''}.`,
      },
    };
  }
  return { ok: true, value: value as Record<string, unknown>, duplicates: parsed.duplicates };
}

/**
 * Removes the whitespace between JSON tokens of valid JSON text, keeping every token as
 * written (digits, escapes, member order), so the signed bytes are what the user typed.
 */
export function compactJson(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringTokenEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else {
      let j = i + 1;
      while (j < n && !/[\s"]/.test(text[j]!)) j++;
      out += text.slice(i, j);
      i = j;
    }
  }
  return out;
}

interface MemberSpan {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** Top-level members of text already known to be one valid JSON object. */
function topLevelMembers(text: string): { open: number; close: number; members: MemberSpan[] } {
  let i = 0;
  const skipWs = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      do {
        const d = text[i];
        if (d === '"') {
          skipString();
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') depth--;
        i++;
      } while (depth > 0);
      return;
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
  };

  skipWs();
  const open = i;
  i++;
  const members: MemberSpan[] = [];
  skipWs();
  while (text[i] !== '}') {
    const keyStart = i;
    skipString();
    const key = JSON.parse(text.slice(keyStart, i)) as string;
    skipWs();
    i++; // ':'
    skipWs();
    const valueStart = i;
    skipValue();
    members.push({ key, keyStart, valueStart, valueEnd: i });
    skipWs();
    if (text[i] === ',') {
      i++;
      skipWs();
    }
  }
  return { open, close: i, members };
}

export type JsonEditResult = { ok: true; text: string } | { ok: false; error: LensError };

/**
 * Sets one top-level member of a JSON object text to `valueJson` (already JSON), replacing
 * every occurrence of the name or appending it after the last member in the same style.
 */
export function setTopLevelMember(
  text: string,
  part: EncodePart,
  key: string,
  valueJson: string,
): JsonEditResult {
  const checked = validateJsonObjectText(text, part);
  if (!checked.ok) return checked;
  const { open, close, members } = topLevelMembers(text);
  const same = members.filter((m) => m.key === key);
  if (same.length > 0) {
    let out = text;
    for (const m of [...same].reverse()) out = out.slice(0, m.valueStart) + valueJson + out.slice(m.valueEnd);
    return { ok: true, text: out };
  }
  const member = `${JSON.stringify(key)}: ${valueJson}`;
  const last = members[members.length - 1];
  const first = members[0];
  if (!last || !first) {
    return { ok: true, text: `${text.slice(0, open)}{\n  ${member}\n}${text.slice(close + 1)}` };
  }
  // Reuse the whitespace between "{" and the first member: "\n  " in pretty text, "" in compact.
  const separator = text.slice(open + 1, first.keyStart);
  const compact = separator.length === 0;
  const insert = compact ? `,${JSON.stringify(key)}:${valueJson}` : `,${separator}${member}`;
  return { ok: true, text: text.slice(0, last.valueEnd) + insert + text.slice(last.valueEnd) };
}

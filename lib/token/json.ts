/**
 * A strict JSON parser for token parts. Unlike JSON.parse it reports duplicate member
 * names (parsers disagree on which one wins, a known attack), keeps the exact digits of
 * integers beyond 2^53, never touches prototypes (`__proto__` becomes an own property)
 * and is iterative, so 5,000 levels of nesting cannot overflow the stack.
 */
export const MAX_JSON_DEPTH = 10_000;

export interface StrictJsonOk {
  ok: true;
  value: unknown;
  duplicates: string[];
  bigNumbers: { path: string; raw: string }[];
}
export interface StrictJsonError {
  ok: false;
  /** 0-based offset in the text. */
  position: number;
  /** The text ended before the JSON did: a cut-off token. */
  unexpectedEnd: boolean;
  tooDeep?: boolean;
  message: string;
}
export type StrictJsonResult = StrictJsonOk | StrictJsonError;

type Frame =
  | { kind: 'object'; value: Record<string, unknown>; path: string; key: string }
  | { kind: 'array'; value: unknown[]; path: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?\d+$/;

class JsonSyntax {
  constructor(
    readonly position: number,
    readonly message: string,
    readonly unexpectedEnd: boolean,
    readonly tooDeep = false,
  ) {}
}

export function childPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

export function parseStrictJson(text: string, rootPath = '$'): StrictJsonResult {
  try {
    return parse(text, rootPath);
  } catch (err) {
    if (err instanceof JsonSyntax) {
      return {
        ok: false,
        position: err.position,
        unexpectedEnd: err.unexpectedEnd,
        tooDeep: err.tooDeep,
        message: err.message,
      };
    }
    throw err;
  }
}

function parse(text: string, rootPath: string): StrictJsonOk {
  const n = text.length;
  const duplicates: string[] = [];
  const bigNumbers: { path: string; raw: string }[] = [];
  const stack: Frame[] = [];
  let i = 0;

  const describe = (at: number) => (at >= n ? 'the end of the text' : `"${text[at]}" at character ${at + 1}`);
  const syntax = (message: string, at = i): never => {
    throw new JsonSyntax(at, message, at >= n);
  };
  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const currentPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return rootPath;
    return top.kind === 'object' ? childPath(top.path, top.key) : `${top.path}[${top.value.length}]`;
  };

  const parseString = (): string => {
    const start = i; // at the opening quote
    i++;
    let out = '';
    let chunk = i;
    while (true) {
      if (i >= n) syntax('unterminated string', n);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) syntax(`control character in a string at character ${i + 1}`);
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === undefined) syntax('unterminated string', n);
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e! in simple) {
          out += simple[e!];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (hex.length < 4) syntax('unterminated \\u escape', n);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) syntax(`invalid \\u escape at character ${i + 1}`);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          syntax(`invalid escape "\\${e}" at character ${i + 1}`);
        }
        chunk = i;
        continue;
      }
      i++;
    }
    // unreachable; keeps the start variable meaningful for debugging
    void start;
  };

  const parsePrimitive = (): unknown => {
    const c = text[i];
    if (c === '"') return parseString();
    if (c === 't' || c === 'f' || c === 'n') {
      for (const [word, value] of [
        ['true', true],
        ['false', false],
        ['null', null],
      ] as const) {
        if (text.startsWith(word, i)) {
          i += word.length;
          return value;
        }
        if (word.startsWith(text.slice(i, n)) && i < n) syntax('unexpected end', n);
      }
      syntax(`unexpected ${describe(i)}`);
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-' || m[0].length === 0) {
      if (i >= n || (c === '-' && i + 1 >= n)) syntax('unexpected end', n);
      syntax(`unexpected ${describe(i)}`);
    }
    const raw = m![0];
    const value = Number(raw);
    i += raw.length;
    if (INTEGER.test(raw) && !Number.isSafeInteger(value)) bigNumbers.push({ path: currentPath(), raw });
    return value;
  };

  const setMember = (frame: Extract<Frame, { kind: 'object' }>, value: unknown) => {
    if (Object.prototype.hasOwnProperty.call(frame.value, frame.key)) {
      duplicates.push(childPath(frame.path, frame.key));
    }
    if (frame.key === '__proto__') {
      // defineProperty, not assignment: "__proto__" must stay an ordinary own member.
      Object.defineProperty(frame.value, frame.key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      // Plain assignment is several times faster, and only "__proto__" has a setter on Object.prototype.
      frame.value[frame.key] = value;
    }
  };

  const readKey = (frame: Extract<Frame, { kind: 'object' }>) => {
    skipWs();
    if (text[i] !== '"')
      syntax(i >= n ? 'unexpected end' : `expected a member name but found ${describe(i)}`);
    frame.key = parseString();
    skipWs();
    if (text[i] !== ':') syntax(i >= n ? 'unexpected end' : `expected ":" but found ${describe(i)}`);
    i++;
  };

  let root: unknown;
  let done = false;
  skipWs();
  if (i >= n) syntax('the text is empty', 0);

  // Each turn of the loop reads one value; containers push a frame instead.
  while (!done) {
    skipWs();
    let value: unknown;
    let produced = false;
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) {
        throw new JsonSyntax(i, `nesting deeper than ${MAX_JSON_DEPTH} levels`, false, true);
      }
      const path = currentPath();
      i++;
      skipWs();
      if (c === '{') {
        const frame = { kind: 'object' as const, value: {} as Record<string, unknown>, path, key: '' };
        if (text[i] === '}') {
          i++;
          value = frame.value;
          produced = true;
        } else {
          stack.push(frame);
          readKey(frame);
          continue;
        }
      } else {
        const frame = { kind: 'array' as const, value: [] as unknown[], path };
        if (text[i] === ']') {
          i++;
          value = frame.value;
          produced = true;
        } else {
          stack.push(frame);
          continue;
        }
      }
    } else {
      if (i >= n) syntax('unexpected end', n);
      value = parsePrimitive();
      produced = true;
    }

    // Attach the finished value, then close as many containers as end here.
    while (produced) {
      const top = stack[stack.length - 1];
      if (!top) {
        root = value;
        done = true;
        break;
      }
      if (top.kind === 'object') setMember(top, value);
      else top.value.push(value);
      skipWs();
      const sep = text[i];
      if (sep === ',') {
        i++;
        if (top.kind === 'object') readKey(top);
        produced = false;
      } else if ((sep === '}' && top.kind === 'object') || (sep === ']' && top.kind === 'array')) {
        i++;
        stack.pop();
        value = top.value;
      } else if (i >= n) {
        syntax('unexpected end', n);
      } else {
        syntax(`expected "," or "${top.kind === 'object' ? '}' : ']'}" but found ${describe(i)}`);
      }
    }
  }
  skipWs();
  if (i < n) syntax(`unexpected ${describe(i)} after the JSON value`);
  return { ok: true, value: root, duplicates, bigNumbers };
}

/**
 * Re-indents JSON text that is already known to be valid, token by token, so that the
 * exact digits and the member order (duplicates included) are shown as written.
 * Iterative and linear in the text length: it scans char codes and appends whole tokens
 * (a megabyte payload takes milliseconds).
 */
export function prettyJson(text: string, indent = '  '): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const n = text.length;
  // Indentation stops growing past 64 levels so deep nesting cannot blow up the output.
  const newlines: string[] = [];
  const newline = () => {
    const level = Math.min(depth, 64);
    return (newlines[level] ??= '\n' + indent.repeat(level));
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringTokenEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      let j = i + 1;
      while (j < n && isWhitespace(text.charCodeAt(j))) j++;
      const close = c === 123 ? 125 : 93;
      if (text.charCodeAt(j) === close) {
        out += c === 123 ? '{}' : '[]';
        i = j + 1;
      } else {
        depth++;
        out += (c === 123 ? '{' : '[') + newline();
        i++;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      out += newline() + (c === 125 ? '}' : ']');
      i++;
    } else if (c === 44 /* , */) {
      out += ',' + newline();
      i++;
    } else if (c === 58 /* : */) {
      out += ': ';
      i++;
    } else {
      // A number or literal: everything up to the next delimiter.
      let j = i + 1;
      while (j < n && !isDelimiter(text.charCodeAt(j))) j++;
      out += text.slice(i, j);
      i = j;
    }
  }
  // Appending builds a rope of one node per token, which V8 keeps as is (about 7 bytes of heap per
  // output byte); reading a character makes it flatten the rope into one plain string now.
  out.charCodeAt(0);
  return out;
}

/** `/\s/` by char code: ASCII first, the regex only for the rare non-ASCII spaces. */
/**
 * In JSON text known to be valid, the index just past the string token whose opening quote is at
 * `start` (escapes skipped, so an escaped quote does not end it).
 */
export function stringTokenEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const q = text.charCodeAt(j);
    if (q === 92 /* \\ */) j += 2;
    else if (q === 34 /* " */) break;
    else j++;
  }
  return j + 1;
}

function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACE.test(String.fromCharCode(code));
}

const UNICODE_SPACE = /\s/;

/** Ends a number or literal: whitespace or any of `,:{}[]"` (the old `/[\s,:{}[\]"]/`). */
function isDelimiter(code: number): boolean {
  if (code < 128) return DELIMITERS[code] === 1;
  return UNICODE_SPACE.test(String.fromCharCode(code));
}

const DELIMITERS = (() => {
  const table = new Uint8Array(128);
  for (const ch of ' \t\n\v\f\r,:{}[]"') table[ch.charCodeAt(0)] = 1;
  return table;
})();

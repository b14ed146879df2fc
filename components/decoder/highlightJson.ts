/** Splits pretty-printed JSON into coloured spans for the lightweight view. Linear, no recursion. */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct';
export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([^"\d\-tfn]+|.)/gy;

export function highlightJson(text: string): JsonToken[] {
  const out: JsonToken[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    if (m[1] !== undefined) {
      out.push({ kind: m[2] !== undefined ? 'key' : 'string', text: m[1] });
      if (m[2] !== undefined) out.push({ kind: 'punct', text: m[2] });
    } else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'literal', text: m[4] });
    else {
      const last = out[out.length - 1];
      if (last && last.kind === 'punct') last.text += m[0];
      else out.push({ kind: 'punct', text: m[0] });
    }
  }
  return out;
}

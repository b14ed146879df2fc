/** Finds the `"key": number` member under a column of one line of pretty-printed JSON (1-based columns). */
export interface JsonNumberAt {
  key: string;
  value: number;
  /** 1-based, inclusive start and exclusive end of the number, as Monaco ranges count. */
  startColumn: number;
  endColumn: number;
}

const MEMBER = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function jsonNumberAt(line: string, column: number): JsonNumberAt | undefined {
  for (const m of line.matchAll(MEMBER)) {
    const start = m.index + m[0].length - m[2]!.length + 1;
    const end = start + m[2]!.length;
    if (column >= start && column <= end) {
      let key: string;
      try {
        key = JSON.parse(`"${m[1]}"`) as string;
      } catch {
        return undefined;
      }
      return { key, value: Number(m[2]), startColumn: start, endColumn: end };
    }
  }
  return undefined;
}

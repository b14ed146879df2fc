/** Visiting every string of a parsed JSON value in document order, iteratively (hostile nesting). */
export type JsonKey = string | number;

export function walkJsonStrings(
  root: unknown,
  visit: (
    value: string,
    path: () => JsonKey[],
    holder: Record<string, unknown> | unknown[],
    key: JsonKey,
  ) => void,
): void {
  if (root === null || typeof root !== 'object') return;
  interface Frame {
    value: Record<string, unknown> | unknown[];
    keys: JsonKey[];
    next: number;
    key: JsonKey;
    parent?: Frame;
  }
  const frame = (value: Frame['value'], key: JsonKey, parent?: Frame): Frame => ({
    value,
    keys: Array.isArray(value) ? Array.from(value.keys()) : Object.keys(value),
    next: 0,
    key,
    ...(parent ? { parent } : {}),
  });
  const stack: Frame[] = [frame(root as Frame['value'], '')];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.keys.length) {
      stack.pop();
      continue;
    }
    const key = top.keys[top.next++]!;
    const child = (top.value as Record<JsonKey, unknown>)[key];
    if (typeof child === 'string') {
      visit(
        child,
        () => {
          const path: JsonKey[] = [key];
          for (let f: Frame | undefined = top; f?.parent; f = f.parent) path.unshift(f.key);
          return path;
        },
        top.value,
        key,
      );
    } else if (child !== null && typeof child === 'object') {
      stack.push(frame(child as Frame['value'], key, top));
    }
  }
}

/** Parses a body that claims or looks like JSON; undefined for anything else. Never throws. */
export function parseJsonBody(text: string, mimeType: string): unknown {
  const start = text.trimStart()[0];
  if (!/json/i.test(mimeType) && start !== '{' && start !== '[') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

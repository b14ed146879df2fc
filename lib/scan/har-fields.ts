/**
 * Which field of a HAR entry each token in one of its strings sits in: a JSON body by JSON path, a form
 * body by parameter name, any other string as its own field (header, cookie, query parameter, URL).
 * The HAR walk (har.ts) and the base64 bodies (har-encoded.ts) both name fields so.
 */
import { jsonPath, type HarStringRole } from './har-read';
import { parseJsonBody, walkJsonStrings } from './json-walk';
import type { MatchedToken, TokenMatcher } from './matcher';
import type { HarLocation } from './types';

/**
 * Every token in one HAR string (or a body's decoded text), in order, each with the field it sits in:
 * a JSON body by JSON path, a form body by parameter, anything else as the string's own field.
 */
export function tokensInHarString(
  value: string,
  role: HarStringRole,
  where: HarLocation,
  matcher: TokenMatcher,
  add: (token: MatchedToken, where: HarLocation) => void,
): void {
  const inString = (text: string, location: HarLocation) => {
    for (const m of matcher.match(text).tokens) add(m, location);
  };
  if (role.type !== 'body') return inString(value, where);
  const body = parseJsonBody(value, role.mimeType);
  if (body !== undefined) {
    walkJsonStrings(body, (text, path) => {
      if (text.includes('eyJ'))
        inString(text, { ...where, field: `${where.field} field ${jsonPath(path())}` });
    });
    return;
  }
  if (/x-www-form-urlencoded/i.test(role.mimeType)) {
    for (const pair of value.split('&')) {
      const [name = '', text = ''] = pair.split('=', 2);
      inString(text, { ...where, field: `${role.side} body parameter ${safeDecode(name)}` });
    }
    return;
  }
  inString(value, where);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

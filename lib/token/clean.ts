import { bytesToText, decodeBase64url } from './base64url';

/**
 * Turns what people really paste into a token: surrounding whitespace, a whole
 * `Authorization: Bearer …` header line, a `Bearer ` prefix, quotes from JSON or shell
 * snippets, and line breaks from wrapped log lines. Each step is reported so the UI can
 * say how the input was changed.
 */
export interface CleanedInput {
  text: string;
  steps: string[];
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '`': '`', '“': '”' };

export function cleanInput(raw: string): CleanedInput {
  const steps: string[] = [];
  let text = raw.trim();

  const header = /^authorization\s*:\s*/i.exec(text);
  if (header) {
    text = text.slice(header[0].length).trim();
    steps.push('removed the "Authorization:" header name');
  }
  // Quotes may wrap the whole header value or only the token.
  for (let round = 0; round < 2; round++) {
    const open = text[0];
    if (open && QUOTE_PAIRS[open] && text.length >= 2 && text.endsWith(QUOTE_PAIRS[open]!)) {
      text = text.slice(1, -1).trim();
      steps.push('removed surrounding quotes');
    }
    const bearer = /^(bearer|dpop)\s*[: ]\s*/i.exec(text);
    if (bearer && text.length > bearer[0].length) {
      text = text.slice(bearer[0].length).trim();
      steps.push(`removed the "${bearer[1]}" prefix`);
    }
  }
  // A trailing comma or semicolon from a copied code line.
  if ((text.endsWith(',') || text.endsWith(';')) && /^[\w-]+\.[\w-]*\.[\w-]*[,;]$/.test(text)) {
    text = text.slice(0, -1);
    steps.push('removed a trailing "' + raw.trim().slice(-1) + '"');
  }

  // RFC 7797: an unencoded (b64:false) payload may contain spaces, which are signed as-is.
  const unencoded = text[0] !== '{' && /\s/.test(text) ? keepUnencodedPayload(text) : undefined;
  if (unencoded !== undefined) {
    if (unencoded !== text)
      steps.push(
        'removed spaces inside the header and signature (the unencoded b64:false payload is kept as is)',
      );
    text = unencoded;
  }
  // JSON serializations keep their whitespace; compact tokens never contain any.
  else if (text[0] !== '{' && /\s/.test(text)) {
    const lineBreaks = (text.match(/\r\n|\r|\n/g) ?? []).length;
    text = text.replace(/\s+/g, '');
    steps.push(
      lineBreaks > 0
        ? `removed ${lineBreaks} line break${lineBreaks === 1 ? '' : 's'} and the spaces inside the token`
        : 'removed spaces inside the token',
    );
  }
  return { text, steps };
}

/** For a compact JWS whose header says `"b64": false`, strips whitespace from all but the payload. */
function keepUnencodedPayload(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const decoded = decodeBase64url(header.replace(/\s+/g, ''));
  if (!decoded.ok) return undefined;
  try {
    const value: unknown = JSON.parse(bytesToText(decoded.bytes).text);
    if (value === null || typeof value !== 'object' || (value as { b64?: unknown }).b64 !== false)
      return undefined;
  } catch {
    return undefined;
  }
  return [header.replace(/\s+/g, ''), payload, signature.replace(/\s+/g, '')].join('.');
}

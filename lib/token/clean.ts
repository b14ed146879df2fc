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

  // JSON serializations keep their whitespace; compact tokens never contain any.
  if (text[0] !== '{' && /\s/.test(text)) {
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

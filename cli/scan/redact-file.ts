/**
 * `scan --redact`: writes `name.redacted.ext` beside a file that held tokens. The original is only
 * ever opened for reading. Text is redacted chunk by chunk (cut at line ends, which no token spans);
 * a HAR goes through lib's sanitizeHar, so the copy is still a HAR 1.2 document a viewer opens.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { redactText, sanitizeHar, TokenMatcher, type RedactionMode } from '../../lib/index';
import { readTextChunks, readWhole } from './scan-file';

export interface RedactedCopy {
  source: string;
  target: string;
  redacted: number;
}

/** `app.log` → `app.redacted.log`, `trace.har` → `trace.redacted.har`, `.env` → `.env.redacted`. */
export function redactedPath(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  return join(dirname(path), `${stem}.redacted${ext}`);
}

/** A copy we wrote earlier is not redacted again (that would write `x.redacted.redacted.log`). */
export function isRedactedCopy(path: string): boolean {
  return /\.redacted(\.[^./\\]*)?$/.test(basename(path));
}

export function writeRedactedCopy(path: string, har: boolean, mode: RedactionMode): RedactedCopy {
  const target = redactedPath(path);
  if (har) {
    const sanitized = sanitizeHar(readWhole(path), {
      tokens: mode,
      cookies: true,
      authorization: true,
      parameters: true,
    });
    if (sanitized.ok) {
      const fd = openSync(target, 'w');
      try {
        writeSync(fd, sanitized.har);
      } finally {
        closeSync(fd);
      }
      const { tokens, cookies, authorization, parameters } = sanitized.counts;
      return { source: path, target, redacted: tokens + cookies + authorization + parameters };
    }
    // scanHar read it, so this does not happen; if it did, the text redaction below still covers every token.
  }
  const fd = openSync(target, 'w');
  let redacted = 0;
  let carry = '';
  // One matcher for every chunk: a token repeated through the file is decoded and hashed once.
  const matcher = new TokenMatcher(new Date(0));
  try {
    readTextChunks(path, (text) => {
      const joined = carry + text;
      const cut = joined.lastIndexOf('\n') + 1;
      carry = joined.slice(cut);
      if (cut === 0) return;
      const result = redactText(joined.slice(0, cut), mode, matcher);
      redacted += result.redacted;
      writeSync(fd, result.text);
    });
    if (carry) {
      const result = redactText(carry, mode, matcher);
      redacted += result.redacted;
      writeSync(fd, result.text);
    }
  } finally {
    closeSync(fd);
  }
  return { source: path, target, redacted };
}

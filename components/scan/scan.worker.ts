// Scans and redacts off the main thread, so a 100 MB file never freezes the page. Imports lib/scan
// modules directly (not lib/index.ts), so this worker's bundle holds the scanner only.
import { claimsOf } from '@/lib/claims/claims-of';
import { addHarLocations } from '@/lib/scan/har';
import { addEncodedBodyTokens } from '@/lib/scan/har-encoded';
import { looksLikeHar, readHar } from '@/lib/scan/har-read';
import { redactText } from '@/lib/scan/redact';
import { sanitizeHar } from '@/lib/scan/sanitize-har';
import { createTextScanner, type TextScanner } from '@/lib/scan/scan-text';
import { summarizeToken } from '@/lib/scan/summary';
import type { FoundToken } from '@/lib/scan/types';
import type { FromWorker, RedactRequest, ScanRow, ToWorker } from './scan-protocol';

/** Rows shown at most; the counts still cover every token. */
const MAX_ROWS = 2000;

let chunks: string[] = [];
let scanner: TextScanner | undefined;
let isHar: boolean | undefined;
let done = 0;
let text = '';

const post = (message: FromWorker) => self.postMessage(message);

function rowOf(found: FoundToken, now: number): ScanRow {
  const s = summarizeToken(found, now);
  const claims = claimsOf(found.decoded) ?? {};
  return {
    fingerprint: found.fingerprint,
    token: found.token,
    kind: s.kind,
    ...(s.alg !== undefined ? { alg: s.alg } : {}),
    ...(s.enc !== undefined ? { enc: s.enc } : {}),
    ...(s.iss !== undefined ? { iss: s.iss } : {}),
    ...(s.sub !== undefined ? { sub: s.sub } : {}),
    ...(s.aud !== undefined ? { aud: s.aud } : {}),
    times: { exp: claims.exp, nbf: claims.nbf, iat: claims.iat },
    count: found.count,
    firstSeen: s.firstSeen,
  };
}

function finish(now: number): void {
  text = chunks.length === 1 ? chunks[0]! : chunks.join('');
  chunks = [];
  // The text was scanned chunk by chunk while it arrived; a HAR is then walked to say where each copy was.
  const result = scanner?.finish() ?? { tokens: [] };
  let tokens = result.tokens;
  let message: string | undefined;
  let entries: number | undefined;
  if (isHar) {
    const read = readHar(text);
    if (read.ok) {
      addHarLocations(read.har, tokens, { now });
      // Bodies stored base64 hold tokens the text scan could not see.
      tokens = addEncodedBodyTokens(read.har, text, tokens, { now });
      entries = read.har.log.entries.length;
    } else {
      message = read.error.message;
      isHar = false;
    }
  }
  post({
    type: 'result',
    rows: tokens.slice(0, MAX_ROWS).map((t) => rowOf(t, now)),
    isHar: isHar === true,
    ...(entries !== undefined ? { entries } : {}),
    ...(message ? { message } : {}),
    chars: text.length,
    occurrences: tokens.reduce((n, t) => n + t.count, 0),
  });
}

function redact(request: RedactRequest): void {
  const zero = { tokens: 0, cookies: 0, authorization: 0, parameters: 0 };
  if (isHar) {
    const r = sanitizeHar(text, {
      tokens: request.tokens ? request.mode : false,
      cookies: request.cookies,
      authorization: request.authorization,
      parameters: request.parameters,
    });
    if (r.ok) {
      post({
        type: 'redacted',
        id: request.id,
        blob: new Blob([r.har], { type: 'application/json' }),
        counts: r.counts,
        isHar: true,
      });
      return;
    }
  }
  const r = request.tokens ? redactText(text, request.mode) : { text, redacted: 0 };
  post({
    type: 'redacted',
    id: request.id,
    blob: new Blob([r.text], { type: 'text/plain' }),
    counts: { ...zero, tokens: r.redacted },
    isHar: false,
  });
}

const decoder = new TextDecoder('utf-8');

/** Scans one piece of the text as it arrives. */
function take(piece: string, now: number): void {
  if (isHar === undefined) {
    isHar = looksLikeHar(piece);
    scanner = createTextScanner({ now });
  }
  chunks.push(piece);
  scanner?.push(piece);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'chunk') {
      take(message.text, message.now);
      done += message.text.length;
      post({ type: 'progress', done });
    } else if (message.type === 'bytes') {
      // stream: true keeps a UTF-8 sequence split across two reads whole.
      take(decoder.decode(message.bytes, { stream: true }), message.now);
      done += message.bytes.byteLength;
      post({ type: 'progress', done });
    } else if (message.type === 'end') {
      const rest = decoder.decode();
      if (rest) take(rest, message.now);
      finish(message.now);
    } else if (message.type === 'redact') {
      redact(message.request);
    }
  } catch (err) {
    // Out of memory or a bug: say so instead of dying silently; the page offers to try again.
    post({
      type: 'failed',
      message: `The scan stopped: ${err instanceof Error ? err.message : String(err)}. Try a smaller file.`,
    });
  }
};

import { fail, toLensError } from '../errors';
import { findingsFor } from '../findings';
import type { FindingContext } from '../findings/rule';
import { isObject } from '../is-object';
import type {
  DecodeResult,
  DecodedOk,
  Finding,
  JwsSignatureEntry,
  TokenFormat,
  TokenPartSpan,
} from '../types';
import { cleanInput } from './clean';
import { parseStrictJson, prettyJson, type StrictJsonOk } from './json';
import {
  decodeHeader,
  decodePayload,
  decodeSegment,
  newCollected,
  readPayloadJson,
  type Collected,
} from './segments';
import { jsonSdJwtMembers, withSdJwt } from './sd-jwt';

/** Far above any real token; past this the page would only freeze. */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

export interface DecodeOptions {
  /** The clock for time findings; defaults to now. */
  now?: Date;
}

/** Decodes any token people paste. Synchronous and never throws (STYLE.md: results, not exceptions). */
export function decodeToken(input: string, options: DecodeOptions = {}): DecodeResult {
  const now = options.now ?? new Date();
  const findings: Finding[] = [];
  let token: string | undefined;
  try {
    if (typeof input !== 'string') fail('empty-input', 'There is no token to decode.');
    if (input.length > MAX_INPUT_CHARS) {
      fail(
        'input-too-large',
        `The input is ${formatSize(input.length)}, more than the ${formatSize(MAX_INPUT_CHARS)} this tool decodes. Real tokens are far smaller: check that you copied only the token.`,
        { part: 'token' },
      );
    }
    const cleaned = cleanInput(input);
    token = cleaned.text;
    if (cleaned.steps.length > 0) {
      findings.push({
        id: 'input-cleaned',
        severity: 'info',
        message: `The input was cleaned before decoding: ${cleaned.steps.join('; ')}.`,
      });
    }
    if (token.length === 0)
      fail('empty-input', 'Paste a token to decode it. Nothing is sent anywhere.', { part: 'token' });
    const result = token.startsWith('{')
      ? decodeJsonSerialization(token, now)
      : token.includes('~')
        ? decodeSdJwt(token, now)
        : decodeCompact(token, now);
    result.findings = [...findings, ...result.findings];
    return result;
  } catch (err) {
    return { ok: false, error: toLensError(err), findings, ...(token !== undefined ? { token } : {}) };
  }
}

function decodeCompact(token: string, now: Date): DecodedOk {
  const segments = token.split('.');
  if (segments.length === 3) return decodeCompactJws(token, segments as [string, string, string], now);
  if (segments.length === 5) return decodeCompactJwe(token, segments, now);
  const count = segments.length;
  const hint =
    count === 1
      ? 'There are no dots, so this is not a JWT at all, or only a piece of one.'
      : count === 2 || count === 4
        ? `Did the token get cut off when you copied it? ${count === 2 ? 'A JWS has 3 segments' : 'A JWE has 5 segments'}.`
        : 'A JWS has 3 segments and a JWE has 5.';
  fail(
    'segment-count',
    `Found ${count} segment${count === 1 ? '' : 's'} separated by dots, but a token has 3 (signed) or 5 (encrypted). ${hint}`,
    {
      part: 'token',
      position: count === 2 || count === 4 ? token.length : undefined,
    },
  );
}

function decodeCompactJws(token: string, [h, p, s]: [string, string, string], now: Date): DecodedOk {
  const collected = newCollected();
  const header = decodeHeader(h, 0, collected);
  const unencoded = header.value.b64 === false; // RFC 7797
  const payload = unencoded
    ? { text: p, json: readPayloadJson(p, collected) }
    : decodePayload(p, h.length + 1, collected);
  const sigOffset = h.length + p.length + 2;
  if (s.length > 0) decodeSegment(s, 'signature', 'signature', sigOffset, collected);
  const format: TokenFormat = isNone(header.value.alg) ? 'unsecured' : 'jws';
  const extra: Finding[] = [];
  if (s.length === 0 && format === 'jws') {
    extra.push({
      id: 'signature-missing',
      severity: 'danger',
      path: 'signature',
      message: `The signature segment is empty although alg is "${String(header.value.alg)}". Either the token was cut off when you copied it, or someone removed the signature.`,
    });
  }
  return finish({
    format,
    header,
    payload,
    segments: { header: h, payload: p, signature: s },
    parts: spans([
      ['header', h],
      ['payload', p],
      ['signature', s],
    ]),
    token,
    collected,
    now,
    serialization: 'compact',
    extra,
  });
}

function decodeCompactJwe(token: string, segments: string[], now: Date): DecodedOk {
  const [h, ek, iv, ct, tag] = segments as [string, string, string, string, string];
  const collected = newCollected();
  const header = decodeHeader(h, 0, collected);
  let offset = h.length + 1;
  const names = [
    [ek, 'encrypted key'],
    [iv, 'initialization vector'],
    [ct, 'ciphertext'],
    [tag, 'authentication tag'],
  ] as const;
  for (const [segment, label] of names) {
    if (segment.length > 0) decodeSegment(segment, 'payload', label, offset, collected);
    offset += segment.length + 1;
  }
  if (ct.length === 0)
    fail('empty-segment', 'The ciphertext (4th segment) of this JWE is empty. Did the token get cut off?', {
      part: 'payload',
      position: h.length + ek.length + iv.length + 3,
    });
  const alg = String(header.value.alg ?? '(missing)');
  const enc = String(header.value.enc ?? '(missing)');
  return finish({
    format: 'jwe',
    header,
    payload: undefined,
    segments: { header: h, payload: ct, signature: tag, encryptedKey: ek, iv, ciphertext: ct, tag },
    parts: spans([
      ['header', h],
      ['encrypted-key', ek],
      ['iv', iv],
      ['ciphertext', ct],
      ['tag', tag],
    ]),
    token,
    collected,
    now,
    serialization: 'compact',
    extra: [
      {
        id: 'jwe-encrypted',
        severity: 'info',
        message: `This is an encrypted token (JWE): key management "${alg}", content encryption "${enc}". Only the header can be read without the decryption key.`,
      },
    ],
  });
}

function decodeJsonSerialization(token: string, now: Date): DecodedOk {
  const parsed = parseStrictJson(token, 'token');
  if (!parsed.ok) {
    fail(
      'invalid-json-serialization',
      `The input starts with "{" but is not valid JSON: ${parsed.message}.${parsed.unexpectedEnd ? ' Did it get cut off?' : ''}`,
      {
        part: 'token',
        position: parsed.position,
      },
    );
  }
  const obj = parsed.value;
  if (!isObject(obj))
    fail(
      'invalid-json-serialization',
      'The JSON is not an object, so it is not a JWS or JWE JSON serialization.',
      { part: 'token' },
    );
  const collected = newCollected(parsed.duplicates);
  if ('ciphertext' in obj) return decodeJweJson(token, obj, collected, now);
  if (!('signatures' in obj) && !('signature' in obj)) {
    fail(
      'invalid-json-serialization',
      'This JSON has neither "signature"/"signatures" (JWS, RFC 7515 §7.2) nor "ciphertext" (JWE, RFC 7516 §7.2), so it is not a JOSE JSON serialization. Paste the token itself.',
      { part: 'token' },
    );
  }
  const general = Array.isArray(obj.signatures);
  const rawSignatures = general ? (obj.signatures as unknown[]) : [obj];
  if (general && 'signature' in obj)
    fail(
      'invalid-json-serialization',
      'The JSON has both "signatures" and "signature"; RFC 7515 §7.2.1 allows only one form.',
      { part: 'token' },
    );
  if (rawSignatures.length === 0)
    fail('invalid-json-serialization', 'The "signatures" array is empty: there is nothing to verify.', {
      part: 'signature',
    });
  // An absent payload is detached content (RFC 7515 Appendix F); the verifier supplies it.
  if (obj.payload !== undefined && typeof obj.payload !== 'string')
    fail('invalid-json-serialization', '"payload" must be a base64url string (RFC 7515 §7.2.1).', {
      part: 'payload',
    });

  const signatures: JwsSignatureEntry[] = rawSignatures.map((entry, index) => {
    const where = general ? `signature ${index + 1}` : 'signature';
    if (!isObject(entry))
      fail('invalid-json-serialization', `The ${where} entry is not an object.`, { part: 'signature' });
    const prot = entry.protected;
    if (prot !== undefined && typeof prot !== 'string')
      fail('invalid-json-serialization', `"protected" of the ${where} must be a base64url string.`, {
        part: 'header',
      });
    const sig = entry.signature;
    if (typeof sig !== 'string')
      fail('invalid-json-serialization', `The ${where} has no "signature" string.`, { part: 'signature' });
    const protectedHeader = prot
      ? decodeHeader(prot, undefined, collected, `protected header of ${where}`).value
      : {};
    if (entry.header !== undefined && !isObject(entry.header))
      fail('invalid-json-serialization', `"header" of the ${where} must be a JSON object.`, {
        part: 'header',
      });
    if (sig.length > 0) decodeSegment(sig, 'signature', `${where}`, undefined, collected);
    return {
      protected: protectedHeader,
      ...(isObject(entry.header) ? { header: entry.header } : {}),
      segments: { protected: prot ?? '', signature: sig },
    };
  });
  const first = signatures[0]!;
  const firstProt = first.segments.protected;
  const header = firstProt ? decodeHeader(firstProt, undefined, newCollected()) : { value: {}, json: '{}' };
  const payloadText = typeof obj.payload === 'string' ? obj.payload : '';
  const payload =
    header.value.b64 === false
      ? { text: payloadText, json: readPayloadJson(payloadText, collected) }
      : decodePayload(payloadText, undefined, collected);
  const jws = finish({
    format: 'jws-json',
    header,
    payload,
    segments: { header: firstProt, payload: payloadText, signature: first.segments.signature },
    parts: [{ kind: 'json', text: token }],
    token,
    collected,
    now,
    serialization: general ? 'json-general' : 'json-flattened',
    signatures,
    extra: [],
  });
  // RFC 9901 §8: an SD-JWT may use this serialization, its disclosures in the unprotected header.
  const sd = jsonSdJwtMembers(
    first.header,
    signatures.slice(1).map((s) => s.header),
  );
  if (!sd) return jws;
  return withSdJwt(
    jws,
    {
      issuerJwt: `${firstProt}.${payloadText}.${first.segments.signature}`,
      disclosures: sd.disclosures,
      kbJwt: sd.kbJwt,
      serialization: 'json',
    },
    now,
    sd.extra,
  );
}

function decodeJweJson(
  token: string,
  obj: Record<string, unknown>,
  collected: Collected,
  now: Date,
): DecodedOk {
  const prot = obj.protected;
  if (prot !== undefined && typeof prot !== 'string')
    fail('invalid-json-serialization', '"protected" must be a base64url string (RFC 7516 §7.2.1).', {
      part: 'header',
    });
  if (typeof obj.ciphertext !== 'string')
    fail('invalid-json-serialization', '"ciphertext" must be a base64url string.', { part: 'payload' });
  const header = prot
    ? decodeHeader(prot, undefined, collected)
    : { value: {} as Record<string, unknown>, json: '{}' };
  decodeSegment(obj.ciphertext as string, 'payload', 'ciphertext', undefined, collected);
  const general = Array.isArray(obj.recipients);
  return finish({
    format: 'jwe',
    header,
    payload: undefined,
    segments: {
      header: prot ?? '',
      payload: obj.ciphertext as string,
      signature: typeof obj.tag === 'string' ? obj.tag : '',
    },
    parts: [{ kind: 'json', text: token }],
    token,
    collected,
    now,
    serialization: general ? 'json-general' : 'json-flattened',
    extra: [
      {
        id: 'jwe-encrypted',
        severity: 'info',
        message: `This is an encrypted token (JWE JSON serialization, content encryption "${String(header.value.enc ?? (isObject(obj.unprotected) ? obj.unprotected.enc : undefined) ?? '(missing)')}"). Only the headers can be read without the decryption key.`,
      },
    ],
  });
}

function decodeSdJwt(token: string, now: Date): DecodedOk {
  const pieces = token.split('~');
  const issuerJwt = pieces[0]!;
  const jwtSegments = issuerJwt.split('.');
  if (jwtSegments.length !== 3) {
    fail(
      'invalid-sd-jwt',
      `This looks like an SD-JWT (it contains "~"), but the issuer-signed JWT before the first "~" has ${jwtSegments.length} segment${jwtSegments.length === 1 ? '' : 's'} instead of 3.`,
      { part: 'token', position: 0 },
    );
  }
  const base = decodeCompactJws(issuerJwt, jwtSegments as [string, string, string], now);
  return withSdJwt(
    { ...base, token },
    {
      issuerJwt,
      disclosures: pieces.slice(1, -1),
      kbJwt: pieces[pieces.length - 1]!,
      offset: issuerJwt.length + 1,
      serialization: 'compact',
    },
    now,
  );
}

// ---- result ---------------------------------------------------------------

interface FinishInput {
  format: TokenFormat;
  header: { value: Record<string, unknown>; json: string };
  payload: { text: string; json?: StrictJsonOk; binary?: boolean } | undefined;
  segments: DecodedOk['segments'];
  parts: TokenPartSpan[];
  token: string;
  collected: Collected;
  now: Date;
  serialization: DecodedOk['serialization'];
  signatures?: JwsSignatureEntry[];
  extra: Finding[];
}

function finish(input: FinishInput): DecodedOk {
  const { payload, collected } = input;
  const payloadIsJson = payload?.json !== undefined;
  const payloadValue = payload === undefined ? undefined : payloadIsJson ? payload.json!.value : payload.text;
  const context: FindingContext = {
    format: input.format,
    header: input.header.value,
    ...(input.signatures
      ? { signatureHeaders: input.signatures.map((s) => ({ ...(s.header ?? {}), ...s.protected })) }
      : {}),
    payload: payloadValue,
    payloadIsJson,
    duplicates: collected.duplicates,
    nonCanonical: collected.nonCanonical,
    now: input.now,
  };
  const findings = findingsFor(context);
  if (collected.payloadJsonError) {
    findings.push({
      id: 'payload-invalid-json',
      severity: 'warning',
      path: 'payload',
      message: `The payload looks like JSON but is not valid: ${collected.payloadJsonError}. It is shown as text.`,
    });
  }
  if (payload?.binary) {
    findings.push({
      id: 'payload-binary',
      severity: 'info',
      path: 'payload',
      message: 'The payload is binary data, not UTF-8 text; undecodable bytes are shown as "�".',
    });
  }
  return {
    ok: true,
    format: input.format,
    header: input.header.value,
    payload: payloadValue,
    segments: input.segments,
    findings: [...input.extra, ...findings],
    token: input.token,
    headerJson: input.header.json,
    ...(payload === undefined
      ? {}
      : { payloadJson: payloadIsJson ? prettyJson(payload.text) : payload.text }),
    payloadIsJson,
    bigNumbers: collected.bigNumbers,
    parts: input.parts,
    ...(input.signatures ? { signatures: input.signatures } : {}),
    serialization: input.serialization,
    now: input.now.getTime(),
  };
}

function spans(list: [TokenPartSpan['kind'], string][]): TokenPartSpan[] {
  const out: TokenPartSpan[] = [];
  list.forEach(([kind, text], index) => {
    if (index > 0) out.push({ kind: 'separator', text: '.' });
    out.push({ kind, text });
  });
  return out;
}

function isNone(alg: unknown): boolean {
  return typeof alg === 'string' && alg.toLowerCase() === 'none';
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}

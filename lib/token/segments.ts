/**
 * Decoding one part of a token: a base64url segment, a JOSE header, a payload. Each failure names
 * the part and, where it has one, the position in the token. Shared by every serialization
 * (compact, JSON, SD-JWT) so each says the same thing about the same fault.
 */
import { fail, type TokenPart } from '../errors';
import { isObject } from '../is-object';
import type { NumberNote } from '../types';
import { bytesToText, decodeBase64url, firstNonBase64urlChar, type NonCanonicalIssue } from './base64url';
import { parseStrictJson, prettyJson, type StrictJsonOk } from './json';

/** What the decoding of one part of a token yields, with everything the findings need. */
export interface Collected {
  duplicates: string[];
  bigNumbers: NumberNote[];
  nonCanonical: { part: string; issues: NonCanonicalIssue[] }[];
  payloadJsonError?: string;
}

export function newCollected(duplicates: string[] = []): Collected {
  return { duplicates: [...duplicates], bigNumbers: [], nonCanonical: [] };
}

export function decodeSegment(
  segment: string,
  part: TokenPart,
  label: string,
  offset: number | undefined,
  collected: Collected,
): Uint8Array {
  const decoded = decodeBase64url(segment);
  if (!decoded.ok) {
    // A stray character comes first: a segment with a "+" inserted has an impossible length too,
    // but blaming the length ("cut off?") sends the user looking in the wrong place.
    const stray = decoded.reason === 'invalid-char' ? decoded : firstNonBase64urlChar(segment);
    if (stray) {
      const at = offset === undefined ? undefined : offset + stray.position;
      const where = at === undefined ? '' : ` (character ${at + 1} of the token)`;
      fail(
        'invalid-base64url',
        `The ${label} contains ${JSON.stringify(stray.char)} at position ${stray.position + 1}${where}, which is not a base64url character (A–Z, a–z, 0–9, "-", "_").${standardBase64Hint(stray.char)}`,
        { part, position: at },
      );
    }
    fail(
      'truncated',
      `The ${label} is ${segment.length} characters long, which no base64url text can be. Did the token get cut off when you copied it?`,
      { part, position: offset === undefined ? undefined : offset + segment.length },
    );
  }
  if (decoded.issues.length > 0) collected.nonCanonical.push({ part: label, issues: decoded.issues });
  return decoded.bytes;
}

/** RFC 7515 §2: JWS uses base64url without padding; "+", "/" and "=" are standard base64 (RFC 4648 §4). */
function standardBase64Hint(char: string): string {
  if (char === '+' || char === '/')
    return ` "${char}" belongs to standard base64; base64url writes "${char === '+' ? '-' : '_'}" instead (RFC 7515 §2). Was this part encoded with the wrong alphabet, or was a character inserted?`;
  if (char === '=')
    return ' "=" is padding from standard base64; JWT segments are base64url without padding (RFC 7515 §2). Was this part encoded with the wrong alphabet, or was a character inserted?';
  return '';
}

export function decodeHeader(
  segment: string,
  offset: number | undefined,
  collected: Collected,
  label = 'header',
): { value: Record<string, unknown>; json: string } {
  if (segment.length === 0)
    fail(
      'empty-segment',
      `The ${label} is empty. Every JWS and JWE starts with a base64url-encoded JSON header.`,
      { part: 'header', position: offset },
    );
  const bytes = decodeSegment(segment, 'header', label, offset, collected);
  const { text, valid } = bytesToText(bytes);
  if (!valid)
    fail(
      'invalid-utf8',
      `The ${label} decodes to bytes that are not UTF-8 text, so it cannot be JSON. Is this really a JWT?`,
      { part: 'header', position: offset },
    );
  const parsed = parseStrictJson(text, 'header');
  if (!parsed.ok) {
    if (parsed.tooDeep)
      fail('too-deep', `The ${label} is nested too deeply (${parsed.message}).`, { part: 'header' });
    const cut = parsed.unexpectedEnd ? ' Did the token get cut off when you copied it?' : '';
    fail(
      parsed.unexpectedEnd ? 'truncated' : 'header-not-json',
      `The ${label} is not valid JSON: ${parsed.message}.${cut}`,
      { part: 'header', position: offset },
    );
  }
  if (!isObject(parsed.value)) {
    fail(
      'header-not-object',
      `The ${label} is JSON but not an object (it is ${describeJsonType(parsed.value)}). A JOSE header must be a JSON object such as {"alg":"HS256"}.`,
      { part: 'header', position: offset },
    );
  }
  collect(collected, parsed);
  return { value: parsed.value, json: prettyJson(text) };
}

export function decodePayload(
  segment: string,
  offset: number | undefined,
  collected: Collected,
): { text: string; json?: StrictJsonOk; binary?: boolean } {
  const bytes =
    segment.length === 0 ? new Uint8Array() : decodeSegment(segment, 'payload', 'payload', offset, collected);
  const { text, valid } = bytesToText(bytes);
  if (!valid) return { text, binary: true };
  return { text, json: readPayloadJson(text, collected) };
}

export function readPayloadJson(text: string, collected: Collected): StrictJsonOk | undefined {
  if (text.length === 0) return undefined;
  const parsed = parseStrictJson(text, 'payload');
  if (parsed.ok) {
    collect(collected, parsed);
    return parsed;
  }
  if (/^\s*[{[]/.test(text))
    collected.payloadJsonError = `${parsed.message}${parsed.unexpectedEnd ? ' (did the token get cut off?)' : ''}`;
  return undefined;
}

function collect(collected: Collected, parsed: StrictJsonOk) {
  collected.duplicates.push(...parsed.duplicates);
  collected.bigNumbers.push(...parsed.bigNumbers);
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The SD-JWT layer of decodeToken (RFC 9901): given the decoded issuer-signed JWT, its disclosures
 * and the key-binding JWT, in either serialization, it decodes each disclosure, resolves them
 * against the digests (lib/sd-jwt/) and reads the KB-JWT with the `sd_hash` it should carry.
 *
 * - Compact (§4): `<issuer-jwt>~<d1>~…~<dn>~<kb-jwt>`.
 * - JWS JSON (§8.1): the disclosures and the KB-JWT sit in the unprotected header (`disclosures`,
 *   `kb_jwt`; of the first signature in the general form), and `sd_hash` is computed over the
 *   compact form built from the payload and the first signature: `<protected>.<payload>.<sig>~<d1>~…~<dn>~`.
 */
import { fail } from '../errors';
import { findingsFor } from '../findings';
import { isObject } from '../is-object';
import { resolveDisclosures } from '../sd-jwt/disclosures';
import { decodeKeyBinding } from '../sd-jwt/key-binding';
import type { DecodedOk, Finding, SdJwtInfo, TokenPartSpan } from '../types';
import { decodeSegment, newCollected } from './segments';

export interface SdJwtParts {
  /** The issuer-signed JWT in compact form (for JSON, rebuilt from the first signature). */
  issuerJwt: string;
  disclosures: string[];
  /** Empty when there is no key binding. */
  kbJwt: string;
  /** Compact only: where the first disclosure starts in the token, for error positions. */
  offset?: number;
  /** Where the parts came from, for messages: compact "~" pieces or the JSON header members. */
  serialization: 'compact' | 'json';
}

/** Adds disclosures, the disclosed payload and the key binding to a decoded issuer-signed JWS. */
export function withSdJwt(base: DecodedOk, sd: SdJwtParts, now: Date, extra: Finding[] = []): DecodedOk {
  const collected = newCollected();
  const segmentMap: Record<string, string> = {};
  let offset = sd.offset;
  sd.disclosures.forEach((d, index) => {
    if (d.length === 0)
      fail(
        'invalid-sd-jwt',
        sd.serialization === 'compact'
          ? `Disclosure ${index + 1} is empty ("~~"). An SD-JWT separates each disclosure by a single "~".`
          : `Disclosure ${index + 1} in "disclosures" is an empty string; each one is a base64url-encoded JSON array (RFC 9901 §4.2).`,
        { part: 'payload', ...(offset !== undefined ? { position: offset } : {}) },
      );
    decodeSegment(d, 'payload', `disclosure ${index + 1}`, offset, collected);
    segmentMap[`disclosure${index + 1}`] = d;
    if (offset !== undefined) offset += d.length + 1;
  });
  if (sd.kbJwt.length > 0) {
    const count = sd.kbJwt.split('.').length;
    if (count !== 3) {
      fail(
        'invalid-sd-jwt',
        sd.serialization === 'compact'
          ? `The part after the last "~" should be a key-binding JWT with 3 segments, but it has ${count}. If there is no key binding, the SD-JWT must end with "~".`
          : `"kb_jwt" in the unprotected header should be a key-binding JWT with 3 segments, but it has ${count} (RFC 9901 §8.1).`,
        { part: 'token', ...(offset !== undefined ? { position: offset } : {}) },
      );
    }
    segmentMap.kb = sd.kbJwt;
  }
  const presentation = `${sd.issuerJwt}~${sd.disclosures.map((d) => `${d}~`).join('')}`;
  const info = readSdJwt(base, sd.disclosures, sd.kbJwt, presentation);
  const sdFindings = findingsFor({
    format: 'sd-jwt',
    header: {},
    payload: undefined,
    payloadIsJson: false,
    duplicates: [],
    nonCanonical: collected.nonCanonical,
    now,
    sdJwt: info.info,
  });
  return {
    ...base,
    format: 'sd-jwt',
    parts: sd.serialization === 'compact' ? compactParts(base.parts, sd) : base.parts,
    segments: { ...base.segments, ...segmentMap },
    findings: [...extra, ...base.findings, ...sdFindings],
    disclosures: info.info.disclosures,
    disclosedPayload: info.disclosedPayload,
    sdJwt: info.info,
  };
}

/**
 * RFC 9901 §8.1: the SD-JWT members of a JWS JSON serialization, or undefined when it has none
 * (a plain JWS JSON). `unprotected` is the header of the flattened form or of the first signature;
 * `later` are the unprotected headers of the other signatures, where the members must not appear.
 */
export function jsonSdJwtMembers(
  unprotected: unknown,
  later: unknown[],
): { disclosures: string[]; kbJwt: string; extra: Finding[] } | undefined {
  if (!isObject(unprotected) || !hasSdJwtMembers(unprotected)) return undefined;
  const extra: Finding[] = [];
  const strays = later.flatMap((h, i) => (isObject(h) && hasSdJwtMembers(h) ? [i + 2] : []));
  if (strays.length > 0) {
    extra.push({
      id: 'sd-jwt-json-members-misplaced',
      severity: 'warning',
      message: `${strays.length === 1 ? `Signature ${strays[0]} carries` : `Signatures ${strays.join(', ')} carry`} "disclosures" or "kb_jwt" in ${strays.length === 1 ? 'its' : 'their'} unprotected header. RFC 9901 §8.1 puts them in the first signature's header only, so these are ignored.`,
    });
  }
  const list = Object.hasOwn(unprotected, 'disclosures') ? unprotected.disclosures : [];
  if (!Array.isArray(list) || list.some((d) => typeof d !== 'string'))
    fail(
      'invalid-sd-jwt',
      '"disclosures" in the unprotected header must be an array of strings, each a base64url-encoded disclosure (RFC 9901 §8.1).',
      { part: 'header' },
    );
  const kb = Object.hasOwn(unprotected, 'kb_jwt') ? unprotected.kb_jwt : undefined;
  if (kb !== undefined && typeof kb !== 'string')
    fail(
      'invalid-sd-jwt',
      '"kb_jwt" in the unprotected header must be a string: the compact key-binding JWT (RFC 9901 §8.1).',
      {
        part: 'header',
      },
    );
  return { disclosures: list as string[], kbJwt: kb ?? '', extra };
}

/** Own members only: a header is parsed JSON, and nothing inherited may make it an SD-JWT. */
function hasSdJwtMembers(header: Record<string, unknown>): boolean {
  return Object.hasOwn(header, 'disclosures') || Object.hasOwn(header, 'kb_jwt');
}

/** Digests, disclosed payload and key binding of an SD-JWT (lib/sd-jwt/). */
function readSdJwt(
  base: DecodedOk,
  disclosures: string[],
  kbJwt: string,
  presentation: string,
): { info: SdJwtInfo; disclosedPayload: unknown } {
  const resolved = resolveDisclosures(base.payloadIsJson ? base.payload : undefined, disclosures);
  const info: SdJwtInfo = { ...resolved.info };
  if (kbJwt.length > 0) {
    const kb = decodeKeyBinding(kbJwt, presentation, info.sdAlg);
    if (kb.ok) info.keyBinding = kb.value;
    else info.keyBindingError = kb.message;
  }
  return { info, disclosedPayload: resolved.disclosedPayload };
}

function compactParts(base: TokenPartSpan[], sd: SdJwtParts): TokenPartSpan[] {
  const parts: TokenPartSpan[] = [...base, { kind: 'separator', text: '~' }];
  for (const d of sd.disclosures)
    parts.push({ kind: 'disclosure', text: d }, { kind: 'separator', text: '~' });
  if (sd.kbJwt.length > 0) parts.push({ kind: 'kb-jwt', text: sd.kbJwt });
  return parts;
}

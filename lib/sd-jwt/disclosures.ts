/**
 * SD-JWT disclosure processing (RFC 9901 §7.1 "Verification of the SD-JWT", steps 3–5):
 * decode every disclosure, digest it with `_sd_alg`, put each one where its digest is
 * referenced (`_sd` arrays and `{"...": digest}` array entries, at any depth and inside
 * other disclosures), and report what does not fit. Synchronous, so decodeToken stays so.
 */
import { childPath, parseStrictJson } from '../token/json';
import { bytesToText, decodeBase64url } from '../token/base64url';
import type { SdDisclosure, SdJwtInfo, SdWithheld } from '../types';
import { digestText, isSupportedSdAlg } from './hash';
import { isObject } from '../is-object';

/** RFC 9901 §4.1.1: the default when `_sd_alg` is absent. */
export const DEFAULT_SD_ALG = 'sha-256';

interface Candidate {
  disclosure: SdDisclosure;
  index: number;
  /** Set once the disclosure has been put in place. */
  used: boolean;
}

interface Walk {
  byDigest: Map<string, Candidate>;
  withheld: SdWithheld[];
  referenceCounts: Map<string, number>;
  problems: { index: number; message: string }[];
}

export interface ResolvedDisclosures {
  info: Omit<SdJwtInfo, 'keyBinding' | 'keyBindingError'>;
  disclosedPayload: unknown;
}

/** Resolves the disclosures of an SD-JWT against the issuer-signed payload. */
export function resolveDisclosures(
  payload: unknown,
  encodedDisclosures: readonly string[],
): ResolvedDisclosures {
  const claims = isObject(payload) ? payload : undefined;
  const rawAlg = claims?._sd_alg;
  const sdAlg =
    rawAlg === undefined ? DEFAULT_SD_ALG : typeof rawAlg === 'string' ? rawAlg : JSON.stringify(rawAlg);
  const sdAlgSupported = isSupportedSdAlg(sdAlg);
  const problems: { index: number; message: string }[] = [];
  const disclosures = encodedDisclosures.map((encoded, index) => {
    const parsed = parseDisclosure(encoded);
    if (!parsed.ok) problems.push({ index, message: parsed.message });
    const digest = sdAlgSupported ? digestText(sdAlg, encoded) : '';
    const base: SdDisclosure = parsed.ok
      ? {
          digest,
          salt: parsed.salt,
          ...(parsed.name !== undefined ? { name: parsed.name } : {}),
          value: parsed.value,
          path: '',
          encoded,
          status: 'unreferenced',
        }
      : { digest, salt: '', value: undefined, path: '', encoded, status: 'invalid' };
    if (!sdAlgSupported && parsed.ok) base.status = 'unchecked';
    return base;
  });

  const walk: Walk = { byDigest: new Map(), withheld: [], referenceCounts: new Map(), problems };
  const duplicateDigests = new Set<string>();
  if (sdAlgSupported) {
    disclosures.forEach((disclosure, index) => {
      if (walk.byDigest.has(disclosure.digest)) duplicateDigests.add(disclosure.digest);
      else if (disclosure.status !== 'invalid')
        walk.byDigest.set(disclosure.digest, { disclosure, index, used: false });
    });
  }

  let disclosedPayload: unknown = payload;
  if (claims) {
    const top = processObject(claims, 'payload', walk);
    delete top._sd_alg; // RFC 9901 §7.1 step 5: removed from the processed payload
    disclosedPayload = top;
  }
  for (const [digest, count] of walk.referenceCounts) if (count > 1) duplicateDigests.add(digest);

  return {
    info: {
      sdAlg,
      sdAlgSupported,
      disclosures,
      withheld: sdAlgSupported ? walk.withheld : [],
      duplicateDigests: [...duplicateDigests],
      problems,
    },
    disclosedPayload,
  };
}

function processValue(value: unknown, path: string, walk: Walk): unknown {
  if (Array.isArray(value)) return processArray(value, path, walk);
  if (isObject(value)) return processObject(value, path, walk);
  return value;
}

function processObject(obj: Record<string, unknown>, path: string, walk: Walk): Record<string, unknown> {
  // A null-prototype object keeps "__proto__" an ordinary claim name.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '_sd') continue;
    out[key] = processValue(value, childPath(path, key), walk);
  }
  const sd = obj._sd;
  if (sd === undefined) return out;
  if (!Array.isArray(sd)) {
    walk.problems.push({
      index: -1,
      message: `"_sd" at ${path} is not an array of digests, so no claim there can be disclosed.`,
    });
    return out;
  }
  for (const digest of sd) {
    if (typeof digest !== 'string') continue;
    count(walk, digest);
    const candidate = walk.byDigest.get(digest);
    if (!candidate) {
      walk.withheld.push({ path, digest, kind: 'property' });
      continue;
    }
    const { disclosure, index } = candidate;
    if (candidate.used) continue; // a repeated digest: reported as a duplicate, placed once
    candidate.used = true;
    if (disclosure.name === undefined) {
      disclosure.status = 'invalid';
      walk.problems.push({
        index,
        message: `Disclosure ${index + 1} is an array element ([salt, value]) but its digest is in the "_sd" of ${path}, where only [salt, name, value] disclosures belong.`,
      });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(out, disclosure.name)) {
      disclosure.status = 'invalid';
      walk.problems.push({
        index,
        message: `Disclosure ${index + 1} discloses "${disclosure.name}", but ${path} already has a claim of that name. RFC 9901 §7.1 says to reject the SD-JWT.`,
      });
      continue;
    }
    const at = childPath(path, disclosure.name);
    disclosure.path = at;
    disclosure.status = 'matched';
    out[disclosure.name] = processValue(disclosure.value, at, walk);
  }
  return out;
}

function processArray(arr: unknown[], path: string, walk: Walk): unknown[] {
  const out: unknown[] = [];
  for (const element of arr) {
    const digest = arrayDigest(element);
    if (digest === undefined) {
      out.push(processValue(element, `${path}[${out.length}]`, walk));
      continue;
    }
    count(walk, digest);
    const candidate = walk.byDigest.get(digest);
    if (!candidate) {
      walk.withheld.push({ path: `${path}[${out.length}]`, digest, kind: 'array-element' });
      continue; // RFC 9901 §7.1 step 3.c.iii: an undisclosed element is removed
    }
    const { disclosure, index } = candidate;
    if (candidate.used) continue;
    candidate.used = true;
    if (disclosure.name !== undefined) {
      disclosure.status = 'invalid';
      walk.problems.push({
        index,
        message: `Disclosure ${index + 1} names a claim ("${disclosure.name}") but its digest is an array entry in ${path}, where only [salt, value] disclosures belong.`,
      });
      continue;
    }
    const at = `${path}[${out.length}]`;
    disclosure.path = at;
    disclosure.status = 'matched';
    out.push(processValue(disclosure.value, at, walk));
  }
  return out;
}

/** `{"...": "<digest>"}` with no other member marks an array element (RFC 9901 §4.2.4.2). */
function arrayDigest(element: unknown): string | undefined {
  if (!isObject(element)) return undefined;
  const keys = Object.keys(element);
  return keys.length === 1 && keys[0] === '...' && typeof element['...'] === 'string'
    ? element['...']
    : undefined;
}

function count(walk: Walk, digest: string) {
  walk.referenceCounts.set(digest, (walk.referenceCounts.get(digest) ?? 0) + 1);
}

type ParsedDisclosure =
  { ok: true; salt: string; name?: string; value: unknown } | { ok: false; message: string };

/** RFC 9901 §4.2.1–4.2.2: a base64url JSON array `[salt, name, value]` or `[salt, value]`. */
export function parseDisclosure(encoded: string): ParsedDisclosure {
  const bytes = decodeBase64url(encoded);
  if (!bytes.ok) return { ok: false, message: 'This disclosure is not valid base64url.' };
  const { text, valid } = bytesToText(bytes.bytes);
  if (!valid)
    return { ok: false, message: 'This disclosure does not decode to UTF-8 text, so it is not JSON.' };
  const parsed = parseStrictJson(text, 'disclosure');
  if (!parsed.ok) return { ok: false, message: `This disclosure is not valid JSON: ${parsed.message}.` };
  const value = parsed.value;
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) {
    return {
      ok: false,
      message:
        'A disclosure must be a JSON array of [salt, name, value] or [salt, value], and this one is not.',
    };
  }
  if (typeof value[0] !== 'string')
    return { ok: false, message: 'The salt (first element) of this disclosure is not a string.' };
  if (value.length === 2) return { ok: true, salt: value[0], value: value[1] };
  const name = value[1];
  if (typeof name !== 'string')
    return { ok: false, message: 'The claim name (second element) of this disclosure is not a string.' };
  if (name === '_sd' || name === '...')
    return { ok: false, message: `A disclosure may not use the claim name "${name}" (RFC 9901 §4.2.1).` };
  return { ok: true, salt: value[0], name, value: value[2] };
}

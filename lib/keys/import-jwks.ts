/**
 * JSON key text: one JWK, a JWK Set (RFC 7517 §5) or a bare array of JWKs. A set keeps the keys
 * it can read and lists the others as skipped, with the reason.
 */
import { isObject } from '../is-object';
import { fromJwk } from './import-jwk';
import { KeyError, type Draft, type KeyInputFormat } from './import-types';

export interface JsonKeys {
  format: Extract<KeyInputFormat, 'jwk' | 'jwks'>;
  drafts: Draft[];
  skipped: { index: number; kid?: string; message: string }[];
}

/** Parses the JSON and reads each key; throws KeyError when there is no key to use. */
export function readJsonKeys(text: string): JsonKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new KeyError(
      'key-json-invalid',
      `The key starts like JSON but is not valid JSON (${detail}). Paste a complete JWK or JWKS.`,
    );
  }
  const list = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.keys)
      ? value.keys
      : undefined;
  if (!list) {
    if (!isObject(value))
      throw new KeyError(
        'key-jwk-invalid',
        'The JSON is not a JWK (an object with "kty") or a JWKS ({"keys": [...]}).',
      );
    return { format: 'jwk', drafts: [fromJwk(value)], skipped: [] };
  }
  const drafts: Draft[] = [];
  const skipped: { index: number; kid?: string; message: string }[] = [];
  list.forEach((entry: unknown, index: number) => {
    try {
      drafts.push({
        ...fromJwk(entry),
        sourceIndex: index,
        label: `JWKS key ${index + 1}${isObject(entry) && typeof entry.kid === 'string' ? ` (kid '${entry.kid}')` : ''}`,
      });
    } catch (err) {
      if (!(err instanceof KeyError)) throw err;
      skipped.push({
        index,
        ...(isObject(entry) && typeof entry.kid === 'string' ? { kid: entry.kid } : {}),
        message: err.message,
      });
    }
  });
  if (drafts.length === 0) {
    const reasons = skipped.map((s) => `key ${s.index + 1}: ${s.message}`).join(' ');
    throw new KeyError(
      'key-jwks-empty',
      list.length === 0
        ? 'The JWKS has an empty "keys" array, so there is no key to verify with.'
        : `None of the ${list.length} keys in the JWKS could be read. ${reasons}`,
    );
  }
  return { format: 'jwks', drafts, skipped };
}

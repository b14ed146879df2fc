/**
 * The form editor's model: a few top-level policy members as text fields, read from and written to the
 * policy JSON, so the form and the "Policy (JSON)" text stay one document. Members the form does not show
 * are kept as they are. A field left empty removes its member.
 */
import { isObject } from '../is-object';
import type { DecodedOk } from '../types';
import { POLICY_ALGORITHMS, POLICY_MEMBERS } from './parse';

export type PolicyFieldKind = 'text' | 'list' | 'seconds';

export interface PolicyField {
  member: (typeof POLICY_MEMBERS)[number];
  label: string;
  kind: PolicyFieldKind;
  placeholder: string;
}

/** The fields of the form, in schema order. Lists are comma-separated. */
export const POLICY_FORM_FIELDS: readonly PolicyField[] = [
  { member: 'name', label: 'Name', kind: 'text', placeholder: 'orders-service' },
  { member: 'issuer', label: 'Issuer (any of)', kind: 'list', placeholder: 'https://id.example.com/' },
  { member: 'audience', label: 'Audience (any of)', kind: 'list', placeholder: 'orders-api' },
  { member: 'algorithms', label: 'Algorithms', kind: 'list', placeholder: 'RS256, ES256' },
  { member: 'typ', label: 'Header typ', kind: 'text', placeholder: 'at+jwt' },
  { member: 'requiredClaims', label: 'Required claims', kind: 'list', placeholder: 'sub, exp, iat' },
  { member: 'maxLifetimeSeconds', label: 'Max lifetime (s)', kind: 'seconds', placeholder: '3600' },
  { member: 'maxAgeSeconds', label: 'Max age (s)', kind: 'seconds', placeholder: '86400' },
  { member: 'clockToleranceSeconds', label: 'Clock tolerance (s)', kind: 'seconds', placeholder: '30' },
  {
    member: 'jwksUri',
    label: 'JWKS URI',
    kind: 'text',
    placeholder: 'https://id.example.com/.well-known/jwks.json',
  },
];

/** The form's values from the policy text; undefined while the text is not a JSON object. */
export function policyFormValues(text: string): Record<string, string> | undefined {
  const raw = rawPolicy(text);
  if (!raw) return undefined;
  const values: Record<string, string> = {};
  for (const field of POLICY_FORM_FIELDS) {
    const v = raw[field.member];
    values[field.member] =
      v === undefined
        ? ''
        : Array.isArray(v)
          ? v.map(String).join(', ')
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
  }
  return values;
}

/** The policy text with one form field changed; the text unchanged when it is not a JSON object. */
export function withPolicyField(text: string, member: string, input: string): string {
  const raw = rawPolicy(text);
  const field = POLICY_FORM_FIELDS.find((f) => f.member === member);
  if (!raw || !field) return text;
  const trimmed = input.trim();
  if (trimmed === '') delete raw[member];
  else if (field.kind === 'list')
    raw[member] = trimmed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  else if (field.kind === 'seconds') raw[member] = /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  else raw[member] = input;
  return policyText(raw);
}

/** Pretty JSON with the members in schema order, then any others as written. */
export function policyText(raw: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  const keys = [
    ...POLICY_MEMBERS.filter((k) => k in raw),
    ...Object.keys(raw).filter((k) => !(POLICY_MEMBERS as readonly string[]).includes(k)),
  ];
  for (const key of keys)
    Object.defineProperty(ordered, key, {
      value: raw[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return JSON.stringify(ordered, null, 2);
}

/** A first policy drawn from the token itself: its issuer, audience and algorithm, and exp required. */
export function starterPolicyText(decoded: DecodedOk | undefined, name = 'my-service'): string {
  const payload = decoded && isObject(decoded.payload) ? decoded.payload : {};
  const alg = decoded?.header.alg;
  const raw: Record<string, unknown> = { version: 1, name };
  if (typeof payload.iss === 'string') raw.issuer = payload.iss;
  if (typeof payload.aud === 'string' || (Array.isArray(payload.aud) && payload.aud.length > 0)) {
    raw.audience = typeof payload.aud === 'string' ? payload.aud : payload.aud[0];
  }
  raw.algorithms =
    typeof alg === 'string' && (POLICY_ALGORITHMS as readonly string[]).includes(alg) ? [alg] : ['RS256'];
  raw.requiredClaims = ['exp'];
  return policyText(raw);
}

function rawPolicy(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

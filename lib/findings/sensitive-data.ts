import type { Severity } from '../types';
import type { FindingRule, RuleFinding } from './rule';
import { claimsOf } from './rule';

type SensitiveKind = 'password' | 'card' | 'national-id' | 'phone';

const KIND_TEXT: Record<SensitiveKind, { what: string; severity: Severity }> = {
  password: { what: 'a password or secret', severity: 'danger' },
  card: { what: 'a payment card number', severity: 'danger' },
  'national-id': { what: 'a national ID number (such as a US Social Security number)', severity: 'warning' },
  phone: { what: 'a phone number', severity: 'info' },
};

/** Member names (lowercased, without "-", "_" and spaces) that hold sensitive data whatever the value. */
const SENSITIVE_NAMES: readonly { pattern: RegExp; kind: SensitiveKind }[] = [
  { pattern: /(password|passwd|passphrase|secret|apikey|privatekey)\d*$|^(pwd|pin)$/, kind: 'password' },
  { pattern: /^(cvv|cvc|cardnumber|creditcard|creditcardnumber|ccnumber|pan)$/, kind: 'card' },
  { pattern: /^(ssn|socialsecuritynumber|nationalid|nationalidnumber)$/, kind: 'national-id' },
  { pattern: /^(phone|phonenumber|mobile|mobilephone|msisdn|tel|telephone)$/, kind: 'phone' },
];

function kindOfName(key: string): SensitiveKind | undefined {
  const normalized = key.toLowerCase().replace(/[-_ ]/g, '');
  return SENSITIVE_NAMES.find((row) => row.pattern.test(normalized))?.kind;
}

/** Claims whose values are identifiers or hashes by definition, never personal data. */
const IGNORED_PATHS = new Set(['jti', 'nonce', 'sid', 'at_hash', 'c_hash', 'ath', 'sd_hash', 'kid', 'sub']);

const MAX_FINDINGS = 5;
const MAX_DEPTH = 8;

/** Luhn checksum (ISO/IEC 7812-1), which every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** 13 to 19 digits, optionally grouped by spaces or dashes, starting like a card network (2–6), passing Luhn. */
function looksLikeCard(text: string): boolean {
  if (!/^\d[\d -]{11,22}\d$/.test(text)) return false;
  const digits = text.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && passesLuhn(digits);
}

/** US SSN written AAA-GG-SSSS; area 000, 666 and 9xx, group 00 and serial 0000 are never issued. */
function looksLikeSsn(text: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(text);
  return (
    m !== null &&
    m[1] !== '000' &&
    m[1] !== '666' &&
    !m[1]!.startsWith('9') &&
    m[2] !== '00' &&
    m[3] !== '0000'
  );
}

/** An international number: "+" and 8 to 15 digits (E.164), optionally grouped. */
function looksLikePhone(text: string): boolean {
  if (!/^\+[1-9][\d ().-]{6,20}\d$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15;
}

function kindOfValue(value: unknown): SensitiveKind | undefined {
  const text =
    typeof value === 'number' && Number.isSafeInteger(value)
      ? String(value)
      : typeof value === 'string'
        ? value.trim()
        : '';
  if (text.length === 0) return undefined;
  if (looksLikeCard(text)) return 'card';
  if (looksLikeSsn(text)) return 'national-id';
  if (looksLikePhone(text)) return 'phone';
  return undefined;
}

/** Shows only the last characters, so the finding itself does not repeat the secret. */
function masked(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  return text.length <= 4 ? ' (value hidden)' : ` (ending in "${text.slice(-4)}")`;
}

export const sensitiveData: FindingRule = {
  id: 'sensitive-data',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims) return [];
    const found: RuleFinding[] = [];
    const visit = (value: unknown, path: string, key: string, depth: number) => {
      if (found.length >= MAX_FINDINGS || depth > MAX_DEPTH || IGNORED_PATHS.has(path)) return;
      const isContainer = value !== null && typeof value === 'object';
      // A name only counts with a real value: `has_password: true` or `password: ""` reveal nothing.
      const named =
        (typeof value === 'string' && value !== '') || typeof value === 'number'
          ? kindOfName(key)
          : undefined;
      const kind = named ?? kindOfValue(value);
      if (kind) {
        const { what, severity } = KIND_TEXT[kind];
        found.push({
          path: `payload.${path}`,
          severity,
          message: `"${path}" looks like ${what}${masked(value)}. A JWT is only encoded, not encrypted: anyone who holds this token can read it. Keep such data out of tokens, or send it encrypted (JWE).`,
        });
        return;
      }
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, key, depth + 1));
      else if (isContainer) {
        for (const [k, v] of Object.entries(value as Record<string, unknown>))
          visit(v, `${path}.${k}`, k, depth + 1);
      }
    };
    for (const [k, v] of Object.entries(claims)) visit(v, k, k, 0);
    return found;
  },
};

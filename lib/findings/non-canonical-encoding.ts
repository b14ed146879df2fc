import type { FindingRule } from './rule';

const WHAT = {
  padding: '"=" padding',
  'standard-alphabet': '"+" or "/" from standard base64',
  'trailing-bits': 'non-zero unused bits at the end',
} as const;

/** RFC 7515 §2: base64url without padding. Other spellings decode to the same bytes but change the signed text. */
export const nonCanonicalEncoding: FindingRule = {
  id: 'non-canonical-encoding',
  severity: 'warning',
  check({ nonCanonical }) {
    return nonCanonical.map(({ part, issues }) => ({
      path: part,
      message: `The ${part} is not canonical base64url: it has ${issues.map((i) => WHAT[i]).join(' and ')}. Strict libraries reject this, and two spellings of the same bytes can hide tampering.`,
    }));
  },
};

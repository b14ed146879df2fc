import type { FindingRule } from './rule';

/** Malformed disclosures, disclosures in the wrong kind of place, and claim-name clashes. */
export const sdDisclosureInvalid: FindingRule = {
  id: 'sd-disclosure-invalid',
  severity: 'danger',
  check({ sdJwt }) {
    if (!sdJwt) return [];
    return sdJwt.problems.map(({ index, message }) => ({
      ...(index >= 0 ? { path: `disclosure${index + 1}` } : {}),
      message:
        index >= 0 && !message.startsWith('Disclosure') ? `Disclosure ${index + 1}: ${message}` : message,
    }));
  },
};

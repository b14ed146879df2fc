import type { FindingRule } from './rule';

/** RFC 9901 §7.1 step 3.d: a digest that appears more than once makes the SD-JWT invalid. */
export const sdDigestDuplicate: FindingRule = {
  id: 'sd-digest-duplicate',
  severity: 'danger',
  check({ sdJwt }) {
    if (!sdJwt) return [];
    return sdJwt.duplicateDigests.map((digest) => ({
      path: 'payload._sd',
      message: `The digest ${digest} appears more than once (in the payload or as the same disclosure sent twice). RFC 9901 says to reject such an SD-JWT: the same claim could be disclosed in two places.`,
    }));
  },
};

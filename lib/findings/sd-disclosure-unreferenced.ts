import type { FindingRule } from './rule';

/** RFC 9901 §7.1 step 4: every disclosure must be referenced by a digest, else reject. */
export const sdDisclosureUnreferenced: FindingRule = {
  id: 'sd-disclosure-unreferenced',
  severity: 'danger',
  check({ sdJwt }) {
    if (!sdJwt) return [];
    return sdJwt.disclosures.flatMap((d, index) =>
      d.status === 'unreferenced'
        ? [
            {
              path: `disclosure${index + 1}`,
              message: `Disclosure ${index + 1}${d.name !== undefined ? ` ("${d.name}")` : ''} is not referenced by any digest in the token (its ${sdJwt.sdAlg} digest is ${d.digest}). It was tampered with or belongs to another token; a verifier must reject this SD-JWT.`,
            },
          ]
        : [],
    );
  },
};

import type { FindingRule } from './rule';
import { own } from './rule';

/** Extensions this tool understands (RFC 7797 `b64`). RFC 7515 §4.1.11 says to reject any other. */
export const UNDERSTOOD_CRIT = new Set(['b64']);
const REGISTERED = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
]);

export const critUnsupported: FindingRule = {
  id: 'crit-unsupported',
  severity: 'danger',
  check({ header }) {
    const crit = own(header, 'crit');
    if (crit === undefined) return [];
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) {
      return [
        {
          path: 'header.crit',
          message:
            '"crit" must be a non-empty array of header names (RFC 7515 §4.1.11); a receiver must reject this token.',
        },
      ];
    }
    return (crit as string[]).flatMap((name) => {
      if (REGISTERED.has(name)) {
        return [
          {
            path: 'header.crit',
            message: `"crit" lists "${name}", a standard header parameter; RFC 7515 §4.1.11 forbids that, so receivers must reject the token.`,
          },
        ];
      }
      if (own(header, name) === undefined) {
        return [
          {
            path: 'header.crit',
            message: `"crit" lists "${name}" but the header has no such parameter; receivers must reject the token.`,
          },
        ];
      }
      if (!UNDERSTOOD_CRIT.has(name)) {
        return [
          {
            path: `header.${name}`,
            message: `"crit" marks "${name}" as critical, and it is not an extension this tool (or most libraries) understands; a receiver must reject the token.`,
          },
        ];
      }
      return [];
    });
  },
};

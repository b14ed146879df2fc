import type { FindingRule } from './rule';
import { own } from './rule';

/** RFC 7797 §6: "b64" must be listed in "crit" wherever it is used. */
export const b64CritMissing: FindingRule = {
  id: 'b64-crit-missing',
  severity: 'warning',
  check({ header }) {
    if (own(header, 'b64') !== false) return [];
    const crit = own(header, 'crit');
    if (Array.isArray(crit) && crit.includes('b64')) return [];
    return [
      {
        path: 'header.b64',
        message:
          'The header sets "b64": false (unencoded payload, RFC 7797) without listing "b64" in "crit". RFC 7797 §6 requires "crit": ["b64"]; a verifier that ignores "b64" reads the payload as base64url, so the same token verifies differently in different libraries. It is shown here as unencoded.',
      },
    ];
  },
};

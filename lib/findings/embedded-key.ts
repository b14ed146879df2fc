import type { FindingRule } from './rule';
import { own } from './rule';

const KEY_PARAMS: Record<string, string> = {
  jwk: 'carries its own public key ("jwk")',
  jku: 'points to a key set URL of its own choosing ("jku")',
  x5u: 'points to a certificate URL of its own choosing ("x5u")',
  x5c: 'carries its own certificate chain ("x5c")',
};

export const embeddedKey: FindingRule = {
  id: 'embedded-key',
  severity: 'warning',
  check({ header }) {
    return Object.keys(KEY_PARAMS)
      .filter((name) => own(header, name) !== undefined)
      .map((name) => ({
        path: `header.${name}`,
        message: `The header ${KEY_PARAMS[name]}. Whoever made the token chose it, so verifying with it proves nothing unless you check it against a key or root you already trust.`,
      }));
  },
};

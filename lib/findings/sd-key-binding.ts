import type { FindingRule } from './rule';

/** RFC 9901 §4.3: the KB-JWT must be typed "kb+jwt" and bind the presentation through `sd_hash`. */
export const sdKeyBinding: FindingRule = {
  id: 'sd-key-binding',
  severity: 'danger',
  check({ sdJwt }) {
    if (!sdJwt) return [];
    if (sdJwt.keyBindingError) return [{ path: 'kb', message: sdJwt.keyBindingError }];
    const kb = sdJwt.keyBinding;
    if (!kb) return [];
    const out = [];
    if (kb.header.typ !== 'kb+jwt') {
      out.push({
        path: 'kb.header.typ',
        message: `The key-binding JWT has typ ${JSON.stringify(kb.header.typ)} instead of "kb+jwt", so verifiers must not accept it as key binding.`,
      });
    }
    if (kb.sdHash === undefined) {
      out.push({
        path: 'kb.payload.sd_hash',
        message:
          'The key-binding JWT has no "sd_hash", so nothing ties it to these disclosures: anyone could attach it to another presentation.',
      });
    } else if (kb.expectedSdHash !== undefined && kb.sdHash !== kb.expectedSdHash) {
      out.push({
        path: 'kb.payload.sd_hash',
        message: `The key-binding JWT's "sd_hash" does not match this presentation (expected ${kb.expectedSdHash}): disclosures were added, removed or reordered after the holder signed.`,
      });
    }
    return out;
  },
};

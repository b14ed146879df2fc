import type { FindingRule } from './rule';
import { own } from './rule';

/** RFC 7518 §3.6: `none` means no integrity protection at all; attackers try every letter case. */
export const algNone: FindingRule = {
  id: 'alg-none',
  severity: 'danger',
  check({ header }) {
    const alg = own(header, 'alg');
    if (typeof alg !== 'string' || alg.toLowerCase() !== 'none') return [];
    return [
      {
        path: 'header.alg',
        message: `The header says alg "${alg}": this token is unsigned, so anyone can have written it. Never accept it as proof of anything.`,
      },
    ];
  },
};

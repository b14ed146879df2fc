import { fail, pass, type PolicyRule } from './rule';

/** RFC 7515 §4.1.9: "application/" may be left out and media types are case-insensitive, as jose compares them. */
export function normaliseTyp(typ: string): string {
  return typ.toLowerCase().replace(/^application\//, '');
}

/** RFC 8725 §3.11: an explicit typ keeps one kind of token from being used as another (RFC 9068 §2.1: at+jwt). */
export const typRule: PolicyRule = {
  id: 'typ',
  check({ policy, header }) {
    if (policy.typ === undefined) return [];
    const typ = header.typ;
    if (typeof typ === 'string' && normaliseTyp(typ) === normaliseTyp(policy.typ)) {
      return [pass('typ', `header typ is "${typ}", as the policy expects.`)];
    }
    return [
      fail(
        'typ',
        typ === undefined
          ? `The header has no "typ"; the policy expects "${policy.typ}".`
          : `header typ is ${JSON.stringify(typ)}; the policy expects "${policy.typ}".`,
      ),
    ];
  },
};

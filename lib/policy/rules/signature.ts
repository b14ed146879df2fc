import { fail, pass, skip, type PolicyRule } from './rule';

/** The signature row: verified with the key in the verifier or the policy's JWKS (evaluate.ts does the work). */
export const signatureRule: PolicyRule = {
  id: 'signature',
  check({ signature }) {
    if (signature.status === 'valid') return [pass('signature', signature.message)];
    if (signature.status === 'unchecked') return [skip('signature', signature.message)];
    return [fail('signature', signature.message)];
  },
};

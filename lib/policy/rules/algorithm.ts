import { quoteList } from '../claims';
import { fail, pass, type PolicyRule } from './rule';

/** RFC 8725 §3.1: the service, not the token, decides which algorithms it accepts. */
export const algorithmRule: PolicyRule = {
  id: 'algorithm',
  check({ policy, header }) {
    const alg = header.alg;
    const allowed = quoteList(policy.algorithms);
    if (typeof alg !== 'string')
      return [fail('algorithm', `The header has no "alg"; the policy allows ${allowed}.`)];
    if (policy.algorithms.includes(alg)) return [pass('algorithm', `alg "${alg}" is allowed (${allowed}).`)];
    return [
      fail(
        'algorithm',
        alg.toLowerCase() === 'none'
          ? 'The token is unsigned (alg "none"); no policy accepts that.'
          : `alg "${alg}" is not in the policy's allow-list (${allowed}).`,
      ),
    ];
  },
};

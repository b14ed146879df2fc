import { claimAt, jsonEqual } from '../claims';
import { fail, pass, type PolicyRule } from './rule';

/** One row per claimValues entry: exact match of the JSON value at a dotted path, e.g. azp must be "web-app". */
export const valueRule: PolicyRule = {
  id: 'value:',
  check({ policy, claims }) {
    return Object.entries(policy.claimValues).map(([path, expected]) => {
      const id = `value:${path}`;
      const actual = claims ? claimAt(claims, path) : undefined;
      if (actual === undefined)
        return fail(id, `The token has no "${path}"; the policy expects ${JSON.stringify(expected)}.`);
      return jsonEqual(actual, expected)
        ? pass(id, `"${path}" is ${JSON.stringify(actual)}, as the policy expects.`)
        : fail(id, `"${path}" is ${JSON.stringify(actual)}; the policy expects ${JSON.stringify(expected)}.`);
    });
  },
};

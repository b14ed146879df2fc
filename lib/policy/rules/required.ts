import { fail, pass, type PolicyRule } from './rule';

/**
 * One row per required claim. A claim set to null counts as missing, as PyJWT's "require" option treats it,
 * so the exported code and the page agree.
 */
export const requiredRule: PolicyRule = {
  id: 'required:',
  check({ policy, claims }) {
    return policy.requiredClaims.map((name) => {
      const id = `required:${name}`;
      const present = !!claims && Object.prototype.hasOwnProperty.call(claims, name) && claims[name] !== null;
      return present
        ? pass(id, `"${name}" is present, as required.`)
        : fail(id, `The required claim "${name}" is missing.`);
    });
  },
};

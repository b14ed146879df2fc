import type { FindingRule } from './rule';

/** RFC 7515 §5.2 / RFC 7519 §4: duplicate names must be rejected or the last one used; parsers disagree. */
export const duplicateMember: FindingRule = {
  id: 'duplicate-member',
  severity: 'danger',
  check({ duplicates }) {
    return duplicates.map((path) => ({
      path,
      message: `"${path}" appears more than once. JSON parsers disagree on which copy wins, so two systems can read different values from the same token: a known way to slip past checks. The views show the last one.`,
    }));
  },
};

import { claimAt, claimList, quoteList } from '../claims';
import type { ClaimListRule, PolicyRuleResult } from '../types';
import { fail, pass } from './rule';

/** The shared check behind scopes and roles: every value of "all", and one of "any" when it is not empty. */
export function checkClaimList(
  id: string,
  noun: string,
  rule: ClaimListRule,
  claims: Record<string, unknown> | undefined,
  claimNames: string[],
): PolicyRuleResult {
  const name = claimNames.find((c) => claims !== undefined && claimAt(claims, c) !== undefined);
  if (name === undefined)
    return fail(id, `The token has no ${quoteList(claimNames)} claim, so it grants no ${noun}.`);
  const values = claimList(claimAt(claims!, name));
  if (!values) return fail(id, `"${name}" is neither a space-separated string nor an array of strings.`);
  const missing = rule.all.filter((v) => !values.includes(v));
  if (missing.length > 0)
    return fail(id, `"${name}" lacks ${quoteList(missing)}; the policy needs all of ${quoteList(rule.all)}.`);
  if (rule.any.length > 0 && !rule.any.some((v) => values.includes(v))) {
    return fail(id, `"${name}" has none of ${quoteList(rule.any)}; the policy needs at least one.`);
  }
  return pass(id, `"${name}" grants the ${noun} the policy needs.`);
}

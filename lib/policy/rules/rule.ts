import type { Policy, PolicyRuleResult, PolicySignature } from '../types';

/** Everything a policy rule may look at. Time is a parameter, never the wall clock. */
export interface PolicyContext {
  policy: Policy;
  header: Record<string, unknown>;
  /** The payload when it is a JSON object (a JWT claims set), else undefined. */
  claims: Record<string, unknown> | undefined;
  nowSeconds: number;
  /** policy.clockToleranceSeconds, for the time rules. */
  tolerance: number;
  signature: { status: PolicySignature; message: string };
}

/**
 * One rule: a small object with the id of its row. `check` returns no rows when the policy does not ask for
 * the rule, and several for rules with one row per claim (required:<claim>, value:<path>).
 */
export interface PolicyRule {
  /** The id of the row, or its prefix ("required:", "value:") for rules with one row per claim. */
  id: string;
  check(context: PolicyContext): PolicyRuleResult[];
}

export const pass = (id: string, message: string): PolicyRuleResult => ({ id, status: 'pass', message });
export const fail = (id: string, message: string): PolicyRuleResult => ({ id, status: 'fail', message });
export const skip = (id: string, message: string): PolicyRuleResult => ({ id, status: 'skip', message });

export const NOT_A_CLAIMS_SET = 'The payload is not a JSON object, so it has no claims to check.';

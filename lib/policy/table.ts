/**
 * The "Policy results" table: one row per policy, one column per rule id that any policy checks, in rule
 * order. A cell is the rule's status, or 'absent' when that policy does not check the rule at all: the
 * difference between "checked and passed" and "never checked" is the inconsistent-validation pitfall.
 */
import type { PolicyEvaluation, RuleStatus } from './types';

export interface PolicyResultsRow {
  name: string;
  accepted: boolean;
  firstFailure?: string;
  cells: { id: string; status: RuleStatus | 'absent'; message?: string }[];
}

export interface PolicyResultsTable {
  columns: string[];
  rows: PolicyResultsRow[];
}

export function policyResultsTable(
  results: { name: string; evaluation: PolicyEvaluation }[],
): PolicyResultsTable {
  const columns: string[] = [];
  for (const { evaluation } of results) {
    let insertAt = 0;
    for (const rule of evaluation.rules) {
      const at = columns.indexOf(rule.id);
      if (at === -1) columns.splice(insertAt++, 0, rule.id);
      else insertAt = at + 1;
    }
  }
  return {
    columns,
    rows: results.map(({ name, evaluation }) => ({
      name,
      accepted: evaluation.accepted,
      ...(evaluation.firstFailure ? { firstFailure: evaluation.firstFailure } : {}),
      cells: columns.map((id) => {
        const rule = evaluation.rules.find((r) => r.id === id);
        return rule ? { id, status: rule.status, message: rule.message } : { id, status: 'absent' as const };
      }),
    })),
  };
}

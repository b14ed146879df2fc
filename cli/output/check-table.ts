/** The table of `check`: one row per rule, one column per policy, then why each failing rule failed. */
import type { Palette } from '../color';
import type { PolicyOutcome } from '../commands/check';

const MARK = { pass: 'pass', fail: 'FAIL', skip: 'skip' } as const;

export function checkTable(outcomes: PolicyOutcome[], c: Palette): string {
  const ruleIds: string[] = [];
  for (const o of outcomes)
    for (const r of o.evaluation.rules) if (!ruleIds.includes(r.id)) ruleIds.push(r.id);
  const names = outcomes.map((o) => o.policy.name || o.file);
  const first = Math.max(4, ...ruleIds.map((id) => id.length));
  const widths = names.map((n) => Math.max(n.length, 8));

  const cell = (text: string, width: number, paint: (t: string) => string = (t) => t) =>
    paint(text.padEnd(width));
  const lines: string[] = [];
  lines.push([cell('rule', first), ...names.map((n, i) => cell(n, widths[i]!))].join('  ').trimEnd());
  lines.push([first, ...widths].map((w) => '-'.repeat(w)).join('  '));
  for (const id of ruleIds) {
    const cells = outcomes.map((o, i) => {
      const rule = o.evaluation.rules.find((r) => r.id === id);
      if (!rule) return cell('', widths[i]!);
      const paint = rule.status === 'pass' ? c.green : rule.status === 'fail' ? c.red : c.dim;
      return cell(MARK[rule.status], widths[i]!, paint);
    });
    lines.push([cell(id, first), ...cells].join('  ').trimEnd());
  }
  lines.push([first, ...widths].map((w) => '-'.repeat(w)).join('  '));
  lines.push(
    [
      cell('verdict', first, c.bold),
      ...outcomes.map((o, i) =>
        o.evaluation.accepted ? cell('accepted', widths[i]!, c.green) : cell('REJECTED', widths[i]!, c.red),
      ),
    ]
      .join('  ')
      .trimEnd(),
  );

  for (const [i, o] of outcomes.entries()) {
    const notPassed = o.evaluation.rules.filter((r) => r.status !== 'pass');
    if (notPassed.length === 0) continue;
    lines.push('', c.bold(`${names[i]} (${o.file})`));
    for (const rule of notPassed)
      lines.push(`  ${rule.status === 'fail' ? c.red('FAIL') : c.dim('skip')} ${rule.id}: ${rule.message}`);
  }
  return lines.join('\n');
}

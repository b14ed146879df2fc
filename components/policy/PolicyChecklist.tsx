import type { PolicyEvaluation, RuleStatus } from '@/lib';

export const STATUS_TEXT: Record<RuleStatus, string> = { pass: 'Pass', fail: 'Fail', skip: 'Skipped' };
export const STATUS_COLOUR: Record<RuleStatus, string> = {
  pass: 'text-[var(--ok)]',
  fail: 'text-[var(--danger)]',
  skip: 'text-[var(--muted)]',
};

/** One row per rule of one policy: pass, fail or skipped, each with why. */
export function PolicyChecklist({
  name,
  evaluation,
}: {
  name: string;
  evaluation: PolicyEvaluation | undefined;
}) {
  if (!evaluation) return <p className="text-sm text-[var(--muted)]">Checking…</p>;
  return (
    <div className="min-w-0">
      <p role="status" className="mb-2 text-sm font-semibold">
        {evaluation.accepted ? (
          <span className="text-[var(--ok)]">{name} accepts this token.</span>
        ) : evaluation.firstFailure ? (
          <span className="text-[var(--danger)]">
            {name} rejects this token: {evaluation.firstFailure} fails first.
          </span>
        ) : (
          <span className="text-[var(--warn)]">
            {name} cannot accept this token until the signature is checked.
          </span>
        )}
      </p>
      <ul aria-label={`Checklist for ${name}`} className="flex flex-col gap-1 text-sm">
        {evaluation.rules.map((rule) => (
          <li key={rule.id} className="flex gap-2 border-t border-[var(--border)] pt-1" data-rule={rule.id}>
            <span className={`w-16 shrink-0 font-semibold ${STATUS_COLOUR[rule.status]}`}>
              {STATUS_TEXT[rule.status]}
            </span>
            <span className="min-w-0">
              <code className="font-code text-xs">{rule.id}</code>{' '}
              <span className="break-words">{rule.message}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

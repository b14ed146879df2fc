import { Badge } from '@/components/ui/Badge';
import { Panel } from '@/components/ui/Panel';
import type { Finding } from '@/lib';

const LABEL = { danger: 'Danger', warning: 'Warning', info: 'Info' } as const;

export function FindingsList({ findings }: { findings: Finding[] }) {
  return (
    <Panel label="Findings" title={`Findings (${findings.length})`}>
      {findings.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">Nothing to report.</p>
      ) : (
        <ul className="space-y-2">
          {findings.map((f, i) => (
            <li key={`${f.id}-${i}`} className="flex gap-2 text-sm" data-finding={f.id}>
              <span className="shrink-0">
                <Badge tone={f.severity}>{LABEL[f.severity]}</Badge>
              </span>
              <span className="min-w-0">
                <span className="break-words">{f.message}</span>{' '}
                <code className="text-xs text-[var(--muted)]">
                  {f.id}
                  {f.path ? ` · ${f.path}` : ''}
                </code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

import type { ReactNode } from 'react';
import type { Severity } from '@/lib';

type Tone = Severity | 'ok' | 'neutral';

const TONES: Record<Tone, string> = {
  danger: 'text-[var(--danger)] border-[var(--danger)]',
  warning: 'text-[var(--warn)] border-[var(--warn)]',
  info: 'text-[var(--info)] border-[var(--info)]',
  ok: 'text-[var(--ok)] border-[var(--ok)]',
  neutral: 'text-[var(--muted)] border-[var(--border)]',
};

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

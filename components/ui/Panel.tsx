import type { ReactNode } from 'react';

export interface PanelProps {
  /** The accessible name of the region; also the visible heading unless `title` is given. */
  label: string;
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}

/** A titled region (`<section aria-label>`), the unit every feature renders into. */
export function Panel({ label, title, actions, children, className = '', id }: PanelProps) {
  return (
    <section
      aria-label={label}
      id={id}
      className={`min-w-0 rounded-lg border border-[var(--border)] bg-[var(--panel)] ${className}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-[var(--border)] px-3 py-2">
        <h2 className="text-sm font-semibold tracking-wide">{title ?? label}</h2>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className="p-3">{children}</div>
    </section>
  );
}

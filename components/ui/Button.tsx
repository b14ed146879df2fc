import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-[var(--accent)] text-[var(--accent-fg)] border-transparent hover:opacity-90',
  secondary: 'bg-[var(--panel)] text-[var(--fg)] border-[var(--border)] hover:bg-[var(--panel-2)]',
  ghost: 'bg-transparent text-[var(--fg)] border-transparent hover:bg-[var(--panel-2)]',
  danger: 'bg-[var(--panel)] text-[var(--danger)] border-[var(--danger)] hover:bg-[var(--panel-2)]',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
}

export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  const sizing = size === 'sm' ? 'px-2 py-1 text-xs' : 'px-3 py-1.5 text-sm';
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1 rounded-md border font-medium transition disabled:cursor-not-allowed disabled:opacity-50 ${sizing} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}

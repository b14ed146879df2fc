'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/Button';
import { EXAMPLE_CATALOG } from '@/lib';

export interface TokenInputProps {
  value: string;
  onChange: (value: string) => void;
  onLoadExample: (name: string) => void;
  onClear: () => void;
}

/** A plain textarea: usable the moment the page loads, paste is instant, no editor needed. */
export function TokenInput({ value, onChange, onLoadExample, onClear }: TokenInputProps) {
  const id = useId();
  return (
    <div>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          Encoded token
        </label>
        <div className="flex min-w-0 items-center gap-2">
          <select
            aria-label="Load example"
            className="w-48 min-w-0 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm sm:w-64"
            value=""
            onChange={(e) => {
              if (e.target.value) onLoadExample(e.target.value);
            }}
          >
            <option value="">Load example…</option>
            {EXAMPLE_CATALOG.map((ex) => (
              <option key={ex.name} value={ex.name}>
                {ex.label}
              </option>
            ))}
          </select>
          <Button size="sm" onClick={onClear} disabled={value.length === 0}>
            Clear
          </Button>
        </div>
      </div>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        placeholder="Paste a JWT, a JWE, a JWS JSON serialization, an SD-JWT or a whole Authorization header"
        className="font-code h-40 w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all"
      />
    </div>
  );
}

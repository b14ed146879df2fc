'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/Button';
import { useTypedBeforeHydration } from '@/components/ui/useTypedBeforeHydration';
import { EXAMPLE_CATALOG } from '@/lib';
import { loadDecoder } from './useDecodeToken';
import { BACKGROUND_DECODE_CHARS } from './useDecodedToken';

export interface TokenInputProps {
  value: string;
  onChange: (value: string) => void;
  onLoadExample: (name: string) => void;
  onClear: () => void;
}

/** A plain textarea: usable the moment the page loads, paste is instant, no editor needed. */
export function TokenInput({ value, onChange, onLoadExample, onClear }: TokenInputProps) {
  const id = useId();
  const field = useTypedBeforeHydration<HTMLTextAreaElement>(value, onChange);
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
      {value.length >= BACKGROUND_DECODE_CHARS ? (
        // A textarea holding megabytes takes the browser seconds to lay out on every change: show a summary.
        <div
          id={id}
          role="group"
          aria-label="Encoded token"
          className="flex h-40 flex-col justify-center gap-2 rounded-md border border-[var(--border)] bg-[var(--panel)] p-3 text-sm"
        >
          <p>
            A large input ({(value.length / 1_000_000).toFixed(1)} MB) is loaded. It is not shown here, to
            keep the page responsive. Real tokens are a few kilobytes.
          </p>
        </div>
      ) : (
        <textarea
          ref={field}
          id={id}
          value={value}
          onChange={(e) => {
            const text = e.target.value;
            // A huge value set by a script or an input method (not a paste, which is caught below): empty the
            // field before the next frame, or the browser lays out megabytes of text that is about to be
            // replaced by the summary anyway.
            if (text.length >= BACKGROUND_DECODE_CHARS) e.target.value = '';
            onChange(text);
          }}
          // Focus comes before any paste or typing: fetch the decoder now if the idle moment has not come yet.
          onFocus={() => void loadDecoder()}
          onPaste={(e) => {
            // Take a huge paste straight from the clipboard, before the browser puts megabytes into the textarea.
            const pasted = e.clipboardData.getData('text');
            if (pasted.length >= BACKGROUND_DECODE_CHARS) {
              e.preventDefault();
              onChange(pasted);
            }
          }}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder="Paste a JWT, a JWE, a JWS JSON serialization, an SD-JWT or a whole Authorization header"
          className="font-code h-40 w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all"
        />
      )}
    </div>
  );
}

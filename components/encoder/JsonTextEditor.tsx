'use client';

import { LazyMonacoJsonEditor, useMonacoWanted } from '@/components/decoder/monaco/LazyMonacoJsonEditor';
import { useId, useState } from 'react';
import type { JsonTextValidation } from '@/lib';

export interface JsonTextEditorProps {
  /** Accessible name of the editor, e.g. "Header JSON". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  validation: JsonTextValidation;
}

/** Editable JSON with live validation: Monaco once loaded, a plain textarea until then. */
export function JsonTextEditor({ label, value, onChange, validation }: JsonTextEditorProps) {
  const messageId = useId();
  // Not while the user types into the textarea: the editor takes its place once they pause.
  const monacoWanted = useMonacoWanted(true);
  const [monacoReady, setMonacoReady] = useState(false);

  return (
    <div data-editor={monacoReady ? 'monaco' : 'textarea'}>
      <div className="relative rounded-md border border-[var(--border)]">
        {monacoWanted ? (
          <div className={monacoReady ? '' : 'absolute inset-0 opacity-0'} aria-hidden={!monacoReady}>
            <LazyMonacoJsonEditor
              value={value}
              label={label}
              onChange={onChange}
              onReady={() => setMonacoReady(true)}
            />
          </div>
        ) : null}
        {monacoReady ? null : (
          <textarea
            aria-label={label}
            aria-describedby={messageId}
            aria-invalid={!validation.ok}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            rows={Math.min(Math.max(value.split('\n').length, 3), 20)}
            className="font-code block w-full resize-y bg-[var(--panel)] p-2 text-[13px] leading-5"
          />
        )}
      </div>
      <p id={messageId} className="mt-1 text-xs" role="status" data-json-valid={validation.ok}>
        {validation.ok ? (
          <span className="text-[var(--ok)]">
            Valid JSON
            {validation.duplicates.length > 0 ? (
              <span className="text-[var(--warn)]">
                {' '}
                · repeated member: {validation.duplicates.join(', ')}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="text-[var(--danger)]">{validation.error.message}</span>
        )}
      </p>
    </div>
  );
}

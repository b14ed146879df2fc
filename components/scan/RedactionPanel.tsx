'use client';

import { useId } from 'react';
import type { RedactionMode, SanitizeCounts } from '@/lib';
import { Button } from '@/components/ui/Button';

export interface RedactionChoices {
  mode: RedactionMode;
  tokens: boolean;
  cookies: boolean;
  authorization: boolean;
  parameters: boolean;
}

export interface RedactionPanelProps {
  choices: RedactionChoices;
  onChange: (choices: RedactionChoices) => void;
  isHar: boolean;
  /** Counts of the copy the worker has made for the current choices; undefined while it works. */
  counts: SanitizeCounts | undefined;
  onDownload: () => void;
  onCopy: () => void;
  copied: boolean;
}

const MODES: { mode: RedactionMode; label: string; hint: string }[] = [
  {
    mode: 'strip-signature',
    label: 'Remove signatures',
    hint: 'The token stays readable but no longer verifies.',
  },
  {
    mode: 'placeholder',
    label: 'Replace with a placeholder',
    hint: 'For example [JWT sha256:3f9a0c12ab45 alg=RS256]; the same token gets the same placeholder everywhere.',
  },
  { mode: 'remove', label: 'Remove tokens', hint: 'Each token is cut out.' },
];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The "Redaction" radio group, the HAR categories, the counts, and the two ways out. */
export function RedactionPanel({
  choices,
  onChange,
  isHar,
  counts,
  onDownload,
  onCopy,
  copied,
}: RedactionPanelProps) {
  const name = useId();
  const set = (patch: Partial<RedactionChoices>) => onChange({ ...choices, ...patch });
  const categories: { key: 'tokens' | 'cookies' | 'authorization' | 'parameters'; label: string }[] = [
    { key: 'tokens', label: 'Tokens (JWT, JWE, SD-JWT) anywhere' },
    { key: 'cookies', label: 'Cookies and Set-Cookie values' },
    { key: 'authorization', label: 'Authorization header credentials' },
    { key: 'parameters', label: 'Token parameters (access_token, code, client_secret…)' },
  ];
  return (
    <div className="space-y-3 text-sm">
      <fieldset role="radiogroup" aria-label="Redaction" className="space-y-1">
        <legend className="font-medium">Redaction</legend>
        {MODES.map(({ mode, label, hint }) => (
          <div key={mode} className="flex items-start gap-2">
            <input
              type="radio"
              id={`${name}-${mode}`}
              name={name}
              value={mode}
              checked={choices.mode === mode}
              onChange={() => set({ mode })}
              aria-describedby={`${name}-${mode}-hint`}
              className="mt-1"
            />
            {/* The label is the mode's name alone; the hint is its description. */}
            <div>
              <label htmlFor={`${name}-${mode}`}>{label}</label>
              <span id={`${name}-${mode}-hint`} className="block text-xs text-[var(--muted)]">
                {hint}
              </span>
            </div>
          </div>
        ))}
      </fieldset>
      {choices.mode === 'strip-signature' ? (
        <p role="note" className="rounded-md border border-[var(--warn)] p-2 text-xs">
          Warning: claims remain readable. Anyone with this copy can still see who each token was issued to
          and what it grants; only its signature is gone.
        </p>
      ) : null}
      {isHar ? (
        <fieldset className="space-y-1">
          <legend className="font-medium">Scrub in the HAR</legend>
          {categories.map(({ key, label }) => (
            <label key={key} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={choices[key]}
                onChange={(event) => set({ [key]: event.target.checked })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p aria-live="polite" aria-label="Redaction counts" className="text-xs">
        {counts === undefined
          ? 'Preparing the redacted copy…'
          : isHar
            ? `The copy redacts ${plural(counts.tokens, 'token')}, ${plural(counts.cookies, 'cookie')}, ${plural(counts.authorization, 'Authorization header')} and ${plural(counts.parameters, 'parameter')}.`
            : `The copy redacts ${plural(counts.tokens, 'token')}.`}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={onDownload} disabled={counts === undefined}>
          Download redacted copy
        </Button>
        <Button onClick={onCopy} disabled={counts === undefined}>
          Copy redacted text
        </Button>
        <span aria-live="polite" className="text-xs text-[var(--muted)]">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}

'use client';

import { useId } from 'react';
import {
  ISSUER_TEMPLATES,
  issuerTemplateText,
  POLICY_FORM_FIELDS,
  policyFormValues,
  unfilledPlaceholders,
  withPolicyField,
  type PolicyParseResult,
} from '@/lib';

const inputClass = 'w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm';

/** The form and the "Policy (JSON)" text of one policy: both edit the same text. */
export function PolicyEditor({
  text,
  parsed,
  onChange,
}: {
  text: string;
  parsed: PolicyParseResult;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const values = policyFormValues(text);
  const placeholders = unfilledPlaceholders(text);
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div>
        <label htmlFor={`${id}-template`} className="mb-1 block text-xs font-semibold text-[var(--muted)]">
          Start from a template
        </label>
        <select
          id={`${id}-template`}
          className={inputClass}
          value=""
          onChange={(e) => {
            const template = issuerTemplateText(e.target.value);
            if (template) onChange(template);
          }}
        >
          <option value="">Choose an issuer…</option>
          {ISSUER_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-2" disabled={!values}>
        <legend className="sr-only">Policy form</legend>
        {POLICY_FORM_FIELDS.map((field) => (
          <div key={field.member}>
            <label
              htmlFor={`${id}-${field.member}`}
              className="mb-1 block text-xs font-semibold text-[var(--muted)]"
            >
              {field.label}
            </label>
            <input
              id={`${id}-${field.member}`}
              className={inputClass}
              value={values?.[field.member] ?? ''}
              placeholder={field.placeholder}
              inputMode={field.kind === 'seconds' ? 'numeric' : undefined}
              spellCheck={false}
              onChange={(e) => onChange(withPolicyField(text, field.member, e.target.value))}
            />
          </div>
        ))}
      </fieldset>
      {!values ? (
        <p className="text-xs text-[var(--muted)]">
          The form is paused until the JSON below is a valid object.
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-json`} className="mb-1 block text-xs font-semibold text-[var(--muted)]">
          Policy (JSON)
        </label>
        <textarea
          id={`${id}-json`}
          className={`${inputClass} font-code min-h-56 text-xs`}
          value={text}
          spellCheck={false}
          aria-invalid={!parsed.ok}
          aria-describedby={`${id}-json-status`}
          onChange={(e) => onChange(e.target.value)}
        />
        <p id={`${id}-json-status`} className="mt-1 text-xs" role={parsed.ok ? undefined : 'alert'}>
          {parsed.ok ? (
            <span className="text-[var(--muted)]">
              Valid policy (version 1). Keys and secrets never go in a policy; the signature uses the key in
              the verifier.
            </span>
          ) : (
            <span className="text-[var(--danger)]">
              {parsed.error.path}: {parsed.error.message}
            </span>
          )}
        </p>
        {placeholders.length > 0 ? (
          <p className="mt-1 text-xs text-[var(--warn)]">Fill in {placeholders.join(', ')}.</p>
        ) : null}
      </div>
    </div>
  );
}

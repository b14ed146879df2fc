import { useId } from 'react';
import type { SecretEncoding } from '@/lib';

export interface ClaimSettings {
  issuer: string;
  /** Comma-separated. */
  audience: string;
  /** Seconds, as typed. */
  clockTolerance: string;
}

/** Kept here (not imported from lib) so the settings do not pull the key parsers into the first load. */
const ENCODING_LABEL: Record<SecretEncoding, string> = {
  utf8: 'UTF-8 text',
  base64: 'base64',
  base64url: 'base64url',
  hex: 'hex',
};

const inputClass = 'w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm';

export function VerifierSettings({
  secretEncoding,
  onSecretEncodingChange,
  claims,
  onClaimsChange,
}: {
  secretEncoding: SecretEncoding;
  onSecretEncodingChange: (encoding: SecretEncoding) => void;
  claims: ClaimSettings;
  onClaimsChange: (claims: ClaimSettings) => void;
}) {
  const id = useId();
  const field = (name: keyof ClaimSettings, label: string, placeholder: string, type = 'text') => (
    <div>
      <label htmlFor={`${id}-${name}`} className="mb-1 block text-xs font-semibold text-[var(--muted)]">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={claims[name]}
        placeholder={placeholder}
        onChange={(e) => onClaimsChange({ ...claims, [name]: e.target.value })}
        className={inputClass}
        {...(type === 'number' ? { min: 0, step: 1 } : {})}
      />
    </div>
  );
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <div>
        <label htmlFor={`${id}-encoding`} className="mb-1 block text-xs font-semibold text-[var(--muted)]">
          Secret encoding
        </label>
        <select
          id={`${id}-encoding`}
          value={secretEncoding}
          onChange={(e) => onSecretEncodingChange(e.target.value as SecretEncoding)}
          className={inputClass}
        >
          {(Object.keys(ENCODING_LABEL) as SecretEncoding[]).map((encoding) => (
            <option key={encoding} value={encoding}>
              {ENCODING_LABEL[encoding]}
            </option>
          ))}
        </select>
      </div>
      {field('clockTolerance', 'Clock tolerance (seconds)', '0', 'number')}
      {field('issuer', 'Expected issuer', 'https://issuer.example')}
      {field('audience', 'Expected audience', 'api, other-api')}
    </div>
  );
}

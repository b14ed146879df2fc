'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';
import { policyCode, policyFileName, type Policy, type PolicyCodeLanguage } from '@/lib';

const LANGUAGES: { id: PolicyCodeLanguage; label: string }[] = [
  { id: 'node', label: 'Node.js (jose)' },
  { id: 'python', label: 'Python (PyJWT)' },
];

/**
 * "Export as code": the policy as a file for Node.js or Python. A public key in the verifier is embedded;
 * an HMAC secret never is (policyCode reads it from JWT_SECRET instead).
 */
export function ExportCode({ policy, keyText }: { policy: Policy | undefined; keyText: string }) {
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<PolicyCodeLanguage>('node');
  const id = useId();
  const code =
    open && policy ? policyCode(policy, language, keyText.trim() ? { publicKey: keyText } : {}) : '';
  return (
    <div className="flex w-full flex-col gap-2">
      <div>
        <Button size="sm" onClick={() => setOpen((v) => !v)} disabled={!policy} aria-expanded={open}>
          Export as code
        </Button>
      </div>
      {open && policy ? (
        <div role="group" aria-label="Exported code" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {LANGUAGES.map((l) => (
              <label key={l.id} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`${id}-language`}
                  checked={language === l.id}
                  onChange={() => setLanguage(l.id)}
                />
                {l.label}
              </label>
            ))}
            <CopyButton text={code} label="Copy code" />
          </div>
          <label htmlFor={`${id}-code`} className="text-xs text-[var(--muted)]">
            {policyFileName(policy, language)}: run it with{' '}
            <code>
              {language === 'node' ? 'node' : 'python3'} {policyFileName(policy, language)} TOKEN
            </code>{' '}
            (exit 0 accepted, 1 rejected, 2 usage error)
          </label>
          <textarea
            id={`${id}-code`}
            readOnly
            value={code}
            spellCheck={false}
            className="font-code min-h-64 w-full rounded-md border border-[var(--border)] bg-[var(--panel-2)] p-2 text-xs"
          />
        </div>
      ) : null}
    </div>
  );
}

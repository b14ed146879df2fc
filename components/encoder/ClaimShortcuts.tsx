'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import {
  TOKEN_LIFETIMES,
  addRandomJti,
  setExpiry,
  setIssuedAt,
  setNotBefore,
  type JsonEditResult,
} from '@/lib';

/** Buttons that set iat, exp and nbf from the clock and add a random jti to the payload text. */
export function ClaimShortcuts({
  payload,
  onPayloadChange,
}: {
  payload: string;
  onPayloadChange: (text: string) => void;
}) {
  const lifetimeId = useId();
  const [lifetime, setLifetime] = useState(TOKEN_LIFETIMES[2]!.seconds);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  function apply(edit: (text: string, now: Date) => JsonEditResult) {
    const r = edit(payload, new Date());
    if (r.ok) {
      setProblem(undefined);
      onPayloadChange(r.text);
    } else {
      setProblem(r.error.message);
    }
  }

  return (
    <div className="mt-3 flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => apply(setIssuedAt)}>
          Set iat to now
        </Button>
        <Button size="sm" onClick={() => apply((text, now) => setExpiry(text, now, lifetime))}>
          Set exp to now + lifetime
        </Button>
        <label htmlFor={lifetimeId} className="text-xs">
          Lifetime
        </label>
        <select
          id={lifetimeId}
          value={lifetime}
          onChange={(e) => setLifetime(Number(e.target.value))}
          className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-xs"
        >
          {TOKEN_LIFETIMES.map((l) => (
            <option key={l.seconds} value={l.seconds}>
              {l.label}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => apply(setNotBefore)}>
          Set nbf to now
        </Button>
        <Button size="sm" onClick={() => apply((text) => addRandomJti(text))}>
          Add random jti
        </Button>
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-[var(--danger)]">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

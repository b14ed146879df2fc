'use client';

import { claimsOf, expiryState, formatIsoUtc, type DecodeResult, type ExpiryKind } from '@/lib';
import { useNow } from './useNow';

const TONE: Record<ExpiryKind, string> = {
  'not-yet-valid': 'text-[var(--warn)] border-[var(--warn)]',
  valid: 'text-[var(--ok)] border-[var(--ok)]',
  'expiring-soon': 'text-[var(--warn)] border-[var(--warn)]',
  expired: 'text-[var(--danger)] border-[var(--danger)]',
  'no-expiry': 'text-[var(--muted)] border-[var(--border)]',
};

const BAR: Record<ExpiryKind, string> = {
  'not-yet-valid': 'bg-[var(--warn)]',
  valid: 'bg-[var(--ok)]',
  'expiring-soon': 'bg-[var(--warn)]',
  expired: 'bg-[var(--danger)]',
  'no-expiry': 'bg-[var(--muted)]',
};

/**
 * The live countdown. It ticks every second, but only the state label is a live region: screen readers
 * hear "Expiring soon" when it changes, not every second of the countdown.
 */
export function ExpiryStatus({ decoded }: { decoded: DecodeResult | undefined }) {
  const now = useNow(1000);
  if (!decoded?.ok || decoded.format === 'jwe' || !decoded.payloadIsJson) return null;
  const state = expiryState(claimsOf(decoded), now);
  const percent = state.lifetime ? Math.round(state.lifetime.fraction * 100) : undefined;
  return (
    <section
      role="status"
      aria-label="Expiry"
      // role=status is a polite live region by default; the ticking text must not be announced.
      aria-live="off"
      data-state={state.kind}
      className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold tracking-wide">Expiry</h2>
        <p aria-live="polite" aria-atomic="true" className="m-0">
          <span
            className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${TONE[state.kind]}`}
            data-testid="expiry-state"
          >
            {state.label}
          </span>
        </p>
        <p className="m-0 font-code text-sm tabular-nums" data-testid="expiry-text">
          {state.text}
        </p>
      </div>
      {state.lifetime && percent !== undefined ? (
        <div className="mt-2">
          <div
            role="progressbar"
            aria-label="Lifetime used"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded bg-[var(--panel-2)]"
          >
            <div className={`h-full ${BAR[state.kind]}`} style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-1 flex justify-between gap-2 text-xs text-[var(--muted)]">
            <span>
              {state.lifetime.startClaim} {formatIsoUtc(new Date(state.lifetime.startMs))}
            </span>
            <span>{percent}% of lifetime used</span>
            <span>exp {formatIsoUtc(new Date(state.lifetime.endMs))}</span>
          </p>
        </div>
      ) : null}
    </section>
  );
}

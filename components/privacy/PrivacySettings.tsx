'use client';

import { useId } from 'react';
import { Panel } from '@/components/ui/Panel';
import {
  MAX_CLOCK_TOLERANCE_SECONDS,
  PREFERENCES_STORAGE_KEY,
  preferencesStore,
  usePreferences,
  validTolerance,
} from './preferences';

/** The opt-in for remembering settings. Only the theme and the clock tolerance can ever be stored. */
export function PrivacySettings() {
  const preferences = usePreferences();
  const toleranceId = useId();
  return (
    <Panel label="Settings">
      <div className="space-y-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={toleranceId}>Clock tolerance (seconds)</label>
          <input
            id={toleranceId}
            type="number"
            min={0}
            max={MAX_CLOCK_TOLERANCE_SECONDS}
            step={1}
            value={preferences.clockToleranceSeconds}
            onChange={(e) => {
              const seconds = validTolerance(Number(e.target.value));
              if (seconds !== undefined) preferencesStore.update({ clockToleranceSeconds: seconds });
            }}
            className="w-24 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
          />
          <span className="text-[var(--muted)]">Leeway when checking exp, nbf and iat.</span>
        </div>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={preferences.remember}
            onChange={(e) => preferencesStore.setRemember(e.target.checked)}
          />
          <span>
            Remember theme and clock tolerance on this device
            <span className="block text-[var(--muted)]">
              Stores these two values, and nothing else, in this browser&apos;s localStorage under &ldquo;
              {PREFERENCES_STORAGE_KEY}&rdquo;. Tokens, keys and secrets are never stored. Untick or use
              &ldquo;Clear everything&rdquo; to remove it.
            </span>
          </span>
        </label>
      </div>
    </Panel>
  );
}

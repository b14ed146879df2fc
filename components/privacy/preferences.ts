import { useSyncExternalStore } from 'react';
import { PREFERENCES_STORAGE_KEY } from './storage-key';

export { PREFERENCES_STORAGE_KEY };

/**
 * The only things JWT Lens may remember, and only after the user opts in: the theme and the clock tolerance.
 * Tokens, keys and secrets never pass through here. Without opt-in, nothing touches storage.
 */
export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  theme: Theme;
  /** Leeway for exp/nbf/iat checks, in seconds. */
  clockToleranceSeconds: number;
  /** True when the user asked to remember the two values above on this device. */
  remember: boolean;
}

export const MAX_CLOCK_TOLERANCE_SECONDS = 86_400;
const DEFAULTS: Preferences = Object.freeze({ theme: 'system', clockToleranceSeconds: 0, remember: false });
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Reads a stored value, keeping only the two known fields with valid values; anything else is dropped. */
export function parseStoredPreferences(text: string | null): Preferences {
  if (!text) return DEFAULTS;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return DEFAULTS;
  }
  if (typeof stored !== 'object' || stored === null) return DEFAULTS;
  const { theme, clockToleranceSeconds } = stored as Record<string, unknown>;
  return {
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : DEFAULTS.theme,
    clockToleranceSeconds: validTolerance(clockToleranceSeconds) ?? DEFAULTS.clockToleranceSeconds,
    remember: true,
  };
}

/** What is written: exactly two fields, nothing else. */
export function serializePreferences(p: Preferences): string {
  return JSON.stringify({ theme: p.theme, clockToleranceSeconds: p.clockToleranceSeconds });
}

export function validTolerance(value: unknown): number | undefined {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= MAX_CLOCK_TOLERANCE_SECONDS
    ? value
    : undefined;
}

/** The slice of Web Storage the store needs, so tests can pass a fake. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createPreferencesStore(storage: () => PreferenceStorage | undefined) {
  let state: Preferences | undefined;
  const listeners = new Set<() => void>();

  function read(): Preferences {
    try {
      return parseStoredPreferences(storage()?.getItem(PREFERENCES_STORAGE_KEY) ?? null);
    } catch {
      return DEFAULTS; // storage disabled by the browser: behave as if nothing was stored
    }
  }

  function get(): Preferences {
    return (state ??= read());
  }

  function set(next: Preferences) {
    state = next;
    try {
      if (next.remember) storage()?.setItem(PREFERENCES_STORAGE_KEY, serializePreferences(next));
      else storage()?.removeItem(PREFERENCES_STORAGE_KEY);
    } catch {
      // Storage full or disabled: the setting still applies for this visit.
    }
    listeners.forEach((l) => l());
  }

  return {
    get,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    update(change: Partial<Omit<Preferences, 'remember'>>) {
      set({ ...get(), ...change });
    },
    setRemember(remember: boolean) {
      set({ ...get(), remember });
    },
    /** Back to the defaults, and the stored value removed. */
    forget() {
      set(DEFAULTS);
    },
  };
}

export const preferencesStore = createPreferencesStore(() =>
  typeof window === 'undefined' ? undefined : window.localStorage,
);

/** The current preferences; the server render and hydration see the defaults. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(preferencesStore.subscribe, preferencesStore.get, () => DEFAULTS);
}

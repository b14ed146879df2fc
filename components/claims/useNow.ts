import { useSyncExternalStore } from 'react';

/**
 * The current time in milliseconds, rounded down to `intervalMs` and refreshed on that beat. The only
 * wall-clock read of the claims UI (lib/claims takes `now` as a parameter). Rounding keeps the snapshot
 * stable between ticks, as useSyncExternalStore requires.
 */
export function useNow(intervalMs: number, fixed?: number): number {
  const now = useSyncExternalStore(
    (onTick) => {
      const id = setInterval(onTick, Math.min(intervalMs, 1000));
      return () => clearInterval(id);
    },
    () => Math.floor(Date.now() / intervalMs) * intervalMs,
    () => 0,
  );
  return fixed ?? now;
}

interface LocaleAndZone {
  locale: string;
  timeZone: string;
}

const SERVER_LOCALE: LocaleAndZone = { locale: 'en', timeZone: 'UTC' };
let browserLocale: LocaleAndZone | undefined;

function readBrowserLocale(): LocaleAndZone {
  if (!browserLocale) {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    browserLocale = { locale: navigator.language || resolved.locale, timeZone: resolved.timeZone || 'UTC' };
  }
  return browserLocale;
}

/** The reader's locale and time zone, for "local time"; they do not change while the page is open. */
export function useLocaleAndZone(): LocaleAndZone {
  return useSyncExternalStore(
    () => () => {},
    readBrowserLocale,
    () => SERVER_LOCALE,
  );
}

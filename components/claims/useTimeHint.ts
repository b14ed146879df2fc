import { useCallback } from 'react';
import { readableTimeHint } from '@/lib';
import { useLocaleAndZone } from './useNow';

/** For the JSON view: the readable time of a time claim, computed at hover time in the reader's zone. */
export function useTimeHint(): (key: string, value: number) => string | undefined {
  const { locale, timeZone } = useLocaleAndZone();
  return useCallback(
    (key: string, value: number) => readableTimeHint(key, value, { now: Date.now(), locale, timeZone }),
    [locale, timeZone],
  );
}

'use client';

import { useEffect, useRef } from 'react';

/**
 * The page paints before its scripts run, so a fast user can type or paste into a server-rendered field
 * before React is there to see it. Once the component has hydrated, whatever the field holds that the state
 * does not is handed to `onChange`, so no early input is lost.
 */
export function useTypedBeforeHydration<T extends HTMLTextAreaElement | HTMLInputElement>(
  value: string,
  onChange: (value: string) => void,
) {
  const ref = useRef<T>(null);
  const first = useRef({ value, onChange });
  useEffect(() => {
    const typed = ref.current?.value ?? '';
    if (typed !== '' && typed !== first.current.value) first.current.onChange(typed);
  }, []);
  return ref;
}

'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';

/**
 * The Monaco JSON editor as a lazily loaded component (never server-rendered, nothing shown while it
 * loads): the decoder's views and the encoder's editors both take it from here, so Monaco stays one chunk
 * off the critical path.
 */
export const LazyMonacoJsonEditor = dynamic(() => import('./MonacoJsonEditor'), {
  ssr: false,
  loading: () => null,
});

/**
 * Monaco's evaluation is one long task of a few hundred milliseconds. Started while the user is typing or
 * pasting, it would hold up their next keystroke (Monaco must never block input, and the page
 * answers within 200 ms while a huge paste is processed). So it waits until the user has been quiet for
 * this long, and then for the browser to be idle.
 */
const QUIET_MS = 1000;
let lastUserInput = 0;
if (typeof window !== 'undefined') {
  const note = () => (lastUserInput = performance.now());
  for (const type of ['keydown', 'pointerdown', 'paste', 'input', 'wheel']) {
    window.addEventListener(type, note, { capture: true, passive: true });
  }
}

/**
 * Whether to mount the lazy editor: becomes true once the user has been quiet and the browser idle after
 * `wanted` turns true, and stays true.
 */
export function useMonacoWanted(wanted: boolean): boolean {
  const [flag, setFlag] = useState(false);
  useEffect(() => {
    if (!wanted || flag) return;
    const w = window as Window & {
      requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
      cancelIdleCallback?: (id: number) => void;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const schedule = () => {
      const wait = lastUserInput + QUIET_MS - performance.now();
      if (wait > 0) {
        timer = setTimeout(schedule, wait);
      } else if (w.requestIdleCallback) {
        idle = w.requestIdleCallback(
          () => (performance.now() - lastUserInput < QUIET_MS ? schedule() : setFlag(true)),
          { timeout: 2000 },
        );
      } else {
        timer = setTimeout(() => setFlag(true), 500);
      }
    };
    schedule();
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) w.cancelIdleCallback?.(idle);
    };
  }, [wanted, flag]);
  return flag;
}

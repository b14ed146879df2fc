'use client';

import { useEffect, useState } from 'react';
import type { DecodeResult } from '@/lib';

type DecodeFn = (input: string) => DecodeResult;

let loaded: DecodeFn | undefined;
let loading: Promise<DecodeFn> | undefined;
/** Components waiting for the decoder, told as soon as it arrives, whoever asked for it first. */
const waiting = new Set<(fn: DecodeFn) => void>();

/**
 * The decoding library (strict JSON, every finding rule, SD-JWT digests with their hash functions) is
 * about 20 KiB gzip: too much for the first-load budget. It is fetched when the browser is first idle after
 * hydration, or at once when the user reaches for the token box (focus comes before any paste), so its
 * evaluation never lands inside the first screen's load. A paste that beats it renders as soon as it arrives.
 */
export function loadDecoder(): Promise<DecodeFn> {
  loading ??= import('@/lib/token/decode').then((m) => {
    const fn = (input: string) => m.decodeToken(input);
    loaded = fn;
    for (const notify of waiting) notify(fn);
    waiting.clear();
    return fn;
  });
  return loading;
}

/** How long the first idle moment may be waited for before the decoder is fetched anyway. */
const IDLE_TIMEOUT_MS = 2_000;

/** `decodeToken` once its chunk has loaded, undefined until then. */
export function useDecodeToken(): DecodeFn | undefined {
  const [decode, setDecode] = useState<DecodeFn | undefined>(() => loaded);
  useEffect(() => {
    if (decode) return;
    const onLoaded = (fn: DecodeFn) => setDecode(() => fn);
    waiting.add(onLoaded);
    const load = () => void loadDecoder();
    const idle = window.requestIdleCallback
      ? window.requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS })
      : window.setTimeout(load, 0);
    return () => {
      waiting.delete(onLoaded);
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [decode]);
  return decode;
}

'use client';

import { useEffect, useState } from 'react';
import type { DecodeResult } from '@/lib';

type DecodeFn = (input: string) => DecodeResult;

let loaded: DecodeFn | undefined;
let loading: Promise<DecodeFn> | undefined;

/**
 * The decoding library (strict JSON, every finding rule, SD-JWT digests with their hash functions) is
 * about 20 KiB gzip: too much for the first-load budget of issue 8. It is fetched right after the page
 * has hydrated, in parallel with the user reaching for the clipboard; a paste that beats it renders as
 * soon as it arrives.
 */
export function loadDecoder(): Promise<DecodeFn> {
  loading ??= import('@/lib/token/decode').then((m) => (loaded = (input: string) => m.decodeToken(input)));
  return loading;
}

/** `decodeToken` once its chunk has loaded, undefined until then. */
export function useDecodeToken(): DecodeFn | undefined {
  const [decode, setDecode] = useState<DecodeFn | undefined>(() => loaded);
  useEffect(() => {
    if (decode) return;
    let live = true;
    void loadDecoder().then((fn) => {
      if (live) setDecode(() => fn);
    });
    return () => {
      live = false;
    };
  }, [decode]);
  return decode;
}

'use client';

import { useEffect, useMemo, useState } from 'react';
import type { DecodeResult } from '@/lib';
import { useDecodeToken } from './useDecodeToken';

/** Above this many characters decoding moves to a Web Worker; real tokens are a few KB. */
export const BACKGROUND_DECODE_CHARS = 256 * 1024;

export interface DecodedToken {
  decoded: DecodeResult | undefined;
  /** True while a large input is being decoded in the background. */
  pending: boolean;
}

/**
 * The decode result for the current text: computed at once for ordinary tokens, and in a worker for huge
 * pastes, so the page keeps answering input. A newer input terminates the worker of an older one.
 */
export function useDecodedToken(token: string): DecodedToken {
  const inBackground = token.length >= BACKGROUND_DECODE_CHARS && typeof Worker !== 'undefined';
  // The decoder chunk loads after hydration; until then a small token waits for it.
  const decodeNow = useDecodeToken();
  const immediate = useMemo(
    () => (!inBackground && token.trim() && decodeNow ? decodeNow(token) : undefined),
    [inBackground, token, decodeNow],
  );
  const [background, setBackground] = useState<{ input: string; result: DecodeResult }>();

  useEffect(() => {
    if (!inBackground) return;
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DecodeResult>) =>
      setBackground({ input: token, result: event.data });
    worker.onerror = () =>
      setBackground({
        input: token,
        result: {
          ok: false,
          findings: [],
          error: {
            code: 'background-decode-failed',
            message: `Decoding this ${(token.length / 1_000_000).toFixed(1)} MB input failed in the background. Real tokens are far smaller: check that you pasted only the token.`,
          },
        },
      });
    worker.postMessage({ input: token, now: Date.now() });
    return () => worker.terminate();
  }, [inBackground, token]);

  if (!inBackground) return { decoded: immediate, pending: false };
  const done = background?.input === token ? background.result : undefined;
  return { decoded: done, pending: done === undefined };
}

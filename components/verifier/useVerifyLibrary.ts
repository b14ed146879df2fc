'use client';

import { useEffect, useState } from 'react';
import type { importVerificationKey, verifyToken } from '@/lib';

export interface VerifyLibrary {
  verifyToken: typeof verifyToken;
  importVerificationKey: typeof importVerificationKey;
}

let loaded: VerifyLibrary | undefined;
let loading: Promise<VerifyLibrary> | undefined;

/**
 * Verification needs jose, the noble curves, certificate parsing and the key importers: over 50 KiB
 * gzip, most of the page's JavaScript. None of it is needed before a key is pasted, so it is fetched
 * then (issue 8: first-load JS ≤ 150 KiB gzip, Monaco and feature code off the critical path).
 */
export function loadVerifyLibrary(): Promise<VerifyLibrary> {
  loading ??= Promise.all([import('@/lib/verify/verify'), import('@/lib/keys/import')]).then(
    ([verify, keys]) =>
      (loaded = { verifyToken: verify.verifyToken, importVerificationKey: keys.importVerificationKey }),
  );
  return loading;
}

/** The library once `wanted` has been true and its chunks have arrived; undefined until then. */
export function useVerifyLibrary(wanted: boolean): VerifyLibrary | undefined {
  const [library, setLibrary] = useState<VerifyLibrary | undefined>(() => loaded);
  useEffect(() => {
    if (library || !wanted) return;
    let live = true;
    void loadVerifyLibrary().then((lib) => {
      if (live) setLibrary(lib);
    });
    return () => {
      live = false;
    };
  }, [library, wanted]);
  return library;
}

'use client';

import { useEffect } from 'react';
import { startOfflineCopy } from './offlineCopy';

/**
 * Starts the offline copy (public/sw.js) in production builds only (in development it would serve stale
 * code), after the first screen has loaded and the user has paused: it never competes with the first paint.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => startOfflineCopy(), []);
  return null;
}

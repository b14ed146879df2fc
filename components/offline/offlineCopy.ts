/**
 * The page's side of the offline copy (public/sw.js does the caching). Nothing here runs during the first
 * screen's load: the worker is registered once the page has loaded and the user has paused, and the
 * background pass that caches every remaining feature starts only after a longer idle spell.
 */

const BASE_PATH = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** How long the user must not have touched the page before the worker is registered. */
export const REGISTER_AFTER_QUIET_MS = 2_000;
/** How long the user must have been idle before every remaining feature is cached. */
export const CACHE_LATER_AFTER_QUIET_MS = 6_000;

export interface OfflineStatus {
  /** App files in the offline copy, of `total`. */
  cached: number;
  total: number;
  /** Every feature works offline. */
  complete: boolean;
}

type Listener = (status: OfflineStatus | undefined) => void;

let status: OfflineStatus | undefined;
const listeners = new Set<Listener>();

function publish(next: OfflineStatus) {
  status = next;
  for (const listener of listeners) listener(status);
}

export function offlineStatus(): OfflineStatus | undefined {
  return status;
}

export function subscribeOfflineStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'paste'] as const;

/** Resolves once the user has not touched the page for `ms` and the browser is idle. */
function afterQuiet(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, restart, true);
      const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 0));
      idle(() => resolve(), { timeout: 2_000 });
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    };
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, restart, true);
    });
    for (const type of INPUT_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
    restart();
  });
}

function afterLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

async function controller(): Promise<ServiceWorker> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => resolve(navigator.serviceWorker.controller!),
      { once: true },
    ),
  );
}

/** The app's own files this page has loaded so far (scripts, styles, fonts, workers). */
function loadedAppFiles(): string[] {
  const prefix = `${window.location.origin}${BASE_PATH}/_next/`;
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(prefix));
}

/** Asks the worker to cache every remaining feature now (the About tab's button, and the idle pass). */
export async function cacheEverything(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  (await controller()).postMessage({ type: 'cache-later' });
}

/**
 * Starts the offline copy for this page. Returns a function that stops whatever has not started yet.
 * Offline use is a bonus: without a worker (private mode, file://, blocked) the app still works online.
 */
export function startOfflineCopy(): () => void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return () => undefined;
  const abort = new AbortController();
  const onMessage = (event: MessageEvent) => {
    const data = event.data as Partial<OfflineStatus> & { type?: string };
    if (data?.type === 'offline-status' && typeof data.cached === 'number' && typeof data.total === 'number')
      publish({ cached: data.cached, total: data.total, complete: data.complete === true });
  };
  navigator.serviceWorker.addEventListener('message', onMessage);

  void (async () => {
    await afterLoad();
    await afterQuiet(REGISTER_AFTER_QUIET_MS, abort.signal);
    if (abort.signal.aborted) return;
    try {
      await navigator.serviceWorker.register(`${BASE_PATH}/sw.js`, { scope: `${BASE_PATH}/` });
    } catch {
      return;
    }
    const worker = await controller();
    if (abort.signal.aborted) return;
    // What the page fetched before the worker controlled it never passed through its fetch handler.
    worker.postMessage({ type: 'cache-urls', urls: loadedAppFiles() });
    await afterQuiet(CACHE_LATER_AFTER_QUIET_MS, abort.signal);
    if (abort.signal.aborted) return;
    worker.postMessage({ type: 'cache-later' });
  })();

  return () => {
    abort.abort();
    navigator.serviceWorker.removeEventListener('message', onMessage);
  };
}

/** Asks the worker how much of the app is cached; the answer arrives through subscribeOfflineStatus. */
export async function requestOfflineStatus(): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
  navigator.serviceWorker.controller.postMessage({ type: 'offline-status' });
}

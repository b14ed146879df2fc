/**
 * Removes everything this origin keeps in the browser: Web Storage, cookies, IndexedDB, the Cache API (the
 * offline copy of the app) and the service worker. Each store is tried on its own, so one that the browser
 * blocks does not stop the others. Returns the names of the stores that were emptied.
 */
export async function clearBrowserData(): Promise<string[]> {
  const cleared: string[] = [];
  const attempt = async (name: string, clear: () => unknown) => {
    try {
      await clear();
      cleared.push(name);
    } catch {
      // Blocked by the browser (e.g. storage disabled): there is nothing of ours in it either.
    }
  };
  await attempt('localStorage', () => window.localStorage.clear());
  await attempt('sessionStorage', () => window.sessionStorage.clear());
  await attempt('cookies', () => {
    for (const cookie of document.cookie.split(';')) {
      const name = cookie.split('=')[0]?.trim();
      if (name) document.cookie = `${name}=; Max-Age=0; path=/`;
    }
  });
  if ('indexedDB' in window && typeof indexedDB.databases === 'function') {
    await attempt('IndexedDB', async () => {
      for (const db of await indexedDB.databases()) {
        if (!db.name) continue;
        const request = indexedDB.deleteDatabase(db.name);
        // "blocked" means another tab still has it open; it is deleted as soon as that tab closes it.
        await new Promise((resolve) => (request.onsuccess = request.onerror = request.onblocked = resolve));
      }
    });
  }
  if ('caches' in window) {
    await attempt('Cache Storage (offline copy)', async () => {
      for (const name of await caches.keys()) await caches.delete(name);
    });
  }
  if ('serviceWorker' in navigator) {
    await attempt('service worker', async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations())
        await registration.unregister();
    });
  }
  return cleared;
}

/*
 * JWT Lens service worker: keeps a copy of the app's own static files so the page works offline.
 *
 * - It caches only the files listed in precache-manifest.json (written by scripts/precache.mjs after the build),
 *   resolved against the registration scope, so a BASE_PATH such as /tools/jwt/ just works.
 * - It answers only page navigations and requests for the app's own static files inside the scope (the build
 *   output under _next/, the RSC payloads, the icons and the manifest). Everything else, such as a JWKS fetch,
 *   is not touched: no respondWith, so the browser handles it as if there were no worker. Nothing the user
 *   types is ever cached.
 * - scripts/precache.mjs stamps the build version below, so each build installs a fresh cache.
 */
const VERSION = '__PRECACHE_VERSION__';
const CACHE = `jwt-lens-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const APP_FILE = /^(_next\/.+|[^/]+\.txt|icon[^/]*\.(png|svg)|manifest\.webmanifest)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(new URL('precache-manifest.json', SCOPE), { cache: 'no-store' });
      const manifest = await response.json();
      const cache = await caches.open(CACHE);
      await cache.addAll(
        manifest.files.map((file) => new Request(new URL(file, SCOPE), { cache: 'reload' })),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('jwt-lens-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first, so a new version shows as soon as it is deployed; the cached page when offline.
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        const page = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}.html`;
        return (
          (await cache.match(new URL(page, SCOPE), { ignoreSearch: true })) ??
          (await cache.match(new URL('./', SCOPE))) ??
          Response.error()
        );
      }),
    );
    return;
  }
  if (!APP_FILE.test(url.pathname.slice(SCOPE.pathname.length))) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Queries on app files are cache keys only (icon.svg?hash, index.txt?_rsc=…); the files themselves are versioned.
      const cached = await cache.match(url.href, { ignoreSearch: true });
      if (!cached) return fetch(request);
      // A response rebuilt without a URL takes the request's URL, query and fragment included: Turbopack's worker
      // bootstrap reads its config from ?params= or #params=, and a worker's location is its response's URL.
      return cached.url === request.url ? cached : new Response(cached.body, cached);
    })(),
  );
});

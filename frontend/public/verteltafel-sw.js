// Service worker of one verteltafel page (/werkplek/{slug}/verteltafel, its scope): keeps the page, its
// scripts and styles and the story point's definition in the Cache API so that the verteltafel opens and
// works without a connection. Stories are never here: they wait encrypted in IndexedDB and are sent by the
// page itself. Only GET requests of this origin are touched; sign-in, sending and everything else go to
// the network as usual.
'use strict';

const scope = new URL(self.registration.scope);
const PAGE = scope.pathname.replace(/\/$/, '');
const SLUG = PAGE.split('/')[2];
const POINT = `/api/storypoints/${SLUG}`;
const CACHE = `vertelpunt-verteltafel:${SLUG}`;
/** Marks an answer that came from this cache because the network could not be reached. */
const OFFLINE_COPY = 'X-Vertelpunt-Offline-Copy';

function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/**
 * Keeps the page (fetched now, or the answer just received) and everything it loads, and the story point;
 * removes scripts of older releases.
 */
async function store(received) {
  const cache = await caches.open(CACHE);
  const page = received ?? await fetch(PAGE, { cache: 'no-store', credentials: 'same-origin' });
  if (!page.ok) {
    throw new Error(`page ${page.status}`);
  }
  const html = await page.clone().text();
  const assets = assetsOf(html);
  await Promise.all(assets.map(async (asset) => {
    if (!(await cache.match(asset))) {
      await cache.add(asset);
    }
  }));
  if (!received) {
    const point = await fetch(POINT, { cache: 'no-store' });
    if (point.ok) {
      await cache.put(POINT, point);
    }
  }
  await cache.put(PAGE, page);
  // scripts of older releases are no longer needed
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) {
      await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(store().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// a page that is not yet taken over (it loaded while this worker was being installed) asks for it
self.addEventListener('message', (event) => {
  if (event.data === 'claim') {
    event.waitUntil(self.clients.claim());
  }
});

/** The network's answer (kept in the cache when good), or the cached copy, marked, when there is none. */
async function networkFirst(request, key, isPage) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      if (isPage) {
        await store(response.clone()).catch(() => undefined);
      } else {
        await cache.put(key, response.clone());
      }
    }
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (!cached) {
      throw error;
    }
    const headers = new Headers(cached.headers);
    headers.set(OFFLINE_COPY, '1');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && url.pathname.replace(/\/$/, '') === PAGE) {
    event.respondWith(networkFirst(request, PAGE, true));
  } else if (url.pathname === POINT) {
    event.respondWith(networkFirst(request, POINT, false));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});

// mask-map's service worker: the app keeps working on a bad network.
//
// - The page (index.html) is network-first: online, every load gets the
//   current release, whose assets have content-hashed names; offline, the
//   last page saved and the assets it names.
// - Hashed assets are cache-first (a name never changes content). On install
//   the worker saves the page and everything it references, so the first
//   visit already works offline afterwards; old releases' assets are pruned.
//   The few unhashed shell files (Leaflet, boot.js, icons) are cache-first
//   too, and every navigation saves them again.
// - Data (the feed, the registry, rules.json, from this origin or another)
//   is network-first with the last good answer as the fallback, marked with
//   the header `x-mask-map-offline: 1` so the page can say it is old.
// - Map tiles are left to the network (no unbounded image cache).
// - On a repeat visit the app's feed is asked for as the navigation to the
//   app starts, before the page has even arrived: the page's own request for
//   it (boot.js) then takes that answer, already on its way.
//
// Bump VERSION when this file's logic changes: the old shell cache is dropped.
// The data cache (the last good feed, which must outlive a release) has its
// own version, bumped only when what it holds changes.
const VERSION = 'v3';
const SHELL = `mask-map-shell-${VERSION}`;
const DATA = 'mask-map-data-v2';

/** Same-origin files the page references (href/src attributes: the JS and
 *  wasm through Trunk's preload links). */
function referencedAssets(html) {
  const found = new Set(['./', 'manifest.webmanifest', 'rules.json']);
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
    const url = m[1];
    if (!/^[a-z]+:/i.test(url)) found.add(url);
  }
  return [...found];
}

/** Trunk names a release's JS, wasm and CSS by their content hash, in hex
 *  without leading zeros: up to 16 digits, sometimes fewer. */
function isHashed(pathname) {
  return /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(pathname);
}

async function saveShell() {
  const response = await fetch('./', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const cache = await caches.open(SHELL);
  await cache.put('./', response);
  const assets = referencedAssets(html).filter((u) => u !== './');
  await Promise.all(
    assets.map(async (u) => {
      // A hashed file already saved is the same file: don't fetch it again.
      if (isHashed(new URL(u, self.registration.scope).pathname) && (await cache.match(u))) return;
      await cache.add(new Request(u, { cache: 'no-cache' })).catch(() => undefined);
    }),
  );
  // Prune what no current page names (a previous release's hashed files).
  const keep = new Set(assets.map((u) => new URL(u, self.registration.scope).href));
  keep.add(new URL('./', self.registration.scope).href);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(saveShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL && n !== DATA).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Network first; the saved copy (marked) when the network fails. */
async function networkFirst(request, cacheName, mark) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fromEarlyOrNetwork(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(request, { ignoreVary: true });
    if (!saved) throw error;
    if (!mark) return saved;
    const headers = new Headers(saved.headers);
    headers.set('x-mask-map-offline', '1');
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
}

async function cacheFirst(request) {
  const saved = await caches.match(request, { cacheName: SHELL });
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

/** Feeds asked for as a navigation to the app started, by URL, until its
 *  page asks: { response, controller, at }. */
const early = new Map();
/** Settles once the latest navigation's early request (if any) is listed. */
let listing = Promise.resolve();
// The page asks within a second or two of its navigation; an answer not taken
// by then is dropped (the page's request goes to the network itself).
const EARLY_FOR_MS = 10_000;

/** The feed the app at `pageUrl` will ask for first, as boot.js works it
 *  out: its `feed=`, else the default its saved page names (a meta tag).
 *  Only this origin's feeds or that default: the worker has no
 *  Content-Security-Policy, so a link's other origin is left to the page,
 *  whose policy decides. */
async function feedOfPage(pageUrl) {
  const saved = await caches.match('./', { cacheName: SHELL });
  // An escaped value (&amp;...) is left to the page, which reads it right.
  const meta = saved && (await saved.text()).match(/<meta name="mask-map:default-feed" content="([^"&]*)"/);
  const fallback = meta ? meta[1].trim() : '';
  const feed = (new URL(pageUrl).searchParams.get('feed') || fallback).trim();
  if (feed === '' || (/^[a-z][a-z0-9+.-]*:/i.test(feed) && !/^https?:\/\//i.test(feed))) return null;
  const url = new URL(feed, pageUrl);
  return url.origin === self.location.origin || feed === fallback ? url.href : null;
}

/** Starts the download of the app's feed as a navigation to it starts;
 *  settles once the download is listed. */
async function askEarly(pageUrl) {
  const url = await feedOfPage(pageUrl);
  if (url === null) return;
  // This feed's previous answer, or any nobody took, is dropped.
  for (const [other, entry] of early) {
    if (other === url || !fresh(entry)) drop(other);
  }
  const controller = new AbortController();
  const response = fetch(url, { cache: 'no-cache', signal: controller.signal });
  // Not taken: no unhandled rejection.
  response.catch(() => undefined);
  const entry = { response, controller, at: Date.now() };
  early.set(url, entry);
  setTimeout(() => early.get(url) === entry && drop(url), EARLY_FOR_MS);
}

const fresh = (entry) => Date.now() - entry.at < EARLY_FOR_MS;

/** Forgets an early answer and stops its download. */
function drop(url) {
  early.get(url)?.controller.abort();
  early.delete(url);
}

/** The answer to `request`: the early one if it is on its way (once; its
 *  download stops if the page's request signals an abort, which Chromium
 *  was not seen to pass on to a worker), else the network's. An early
 *  request that failed is made again: the network may be back. */
async function fromEarlyOrNetwork(request) {
  await listing;
  const entry = early.get(request.url);
  if (entry && fresh(entry)) {
    early.delete(request.url);
    request.signal.addEventListener('abort', () => entry.controller.abort());
    return entry.response.catch(() => fetch(request));
  }
  if (entry) drop(request.url);
  return fetch(request);
}

/** Whether a navigation is to the app's page (not a file in its scope, and
 *  not a prefetch or prerender, which may never be shown). */
function isAppPage(request) {
  const scope = new URL(self.registration.scope).pathname;
  const path = new URL(request.url).pathname;
  return (path === scope || path === `${scope}index.html`) && !request.headers.has('sec-purpose');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const sameOrigin = url.origin === self.location.origin;
  if (request.mode === 'navigate') {
    // Any query (the URL contract) is the same page.
    event.respondWith(
      fetch(request).catch(() => caches.match('./', { cacheName: SHELL }).then((r) => r ?? Response.error())),
    );
    // Keep the saved shell in step with the release just loaded.
    event.waitUntil(saveShell().catch(() => undefined));
    // A repeat visit: the app's feed, before the page is even here.
    if (isAppPage(request)) {
      listing = askEarly(request.url).catch(() => undefined);
      event.waitUntil(listing);
    }
    return;
  }
  if (!sameOrigin && request.destination === 'image') return; // tiles
  // An unhashed shell file is one load behind at most (saveShell above), and a
  // repeat visit starts without a round trip.
  const shell =
    sameOrigin &&
    (isHashed(url.pathname) || url.pathname.includes('/vendor/') || url.pathname.endsWith('/boot.js') || /\.(svg|webmanifest)$/.test(url.pathname));
  event.respondWith(shell ? cacheFirst(request) : networkFirst(request, DATA, true));
});

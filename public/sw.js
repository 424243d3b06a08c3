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
//   is network-first with deadlines: no headers within 10 s, no byte for
//   10 s, or 20 s in all aborts the download (src/feed/refresh.rs has the
//   same figures). On an HTTP error, a failed fetch or a missed deadline for
//   the headers the answer is the last good copy, marked with the header
//   `x-mask-map-saved-copy: offline|network|timeout|<status>` (offline only
//   when the device is) and the failed answer's `Retry-After`, so the page
//   can say what happened. Without a saved copy the failure is passed on.
// - The network's body is passed on as it arrives (the page parses it line
//   by line) and saved beside it as a pending copy. It becomes the good copy,
//   the fallback, only when the page says it could read it (a `read-ok`
//   message): never a truncated body or an error page sent with a 200.
// - Map tiles are left to the network (no unbounded image cache).
// - The page shows its stock alerts through this worker (Android refuses a
//   page's own notifications); a click on one brings the app forward.
// - On a repeat visit the app's feed is asked for as the navigation to the
//   app starts, before the page has even arrived: the page's own request for
//   it (boot.js) then takes that answer, already on its way.
//
// Bump VERSION when this file's logic changes: the old shell cache is dropped.
// The data cache (the last good feed, which must outlive a release) has its
// own version, bumped only when what it holds changes (src/feed/fetch/saved.rs
// reads it by name too). v3: only copies the page confirmed it could read.
const VERSION = 'v5';
const SHELL = `mask-map-shell-${VERSION}`;
const DATA = 'mask-map-data-v3';
/** Answers passed on to the page and not yet confirmed as readable. */
const PENDING = 'mask-map-pending-v1';
/** Deadlines of a data request: see the header comment. */
const STALL_MS = 10_000;
const TOTAL_MS = 20_000;

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

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(([open]) =>
      open ? open.focus() : self.clients.openWindow(self.registration.scope),
    ),
  );
});

self.addEventListener('install', (event) => {
  event.waitUntil(saveShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL && n !== DATA && n !== PENDING).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Network first, within the deadlines; the saved copy (marked) when the
 *  network fails before its answer starts. */
async function networkFirst(request) {
  const started = Date.now();
  const { response, controller } = fromEarlyOrNetwork(request);
  // Given up on at the deadline: its later failure is no one's concern.
  response.catch(() => undefined);
  let timedOut = false;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new Error('no answer in time'));
    }, STALL_MS);
  });
  let answer;
  try {
    answer = await Promise.race([response, deadline]);
  } catch (error) {
    const reason = timedOut ? 'timeout' : self.navigator.onLine === false ? 'offline' : 'network';
    const saved = await savedCopy(request, reason, null);
    if (saved) return saved;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (answer.status >= 400) {
    return (await savedCopy(request, String(answer.status), answer.headers.get('retry-after'))) ?? answer;
  }
  if (!answer.ok || !answer.body) return answer;
  const init = { status: answer.status, statusText: answer.statusText, headers: answer.headers };
  const [toPage, toSave] = watched(answer.body, controller, started).tee();
  savePending(request.url, new Response(toSave, init));
  return new Response(toPage, init);
}

/** The last good copy of `request`'s answer, marked with why it is
 *  answered (and the failed answer's Retry-After); null if there is none. */
async function savedCopy(request, reason, retryAfter) {
  const saved = await caches.match(request, { cacheName: DATA, ignoreVary: true });
  if (!saved) return null;
  // The page will confirm this copy: no pending one may be taken for it.
  pending.set(request.url, null);
  const headers = new Headers(saved.headers);
  headers.set('x-mask-map-saved-copy', reason);
  if (retryAfter) headers.set('retry-after', retryAfter);
  else headers.delete('retry-after');
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
}

/** `body` as it arrives; no byte for STALL_MS, or TOTAL_MS since `started`,
 *  aborts its download (the page's stream then errors). */
function watched(body, controller, started) {
  const reader = body.getReader();
  let timer;
  const arm = () => {
    clearTimeout(timer);
    const left = Math.min(STALL_MS, started + TOTAL_MS - Date.now());
    timer = setTimeout(() => controller.abort(), Math.max(0, left));
  };
  return new ReadableStream({
    start: arm,
    async pull(out) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          clearTimeout(timer);
          out.close();
        } else {
          arm();
          out.enqueue(value);
        }
      } catch (error) {
        clearTimeout(timer);
        out.error(error);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}

/** The saving of each URL's latest network answer as a pending copy: a
 *  promise of whether it was saved whole; null when the latest answer was
 *  the saved copy (then there is nothing to confirm). */
const pending = new Map();

function savePending(url, response) {
  const saving = caches
    .open(PENDING)
    .then(async (cache) => {
      try {
        await cache.put(url, response);
        return true;
      } catch {
        // Broken off: an earlier pending copy must not stand in for it.
        await cache.delete(url, { ignoreVary: true });
        return false;
      }
    })
    .catch(() => false);
  pending.set(url, saving);
  return saving;
}

/** The page read its answer for `url`: the pending copy (once saved whole)
 *  becomes the good one, with the time of its data (`asOf`, Unix seconds,
 *  if the page gave one) in `x-mask-map-as-of`, so that on a reload the page
 *  can tell an older answer from the server without reading this copy. */
async function confirmRead(url, asOf) {
  const saving = pending.get(url);
  if (saving === null) return;
  pending.delete(url);
  // Not listed (this worker was restarted since): the pending cache has it.
  if (saving && !(await saving)) return;
  const cache = await caches.open(PENDING);
  const copy = await cache.match(url, { ignoreVary: true });
  if (!copy) return;
  const headers = new Headers(copy.headers);
  if (Number.isSafeInteger(asOf)) headers.set('x-mask-map-as-of', String(asOf));
  else headers.delete('x-mask-map-as-of');
  const good = new Response(copy.body, { status: copy.status, statusText: copy.statusText, headers });
  await (await caches.open(DATA)).put(url, good);
  await cache.delete(url, { ignoreVary: true });
}

self.addEventListener('message', (event) => {
  const { kind, url, asOf } = event.data ?? {};
  if (kind !== 'read-ok' || typeof url !== 'string') return;
  const page = event.source?.url ?? self.location.href;
  event.waitUntil(confirmRead(new URL(url, page).href, asOf).catch(() => undefined));
});

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

/** The answer to `request` and the controller that stops its download:
 *  the early one if it is on its way (once), else the network's. Its
 *  download stops if the page's request signals an abort (which Chromium
 *  was not seen to pass on to a worker: the deadlines cover that). An early
 *  request that failed is made again: the network may be back. */
function fromEarlyOrNetwork(request) {
  const entry = listing.then(() => {
    const found = early.get(request.url);
    if (found && fresh(found)) {
      early.delete(request.url);
      return found;
    }
    if (found) drop(request.url);
    return null;
  });
  const controller = new AbortController();
  request.signal.addEventListener('abort', () => controller.abort());
  const network = () => fetch(request, { signal: controller.signal });
  const response = entry.then((found) => {
    if (!found) return network();
    controller.signal.addEventListener('abort', () => found.controller.abort());
    return found.response.catch(() => network());
  });
  return { response, controller };
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
  if (shell) {
    event.respondWith(cacheFirst(request));
    return;
  }
  const answer = networkFirst(request);
  event.respondWith(answer);
  // Alive until the pending copy is saved, for the page's confirmation.
  event.waitUntil(answer.then(() => pending.get(request.url)).catch(() => undefined));
});

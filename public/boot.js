// Starts the app: imports the release's wasm-bindgen module and wasm, whose
// hashed names Trunk writes on this script's tag (Trunk.toml pattern_script).
// The service worker serves this file from its cache, one release behind at
// most: a change to what it expects of the page (those attributes) must bump
// public/sw.js's VERSION.
// A file rather than Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. Like Trunk's loader, it
// exposes the bindings and announces the start (the benchmarks use both).
//
// Requests the Content-Security-Policy refuses are recorded from the start
// (their events come before the app is up): the app then calls such a
// failure "blocked", not a connection problem (was_blocked in
// src/feed/fetch/http.rs), and src/ui/policy.rs reads what came before it
// listened itself.
window.__maskMapBlocked = new Set();
addEventListener('securitypolicyviolation', (event) => {
  const directive = event.effectiveDirective || event.violatedDirective;
  if (directive !== 'connect-src' && directive !== 'img-src') return;
  window.__maskMapBlocked.add(event.blockedURI);
});

// The feed is requested by the app itself as it starts, before it builds its
// interface (src/feed/fetch/boot.rs): on a first visit over a slow network the
// wasm then has the link to itself, and the interface is built while the
// feed downloads. On a repeat visit the service worker serves the app from
// this device, so the link is the feed's alone: it is requested here at once
// (this script runs as soon as it arrives, `async`), and the app's first poll
// takes the answer. (The worker itself has asked for it already, as the
// navigation started: this request takes that answer, public/sw.js.)
// (Not in a background tab: the answer would be old by the time it is seen.)
// The app's poll takes the controller too, to stop the request on its
// timeout or a newer poll.
if (navigator.serviceWorker?.controller && !document.hidden) {
  const params = new URLSearchParams(location.search);
  const feed = (params.get('feed') || document.querySelector('meta[name="mask-map:default-feed"]')?.content || '').trim();
  if (feed !== '' && (/^https?:\/\//i.test(feed) || !/^[a-z][a-z0-9+.-]*:/i.test(feed))) {
    const controller = new AbortController();
    const response = fetch(feed, { cache: 'no-cache', signal: controller.signal });
    // Not taken (the app found the link's feed unusable): no unhandled rejection.
    response.catch(() => undefined);
    window.__maskMapEarly = { [feed]: { response, controller } };
  }
}

// The app needs Leaflet, a deferred script, which may not have run yet (it
// runs once the page is parsed, before DOMContentLoaded).
if (!window.L) {
  await new Promise((resolve) => {
    document.querySelector('script[src$="leaflet.js"]')?.addEventListener('load', resolve, { once: true });
    addEventListener('DOMContentLoaded', resolve, { once: true });
    addEventListener('load', resolve, { once: true });
  });
}
const tag = document.querySelector('script[data-mask-map-js]');
const bindings = await import(tag.dataset.maskMapJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.maskMapWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

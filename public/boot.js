// Starts the app: imports the release's wasm-bindgen module and wasm, whose
// hashed names Trunk writes on this script's tag (Trunk.toml pattern_script).
// A file rather than Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. Like Trunk's loader, it
// exposes the bindings and announces the start (the benchmarks use both).
//
// The feed is requested by the app itself as it starts, before it builds its
// interface (src/feed/fetch.rs): on a first visit over a slow network the
// wasm then has the link to itself, and the interface is built while the
// feed downloads. On a repeat visit the service worker serves the app from
// this device, so the link is the feed's alone: it is requested here at once
// (this script runs as soon as it arrives, `async`), and the app's first poll
// takes the answer.
if (navigator.serviceWorker?.controller) {
  const params = new URLSearchParams(location.search);
  const feed = (params.get('feed') || document.querySelector('meta[name="mask-map:default-feed"]')?.content || '').trim();
  if (feed !== '' && (/^https?:\/\//i.test(feed) || !/^[a-z][a-z0-9+.-]*:/i.test(feed))) {
    const early = fetch(feed, { cache: 'no-cache', signal: AbortSignal.timeout(20000) });
    // Not taken (the app found the link's feed unusable): no unhandled rejection.
    early.catch(() => undefined);
    window.__maskMapEarly = { [feed]: early };
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

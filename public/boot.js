// Starts the app: imports the release's wasm-bindgen module and wasm, whose
// hashed names Trunk writes on this script's tag (Trunk.toml pattern_script).
// A file rather than Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. Like Trunk's loader, it
// exposes the bindings and announces the start (the benchmarks use both).
//
// On a slow network the feed should not wait for the wasm: the feed (and, for
// NHIA's mask CSV, which has no coordinates, the registry) are requested here
// at once, and the app's first poll takes these answers (src/feed/fetch.rs).
const early = (window.__maskMapEarly = {});
const params = new URLSearchParams(location.search);
const setting = (name) =>
  (params.get(name) || document.querySelector(`meta[name="mask-map:default-${name}"]`)?.content || '').trim();
const fetchable = (url) => url !== '' && (/^https?:\/\//i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url));
const feed = setting('feed');
if (fetchable(feed)) {
  early[feed] = fetch(feed, { signal: AbortSignal.timeout(20000) });
  const registry = setting('registry');
  if (/maskdata[^/]*\.csv/i.test(feed) && fetchable(registry) && registry !== feed) {
    early[registry] = fetch(registry, { signal: AbortSignal.timeout(20000) });
  }
}
// A promise nobody takes (the app found the link's feed unusable) must not
// report an unhandled rejection.
Object.values(early).forEach((p) => p.catch(() => undefined));

const tag = document.querySelector('script[data-mask-map-js]');
const bindings = await import(tag.dataset.maskMapJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.maskMapWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

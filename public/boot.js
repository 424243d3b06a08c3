// Starts the app: imports the release's wasm-bindgen module and wasm, whose
// hashed names Trunk writes on this script's tag (Trunk.toml pattern_script).
// A file rather than Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. Like Trunk's loader, it
// exposes the bindings and announces the start (the benchmarks use both).
//
// The feed is requested by the app itself as it starts, before it builds its
// interface (src/feed/fetch.rs): on a slow network the wasm then has the link
// to itself, and the interface is built while the feed downloads.
const tag = document.querySelector('script[data-mask-map-js]');
const bindings = await import(tag.dataset.maskMapJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.maskMapWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

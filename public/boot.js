// Starts the app: imports the release's wasm-bindgen module and wasm, whose
// hashed names Trunk writes on this script's tag (Trunk.toml pattern_script).
// A file rather than Trunk's inline loader, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'.
const tag = document.querySelector('script[data-mask-map-js]');
const { default: init } = await import(tag.dataset.maskMapJs);
await init({ module_or_path: tag.dataset.maskMapWasm });

//! The browser entry point; `trunk` builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    mask_map::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mask-map runs in the browser: see the README (scripts/serve.sh).");
}

//! Entry points for `scripts/bench.sh`: the feed parsers called from
//! JavaScript in the same page as the baselines they are measured against.
//! Tiny, and exported in the app's own module so the figures are the app's.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::feed::{self, Registry};

/// Parses a feed; returns how many pharmacies it holds (0 if it failed).
#[wasm_bindgen]
pub fn bench_parse(bytes: &[u8]) -> usize {
    feed::parse(bytes).map_or(0, |inventory| inventory.pharmacies.len())
}

/// Parses a feed and a registry and joins them; returns how many were placed.
#[wasm_bindgen]
pub fn bench_parse_joined(feed_bytes: &[u8], registry_bytes: &[u8]) -> usize {
    let (Ok(mut inventory), Ok(registry)) =
        (feed::parse(feed_bytes), Registry::parse(registry_bytes))
    else {
        return 0;
    };
    inventory.join(&registry);
    inventory.located().count()
}

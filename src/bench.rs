//! Entry points for `scripts/bench.sh`: the feed parsers called from
//! JavaScript in the same page as the baselines they are measured against.
//! Exported in the app's own module so the figures are the app's, but only
//! with the `bench` feature: exports are never dropped as unused, and with
//! their JS glue they cost users 1.5 KB gzipped of code they never run.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::coords::LatLng;
use crate::feed::{self, Registry};
use crate::spatial::cluster::{ClusterIndex, ClusterOptions, ClusterPoint};
use crate::spatial::WORLD;

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

/// Our cluster index, for the comparison with npm `supercluster`.
#[wasm_bindgen]
pub struct BenchClusterIndex(ClusterIndex);

#[wasm_bindgen]
impl BenchClusterIndex {
    /// Builds the index from `[lng0, lat0, lng1, lat1, …]` (GeoJSON order)
    /// and one stock flag a point, with the app's options (the benchmark
    /// gives supercluster the same).
    #[wasm_bindgen(constructor)]
    pub fn new(lng_lat: &[f64], has_stock: &[u8]) -> BenchClusterIndex {
        let points: Vec<ClusterPoint> = lng_lat
            .chunks_exact(2)
            .zip(has_stock)
            .map(|(c, &s)| ClusterPoint {
                at: LatLng {
                    lat: c[1],
                    lng: c[0],
                },
                has_stock: s != 0,
            })
            .collect();
        BenchClusterIndex(ClusterIndex::new(&points, ClusterOptions::default()))
    }

    /// Clusters and points of the whole world at every zoom 0–17, summed.
    pub fn query_all_zooms(&self) -> usize {
        let (sw, ne) = WORLD;
        (0..=17)
            .map(|zoom| self.0.items_in(sw, ne, zoom).len())
            .sum()
    }
}

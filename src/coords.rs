//! Coordinates and distances on Earth. A leaf: it imports nothing of ours,
//! so feeds, indexes, links and the map can all share [`LatLng`].

use geo::{Distance, Haversine, Point};

/// A WGS 84 position in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

impl LatLng {
    /// A position on Earth, or `None` for NaN, infinities or out-of-range degrees.
    pub fn new(lat: f64, lng: f64) -> Option<LatLng> {
        let valid = lat.is_finite() && lng.is_finite() && lat.abs() <= 90.0 && lng.abs() <= 180.0;
        valid.then_some(LatLng { lat, lng })
    }

    pub fn in_taiwan(self) -> bool {
        let (sw, ne) = TAIWAN_BOUNDS;
        (sw.lat..=ne.lat).contains(&self.lat) && (sw.lng..=ne.lng).contains(&self.lng)
    }
}

/// Every place with a pharmacy, Kinmen, Matsu, Penghu, Green Island and
/// Orchid Island included, as (south-west, north-east). Coordinates outside
/// it are a data error, not a pharmacy abroad.
pub const TAIWAN_BOUNDS: (LatLng, LatLng) = (
    LatLng {
        lat: 21.8,
        lng: 118.0,
    },
    LatLng {
        lat: 26.5,
        lng: 122.2,
    },
);

/// Great-circle metres between two places (the `geo` crate's haversine).
pub fn distance_m(a: LatLng, b: LatLng) -> f64 {
    Haversine.distance(Point::new(a.lng, a.lat), Point::new(b.lng, b.lat))
}

/// Reads degrees as feeds and links write them ("121.5637", "-0.5",
/// "2.5e1") with serde_json's number reader, which the JSON formats already
/// ship: core's `str::parse::<f64>` would add 14 KB gzipped to the wasm
/// (docs/decisions.md). JSON's grammar, so no "+1", ".5" or "5."; NaN,
/// infinities and overflows are `None`.
pub fn parse_degrees(text: &str) -> Option<f64> {
    serde_json::from_str(text).ok()
}

/// Degrees as links and messages write them: 7 decimals (about 1 cm, as the
/// feeds give them), without trailing zeros, so 121.5 and not 121.5000000.
pub fn degrees_text(degrees: f64) -> String {
    let mut text = format!("{degrees:.7}");
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    text
}

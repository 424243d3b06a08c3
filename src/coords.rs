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
    let text = degrees_rounded(degrees, 7);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// Degrees rounded to `places` decimals, written by serde_json's number
/// writer: the shortest text that reads back as the same double (121.5, not
/// 121.50000; 25.0 for 25), which for a value rounded to at most 7 decimals
/// is those decimals. serde_json is already in the wasm, where core's float
/// writer (`format!("{:.7}")`) would add about 8 KB gzipped
/// (docs/decisions.md), and it is the writer of the reader
/// [`parse_degrees`] uses. Below 1e-5 in size it writes an exponent
/// ("1e-6"), which that reader reads back; no place in Taiwan is that
/// close to the equator or the prime meridian.
pub fn degrees_rounded(degrees: f64, places: i32) -> String {
    let scale = 10_f64.powi(places);
    let rounded = (degrees * scale).round() / scale;
    // Finite for any finite degrees; NaN or an infinity has no place to write.
    serde_json::Number::from_f64(rounded).map_or_else(|| "NaN".to_owned(), |n| n.to_string())
}

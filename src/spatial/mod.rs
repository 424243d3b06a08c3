//! Geography: coordinates now; the cluster index and the nearest-stock index
//! (issues 4 and 5) live here too. Pure Rust, no browser types.

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
}

/// What the map shows before it knows better: Taiwan's main island and Penghu,
/// as (south-west, north-east).
pub const TAIWAN_VIEW: (LatLng, LatLng) = (
    LatLng {
        lat: 21.85,
        lng: 119.3,
    },
    LatLng {
        lat: 25.35,
        lng: 122.05,
    },
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_positions_that_are_not_on_earth() {
        assert!(LatLng::new(25.04, 121.56).is_some());
        assert!(LatLng::new(-90.0, 180.0).is_some());
        for (lat, lng) in [
            (90.1, 0.0),
            (0.0, -180.5),
            (f64::NAN, 121.0),
            (25.0, f64::INFINITY),
        ] {
            assert_eq!(LatLng::new(lat, lng), None);
        }
    }
}

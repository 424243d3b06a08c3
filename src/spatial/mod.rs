//! Geography: coordinates, the cluster index, and (issue 5) the
//! nearest-stock index. Pure Rust, no browser types.

pub mod cluster;
pub mod kdtree;
pub mod nearest;

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

impl LatLng {
    pub fn in_taiwan(self) -> bool {
        let (sw, ne) = TAIWAN_BOUNDS;
        (sw.lat..=ne.lat).contains(&self.lat) && (sw.lng..=ne.lng).contains(&self.lng)
    }
}

/// All of Web Mercator's world, as (south-west, north-east).
pub const WORLD: (LatLng, LatLng) = (
    LatLng {
        lat: -85.0,
        lng: -180.0,
    },
    LatLng {
        lat: 85.0,
        lng: 180.0,
    },
);

/// What the map shows before it knows better: Taiwan with Penghu, Kinmen
/// and Matsu, as (south-west, north-east).
pub const TAIWAN_VIEW: (LatLng, LatLng) = (
    LatLng {
        lat: 21.85,
        lng: 118.2,
    },
    LatLng {
        lat: 26.4,
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

    #[test]
    fn taiwan_includes_its_outlying_islands() {
        // 金門縣立醫院, 連江縣立醫院 (南竿), 澎湖 馬公, 蘭嶼.
        for (lat, lng) in [
            (24.4359, 118.3186),
            (26.1560, 119.9380),
            (23.5655, 119.5793),
            (22.0440, 121.5480),
        ] {
            assert!(LatLng::new(lat, lng).unwrap().in_taiwan(), "{lat},{lng}");
        }
        // Swapped Taipei, "unknown" [0, 0], Tokyo, Hong Kong.
        for (lat, lng) in [(121.5, 25.0), (0.0, 0.0), (35.68, 139.69), (22.3, 114.17)] {
            assert!(!LatLng { lat, lng }.in_taiwan(), "{lat},{lng}");
        }
    }
}

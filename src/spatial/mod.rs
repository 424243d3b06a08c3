//! The spatial indexes: clusters for the map and the nearest-stock index.
//! Pure Rust, no browser types. Coordinates themselves are [`crate::coords`].

pub mod answer;
pub mod cluster;
pub mod kdtree;
pub mod nearest;

use crate::coords::LatLng;

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

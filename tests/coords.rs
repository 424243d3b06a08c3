//! Positions and distances (`src/coords.rs`), with real places from the
//! feeds in ../shared/data.

use mask_map::coords::{distance_m, LatLng};

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

#[test]
fn distances_are_great_circle_metres() {
    let taipei = LatLng::new(25.0478, 121.517).unwrap();
    let kinmen = LatLng::new(24.4359, 118.3186).unwrap();
    let d = distance_m(taipei, kinmen);
    assert_eq!(distance_m(kinmen, taipei), d);
    assert_eq!(distance_m(taipei, taipei), 0.0);
    // One minute of latitude is a nautical mile (1852 m) to within 0.5 %.
    let north = LatLng::new(25.0478 + 1.0 / 60.0, 121.517).unwrap();
    assert!((distance_m(taipei, north) - 1852.0).abs() < 10.0);
    // Taipei to Kinmen is about 330 km across the strait.
    assert!((320_000.0..340_000.0).contains(&d), "{d}");
}

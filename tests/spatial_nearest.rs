//! The nearest-stock index against a brute-force haversine scan (written
//! here, independently of `geo`), on real data: the 2020-03-03 NHIA mask CSV
//! placed by the registry in ../shared/data, with its real adult and child
//! stock, from many places across Taiwan, Kinmen, Matsu and Penghu. The
//! index kept for an inventory is checked against one rebuilt for each
//! query from the filtered pharmacies (how the panel asked before).

mod common;

use common::read_shared;
use std::sync::Arc;

use mask_map::coords::LatLng;
use mask_map::feed::{self, Filters, Inventory, Product, Registry};
use mask_map::spatial::nearest::{Nearby, NearestIndex, StockIndex, USEFUL_RADIUS_M};
use mask_map::time::TaipeiDateTime;

fn inventory() -> Inventory {
    let mut inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    inventory
        .join(&Registry::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json")).unwrap());
    inventory
}

/// Located pharmacies with stock of `product`, as (place, code).
fn stocked(inventory: &Inventory, product: Product) -> Vec<(LatLng, String)> {
    inventory
        .located()
        .filter(|(p, _)| p.has_stock(Some(product)))
        .map(|(p, at)| (at, p.code.clone()))
        .collect()
}

fn haversine_m(a: LatLng, b: LatLng) -> f64 {
    let r = 6_371_008.8_f64;
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lng - a.lng).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

/// Places to ask from: named ones on the outlying islands and a
/// deterministic scatter over Taiwan's bounds (sea included).
fn places() -> Vec<LatLng> {
    let mut places = vec![
        LatLng {
            lat: 24.4359,
            lng: 118.3186,
        }, // 金門
        LatLng {
            lat: 26.1560,
            lng: 119.9380,
        }, // 南竿
        LatLng {
            lat: 26.3670,
            lng: 120.4900,
        }, // 東引
        LatLng {
            lat: 23.5655,
            lng: 119.5793,
        }, // 馬公
        LatLng {
            lat: 22.0440,
            lng: 121.5480,
        }, // 蘭嶼
        LatLng {
            lat: 25.0478,
            lng: 121.5170,
        }, // 臺北車站
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..400 {
        places.push(LatLng {
            lat: 21.8 + 4.7 * next(),
            lng: 118.0 + 4.2 * next(),
        });
    }
    places
}

#[test]
fn nearest_stock_matches_a_brute_force_scan_everywhere() {
    let inventory = inventory();
    for product in [Product::Adult, Product::Child] {
        let points = stocked(&inventory, product);
        assert!(points.len() > 4000, "{product:?}: {}", points.len());
        let index = NearestIndex::new(points.clone());
        for from in places() {
            let mut scan: Vec<(f64, &str)> = points
                .iter()
                .map(|(at, code)| (haversine_m(from, *at), code.as_str()))
                .collect();
            scan.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
            let found = index.nearest(from, 5);
            assert_eq!(found.len(), 5);
            for (got, want) in found.iter().zip(&scan) {
                assert_eq!(points[got.index].1, want.1, "{product:?} from {from:?}");
                assert!(
                    (got.metres - want.0).abs() < 0.01,
                    "{} vs {}",
                    got.metres,
                    want.0
                );
            }
        }
    }
}

#[test]
fn few_points_and_far_places_still_get_exact_answers() {
    let inventory = inventory();
    let points: Vec<(LatLng, String)> = stocked(&inventory, Product::Adult)
        .into_iter()
        .take(3)
        .collect();
    let index = NearestIndex::new(points.clone());
    // From Tokyo: far beyond every first guess; asking for more than there are.
    let tokyo = LatLng {
        lat: 35.68,
        lng: 139.69,
    };
    let found = index.nearest(tokyo, 10);
    assert_eq!(found.len(), 3);
    let mut scan: Vec<f64> = points
        .iter()
        .map(|(at, _)| haversine_m(tokyo, *at))
        .collect();
    scan.sort_by(f64::total_cmp);
    for (got, want) in found.iter().zip(&scan) {
        assert!((got.metres - want).abs() < 0.01);
    }
    assert!(NearestIndex::new(Vec::new()).nearest(tokyo, 5).is_empty());
}

/// The feed's own time: some pharmacies open, some closed.
fn feed_time() -> TaipeiDateTime {
    TaipeiDateTime::parse_feed("2020/03/03 11:23:40").unwrap()
}

const TAIPEI_STATION: LatLng = LatLng {
    lat: 25.0478,
    lng: 121.5170,
};

#[test]
fn nearest_stock_applies_the_filters_and_says_when_nothing_is_near() {
    let inventory = Arc::new(inventory());
    let index = StockIndex::new(inventory.clone());
    let now = feed_time();
    let answer = index.nearest_stock(
        Some(Product::Child),
        &Filters::default(),
        TAIPEI_STATION,
        5,
        now,
    );
    assert!(!answer.none_within_reach);
    let mut scan: Vec<(f64, &str)> = inventory
        .located()
        .filter(|(p, _)| p.stock.child.unwrap_or(0) > 0)
        .map(|(p, at)| (haversine_m(TAIPEI_STATION, at), p.code.as_str()))
        .collect();
    scan.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    let codes: Vec<&str> = answer
        .items
        .iter()
        .map(|n| inventory.pharmacies[n.index].code.as_str())
        .collect();
    assert_eq!(codes, scan[..5].iter().map(|s| s.1).collect::<Vec<_>>());

    // Restricted to 連江縣 (Matsu) and asked from 臺北車站: nothing within 20 km.
    let matsu = Filters {
        county: Some("連江縣".into()),
        ..Filters::default()
    };
    let far = index.nearest_stock(Some(Product::Child), &matsu, TAIPEI_STATION, 5, now);
    assert!(far.none_within_reach);
    assert!(!far.items.is_empty() && far.items[0].metres > USEFUL_RADIUS_M);
    assert!(far
        .items
        .iter()
        .all(|n| inventory.pharmacies[n.index].county == Some("連江縣")));
}

/// The answer as the panel computed it before the index was kept: an index
/// of the pharmacies that pass, built for this one query.
fn rebuilt(
    inventory: &Inventory,
    product: Option<Product>,
    filters: &Filters,
    from: LatLng,
    k: usize,
    now: TaipeiDateTime,
) -> Vec<Nearby> {
    let (pharmacy_of, points): (Vec<usize>, Vec<(LatLng, String)>) = inventory
        .pharmacies
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_stock(product) && filters.admits(p, product, now))
        .filter_map(|(i, p)| Some((i, (p.location?, p.code.clone()))))
        .unzip();
    NearestIndex::new(points)
        .nearest(from, k)
        .into_iter()
        .map(|n| Nearby {
            index: pharmacy_of[n.index],
            metres: n.metres,
        })
        .collect()
}

#[test]
fn a_kept_index_answers_as_one_rebuilt_for_each_query() {
    let inventory = Arc::new(inventory());
    let kept = StockIndex::new(inventory.clone());
    let now = feed_time();
    let county = |c: &str| Filters {
        county: Some(c.into()),
        ..Filters::default()
    };
    let filters = [
        Filters::default(),
        Filters {
            only_in_stock: true,
            only_open_now: true,
            ..Filters::default()
        },
        county("臺北市"),
        county("澎湖縣"),
        // Matsu's few pharmacies, asked from everywhere: the widest searches.
        county("連江縣"),
        Filters {
            town: Some("中正區".into()),
            ..county("臺北市")
        },
        // No pharmacy passes.
        county("東京都"),
    ];
    let mut compared = 0;
    for product in [Some(Product::Adult), Some(Product::Child), None] {
        for filters in &filters {
            // The named places, and every tenth of the scatter.
            let some = places()
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i < &6 || i % 10 == 0);
            for (n, (_, from)) in some.enumerate() {
                let k = [1, 5, 20][n % 3];
                let want = rebuilt(&inventory, product, filters, from, k, now);
                let got = kept.nearest_stock(product, filters, from, k, now);
                assert_eq!(
                    got.items, want,
                    "{product:?} {filters:?} from {from:?}, k {k}"
                );
                assert_eq!(
                    got.none_within_reach,
                    want.first().is_none_or(|n| n.metres > USEFUL_RADIUS_M)
                );
                compared += usize::from(!want.is_empty());
            }
        }
    }
    // Most queries have an answer (all but the empty product and county).
    assert!(compared > 400, "{compared}");
}

//! Freshness per pharmacy: a row whose own time lags the feed's newest by an
//! hour or more is lagging, and the nearest list puts it after every fresh
//! pharmacy at most 200 m farther. On the real 2020-03-03 NHIA snapshot in
//! ../shared/data placed by its registry, with some rows' times set back
//! (the real files carry one time for every row).

mod common;

use std::sync::Arc;

use common::read_shared;
use mask_map::coords::{distance_m, LatLng};
use mask_map::feed::{self, Filters, Inventory, Product, Registry};
use mask_map::spatial::nearest::{StockIndex, LAGGING_DETOUR_M};
use mask_map::time::TaipeiDateTime;

fn inventory() -> Inventory {
    let mut inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    inventory
        .join(&Registry::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json")).unwrap());
    inventory
}

fn minutes_before(at: TaipeiDateTime, minutes: i64) -> TaipeiDateTime {
    TaipeiDateTime::from_unix_seconds(at.unix_seconds() - minutes * 60)
}

#[test]
fn a_row_an_hour_behind_the_feed_is_lagging() {
    let mut inventory = inventory();
    let as_of = inventory.as_of.unwrap();
    // The real file: every row has the file's one time.
    assert!(inventory
        .pharmacies
        .iter()
        .all(|p| !p.lagging(inventory.as_of)));
    let p = &mut inventory.pharmacies[0];
    p.updated = Some(minutes_before(as_of, 59));
    assert!(!p.lagging(Some(as_of)));
    assert_eq!(p.lagging_since(Some(as_of)), None);
    p.updated = Some(minutes_before(as_of, 60));
    assert!(p.lagging(Some(as_of)));
    // What the mark says: the row's own time.
    assert_eq!(p.lagging_since(Some(as_of)), p.updated);
    // A feed without row times, or a row without one, lags nowhere.
    assert!(!p.lagging(None));
    p.updated = None;
    assert!(!p.lagging(Some(as_of)));
}

/// Every 5th located pharmacy with adult stock, its row two hours behind.
fn with_lagging_rows(mut inventory: Inventory) -> Inventory {
    let as_of = inventory.as_of.unwrap();
    for p in inventory
        .pharmacies
        .iter_mut()
        .filter(|p| p.location.is_some() && p.has_stock(Some(Product::Adult)))
        .step_by(5)
    {
        p.updated = Some(minutes_before(as_of, 120));
    }
    inventory
}

#[test]
fn the_nearest_list_puts_a_lagging_row_after_fresh_ones_up_to_200_m_farther() {
    let inventory = Arc::new(with_lagging_rows(inventory()));
    let index = StockIndex::new(inventory.clone());
    let as_of = inventory.as_of.unwrap();
    let places = [
        LatLng {
            lat: 25.0478,
            lng: 121.5170,
        }, // 臺北車站
        LatLng {
            lat: 25.0336,
            lng: 121.5648,
        }, // 台北 101
        LatLng {
            lat: 22.6273,
            lng: 120.3014,
        }, // 高雄
        LatLng {
            lat: 24.1477,
            lng: 120.6736,
        }, // 臺中
        LatLng {
            lat: 23.9769,
            lng: 121.6044,
        }, // 花蓮
    ];
    let mut moved = 0;
    for from in places {
        for k in [1, 5, 10] {
            // By hand: distance plus 200 m for a lagging row, a fresh one
            // first on a tie, then distance and code.
            let mut all: Vec<(f64, bool, f64, &str)> = inventory
                .located()
                .filter(|(p, _)| p.has_stock(Some(Product::Adult)))
                .map(|(p, at)| {
                    let metres = distance_m(from, at);
                    let lagging = p.lagging(Some(as_of));
                    let rank = metres + if lagging { LAGGING_DETOUR_M } else { 0.0 };
                    (rank, lagging, metres, p.code.as_str())
                })
                .collect();
            all.sort_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.cmp(&b.1))
                    .then(a.2.total_cmp(&b.2))
                    .then(a.3.cmp(b.3))
            });
            let want: Vec<&str> = all[..k].iter().map(|a| a.3).collect();
            let answer =
                index.nearest_stock(Some(Product::Adult), &Filters::default(), from, k, as_of);
            let got: Vec<&str> = answer
                .items
                .iter()
                .map(|n| inventory.pharmacies[n.index].code.as_str())
                .collect();
            assert_eq!(got, want, "from {from:?}, k = {k}");
            // The distances shown stay the true ones.
            for n in &answer.items {
                let at = inventory.pharmacies[n.index].location.unwrap();
                assert!((n.metres - distance_m(from, at)).abs() < 1e-6);
            }
            // Not simply nearest first somewhere, or this tests nothing.
            moved += usize::from(answer.items.windows(2).any(|w| w[0].metres > w[1].metres));
        }
    }
    assert!(moved > 0);
}

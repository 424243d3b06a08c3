//! The one-answer card's pick: the nearest pharmacy open now, with stock
//! and fresh, within 20 km; else why not. On the real kiang feed of
//! 2021-02-28 in ../shared/data (opening periods and a time per row),
//! against a plain scan of every pharmacy, with rows set back or hours
//! closed where a case needs them.

mod common;

use std::sync::Arc;

use common::read_shared;
use mask_map::coords::{distance_m, LatLng};
use mask_map::feed::{self, Filters, Inventory, OpeningPeriods, Pharmacy, Product};
use mask_map::spatial::answer::Pick;
use mask_map::spatial::nearest::{StockIndex, USEFUL_RADIUS_M};
use mask_map::time::TaipeiDateTime;

const TAIPEI_STATION: LatLng = LatLng {
    lat: 25.0478,
    lng: 121.5170,
};
const KAOHSIUNG: LatLng = LatLng {
    lat: 22.6273,
    lng: 120.3014,
};

fn inventory() -> Inventory {
    feed::parse(&read_shared("points-2021-02-28.json")).unwrap()
}

/// A Wednesday morning in Taipei (every pharmacy's hours say something).
fn wednesday(hour: u8) -> TaipeiDateTime {
    let mut at = TaipeiDateTime::from_unix_seconds(1_614_740_400); // 2021-03-03 11:00
    at.hour = hour;
    at
}

/// The nearest pharmacy `admit` lets through, by a scan of all of them.
fn scanned(
    inventory: &Inventory,
    from: LatLng,
    admit: impl Fn(&Pharmacy) -> bool,
) -> Option<(usize, f64)> {
    inventory
        .pharmacies
        .iter()
        .enumerate()
        .filter(|(_, p)| admit(p))
        .filter_map(|(i, p)| Some((i, distance_m(from, p.location?))))
        .filter(|(_, m)| *m <= USEFUL_RADIUS_M)
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

fn open(p: &Pharmacy, now: TaipeiDateTime) -> bool {
    p.opening.is_none_or(|o| o.open_at(now))
}

#[test]
fn the_card_names_the_nearest_open_fresh_pharmacy_with_stock() {
    let inventory = Arc::new(inventory());
    let index = StockIndex::new(inventory.clone());
    let now = wednesday(11);
    let product = Some(Product::Adult);
    let as_of = inventory.as_of;
    for from in [TAIPEI_STATION, KAOHSIUNG] {
        let Pick::Go(found) = index.one_answer(product, &Filters::default(), from, now) else {
            panic!("a city centre has an open pharmacy with stock");
        };
        let expected = scanned(&inventory, from, |p| {
            p.has_stock(product) && open(p, now) && !p.lagging(as_of)
        })
        .unwrap();
        assert_eq!(found.index, expected.0);
        assert!((found.metres - expected.1).abs() < 1e-6);
        let p = &inventory.pharmacies[found.index];
        assert!(p.has_stock(product) && open(p, now));
    }
}

#[test]
fn a_pharmacy_closed_now_is_passed_over_and_when_all_are_the_card_says_so() {
    let mut inventory = inventory();
    let now = wednesday(11);
    let product = Some(Product::Adult);
    let first = StockIndex::new(Arc::new(inventory.clone()));
    let Pick::Go(nearest) = first.one_answer(product, &Filters::default(), TAIPEI_STATION, now)
    else {
        panic!("Taipei has an open pharmacy with stock");
    };
    // That pharmacy closes on Wednesdays: the next one is named.
    inventory.pharmacies[nearest.index].opening = Some(OpeningPeriods {
        open: [[false; 3]; 7],
    });
    let index = StockIndex::new(Arc::new(inventory.clone()));
    let Pick::Go(next) = index.one_answer(product, &Filters::default(), TAIPEI_STATION, now) else {
        panic!("another one is open");
    };
    assert_ne!(next.index, nearest.index);
    assert!(next.metres >= nearest.metres);
    // At 3 a.m. only those without hours are open: close them too.
    for p in &mut inventory.pharmacies {
        p.opening.get_or_insert(OpeningPeriods {
            open: [[false; 3]; 7],
        });
    }
    let index = StockIndex::new(Arc::new(inventory));
    assert_eq!(
        index.one_answer(product, &Filters::default(), TAIPEI_STATION, wednesday(3)),
        Pick::ClosedNow
    );
}

#[test]
fn where_every_open_count_lags_the_card_names_the_nearest_to_call() {
    let mut inventory = inventory();
    let as_of = inventory.as_of.unwrap();
    let two_hours_earlier = TaipeiDateTime::from_unix_seconds(as_of.unix_seconds() - 7200);
    for p in &mut inventory.pharmacies {
        p.updated = Some(two_hours_earlier);
    }
    // One row keeps the feed's time, so the feed's newest stays as_of.
    inventory.pharmacies.last_mut().unwrap().location = None;
    inventory.pharmacies.last_mut().unwrap().updated = Some(as_of);
    let inventory = Arc::new(inventory);
    let index = StockIndex::new(inventory.clone());
    let now = wednesday(11);
    let product = Some(Product::Adult);
    let Pick::OnlyLagging(found) =
        index.one_answer(product, &Filters::default(), TAIPEI_STATION, now)
    else {
        panic!("every located row lags");
    };
    let expected = scanned(&inventory, TAIPEI_STATION, |p| {
        p.has_stock(product) && open(p, now)
    });
    assert_eq!(Some(found.index), expected.map(|e| e.0));
}

#[test]
fn far_from_any_stock_the_card_says_none_within_reach() {
    let inventory = Arc::new(inventory());
    let index = StockIndex::new(inventory);
    // Pratas Island: Taiwanese, 400 km from the nearest pharmacy.
    let pratas = LatLng {
        lat: 20.7,
        lng: 116.72,
    };
    assert_eq!(
        index.one_answer(
            Some(Product::Adult),
            &Filters::default(),
            pratas,
            wednesday(11)
        ),
        Pick::NoStockInReach
    );
}

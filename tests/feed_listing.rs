//! The list's stepped order and matching (feed::listing) against a plain
//! std sort of the matching pharmacies, on the real 2020-03-03 NHIA mask CSV
//! (`maskdata-2020-03-03.csv`) joined with the registry
//! `alt-geojson-masksLeft-2020-08-01.json`, and on that snapshot repeated to
//! 200,000 pharmacies.

mod common;

use std::sync::Arc;

use common::read_shared;
use mask_map::coords::{distance_m, LatLng};
use mask_map::feed::listing::{ListQuery, Lister, StepSort};
use mask_map::feed::{self, Filters, Inventory, Registry, Search};
use mask_map::time::TaipeiDateTime;

/// 台北 101, the benchmarks' reference place.
const TAIPEI_101: LatLng = LatLng {
    lat: 25.0336,
    lng: 121.5648,
};

fn real() -> Inventory {
    let mut inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    inventory
        .join(&Registry::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json")).unwrap());
    inventory
}

/// The real snapshot repeated to `n` pharmacies, as the benchmark makes it:
/// fresh codes, and from the second copy on each place moved by up to
/// ±500 m (the first copies keep theirs, so some distances tie).
fn repeated(n: usize) -> Inventory {
    let mut inventory = real();
    let base = std::mem::take(&mut inventory.pharmacies);
    inventory.pharmacies = (0..n)
        .map(|i| {
            let k = (i / base.len()) as f64;
            let mut p = base[i % base.len()].clone();
            p.code = format!("{}", 9_000_000_000u64 + i as u64);
            p.location = p.location.map(|at| LatLng {
                lat: at.lat + ((k * 104_729.0) % 1000.0 - 500.0) * 1e-5 * k.min(1.0),
                lng: at.lng + ((k * 7919.0) % 1000.0 - 500.0) * 1e-5 * k.min(1.0),
            });
            p
        })
        .collect();
    inventory
}

/// The list as it was computed in one go before (src/ui/list.rs): the
/// matching pharmacies, nearest first when there is a place, then by county,
/// town and name, by std's stable sort.
fn plain_sort(inventory: &Inventory, query: &ListQuery) -> Vec<u32> {
    let search = Search::new(&query.search);
    let mut matching: Vec<(usize, Option<f64>)> = inventory
        .pharmacies
        .iter()
        .enumerate()
        .filter(|(_, p)| query.filters.admits(p, query.product, query.now) && search.matches(p))
        .map(|(i, p)| (i, query.from.zip(p.location).map(|(a, b)| distance_m(a, b))))
        .collect();
    let key = |i: usize| {
        let p = &inventory.pharmacies[i];
        (
            p.county.unwrap_or("~"),
            p.town.as_deref().unwrap_or_default(),
            p.name.as_str(),
        )
    };
    matching.sort_by(|a, b| {
        a.1.unwrap_or(f64::INFINITY)
            .total_cmp(&b.1.unwrap_or(f64::INFINITY))
            .then_with(|| key(a.0).cmp(&key(b.0)))
    });
    matching.into_iter().map(|(i, _)| i as u32).collect()
}

fn query(search: &str, from: Option<LatLng>, filters: Filters) -> ListQuery {
    ListQuery {
        filters,
        product: Some(feed::Product::Adult),
        // A Tuesday afternoon: the snapshot's own day.
        now: TaipeiDateTime::parse_feed("2020/03/03 14:00:00").unwrap(),
        search: search.to_owned(),
        from,
    }
}

/// Steps `lister` to its answer, counting the steps.
fn answer(lister: &mut Lister) -> (Vec<u32>, usize) {
    let mut steps = 1;
    while !lister.step() {
        steps += 1;
    }
    (lister.answer().unwrap().to_vec(), steps)
}

#[test]
fn the_stepped_sort_is_std_stable_sort() {
    // Real names, many equal keys (the first character only), so stability shows.
    let inventory = real();
    let first = |i: &u32| inventory.pharmacies[*i as usize].name.chars().next();
    let all = inventory.pharmacies.len() as u32;
    for n in [0, 1, 255, 256, 257, 513, 3000, all] {
        let mut expected: Vec<u32> = (0..n).collect();
        expected.sort_by_key(first);
        let mut sort = StepSort::new((0..n).collect());
        while !sort.step(&|a, b| first(a).cmp(&first(b))) {}
        assert_eq!(sort.sorted(), expected, "{n} items");
    }
}

#[test]
fn the_real_snapshot_lists_as_a_plain_sort_does() {
    let inventory = Arc::new(real());
    let mut lister = Lister::new(inventory.clone());
    let in_stock_taipei = Filters {
        only_in_stock: true,
        county: Some("臺北市".to_owned()),
        ..Filters::default()
    };
    for q in [
        query("", None, Filters::default()),
        query("", Some(TAIPEI_101), Filters::default()),
        query("台北市 大安區", Some(TAIPEI_101), Filters::default()),
        query("光豐路41", None, Filters::default()),
        query("", Some(TAIPEI_101), in_stock_taipei.clone()),
        query("藥局", None, in_stock_taipei),
        query("no such pharmacy", Some(TAIPEI_101), Filters::default()),
    ] {
        lister.ask(q.clone());
        let (listed, _) = answer(&mut lister);
        assert_eq!(listed, plain_sort(&inventory, &q), "{q:?}");
    }
    // Every pharmacy is listed, the unlocated ones last.
    lister.ask(query("", Some(TAIPEI_101), Filters::default()));
    let (all, _) = answer(&mut lister);
    assert_eq!(all.len(), 6588 - inventory.skipped());
    let unlocated = inventory.pharmacies.len() - inventory.located().count();
    assert!(unlocated > 0);
    assert!(all[all.len() - unlocated..]
        .iter()
        .all(|&i| inventory.pharmacies[i as usize].location.is_none()));
}

#[test]
fn typing_on_sifts_the_older_answer_and_a_new_query_drops_the_unfinished_one() {
    let inventory = Arc::new(real());
    let mut lister = Lister::new(inventory.clone());
    let typed = [
        "台",
        "台北",
        "台北市",
        "台北市 大",
        "台北市 大安區",
        "台北",
        "臺北市　大安",
    ];
    for text in typed {
        let q = query(text, Some(TAIPEI_101), Filters::default());
        // A few steps of the older query, then this one asked over it.
        for _ in 0..3 {
            lister.step();
        }
        lister.ask(q.clone());
        let (listed, _) = answer(&mut lister);
        assert_eq!(listed, plain_sort(&inventory, &q), "{text}");
    }
    // A place asked in the middle of building the order by distance.
    let elsewhere = LatLng {
        lat: 22.6273,
        lng: 120.3014,
    };
    lister.ask(query("", Some(TAIPEI_101), Filters::default()));
    for _ in 0..5 {
        lister.step();
    }
    let q = query("", Some(elsewhere), Filters::default());
    lister.ask(q.clone());
    assert_eq!(answer(&mut lister).0, plain_sort(&inventory, &q));
}

#[test]
fn two_hundred_thousand_pharmacies_list_as_a_plain_sort_does_in_small_steps() {
    let inventory = Arc::new(repeated(200_000));
    let mut lister = Lister::new(inventory.clone());
    let queries = [
        query("", None, Filters::default()),
        query("", Some(TAIPEI_101), Filters::default()),
        query("台北市 大安", Some(TAIPEI_101), Filters::default()),
    ];
    for q in queries {
        lister.ask(q.clone());
        let (listed, steps) = answer(&mut lister);
        let expected = plain_sort(&inventory, &q);
        assert_eq!(listed.len(), expected.len(), "{q:?}");
        assert_eq!(listed, expected, "{q:?}");
        // Many small steps, not a few large ones: the browser draws between them.
        assert!(steps > 200_000 / 2048, "{steps} steps for {q:?}");
    }
}

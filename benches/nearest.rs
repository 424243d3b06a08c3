//! Nearest-stock queries, native: our index against a brute-force haversine
//! scan over the same points, for the real located pharmacies with adult
//! stock (2020-03-03 NHIA CSV + registry) and 1,000,000 points derived from
//! them. Prints a table with the ratio.
//!
//!   cargo bench --bench nearest -- DATA_DIR

use std::hint::black_box;
use std::time::Instant;

use mask_map::coords::distance_m;
use mask_map::coords::LatLng;
use mask_map::feed::{self, Product, Registry};
use mask_map::spatial::nearest::NearestIndex;

const K: usize = 5;
const QUERIES: usize = 1000;

fn places() -> Vec<LatLng> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..QUERIES)
        .map(|_| LatLng {
            lat: 21.9 + 3.4 * next(),
            lng: 120.0 + 2.0 * next(),
        })
        .collect()
}

fn brute_force(points: &[(LatLng, String)], from: LatLng) -> Vec<usize> {
    let mut all: Vec<(f64, usize)> = points
        .iter()
        .enumerate()
        .map(|(i, (at, _))| (distance_m(from, *at), i))
        .collect();
    all.select_nth_unstable_by(K, |a, b| a.0.total_cmp(&b.0));
    all.truncate(K);
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    all.into_iter().map(|(_, i)| i).collect()
}

fn main() {
    let data = std::env::args()
        .skip(1)
        .find(|a| a != "--bench")
        .expect("DATA_DIR");
    let read = |name: &str| std::fs::read(format!("{data}/{name}")).unwrap();
    let mut inventory = feed::parse(&read("maskdata-2020-03-03.csv")).unwrap();
    inventory.join(&Registry::parse(&read("alt-geojson-masksLeft-2020-08-01.json")).unwrap());
    let real: Vec<(LatLng, String)> = inventory
        .located()
        .filter(|(p, _)| p.has_stock(Some(Product::Adult)))
        .map(|(p, at)| (at, p.code.clone()))
        .collect();
    let derived: Vec<(LatLng, String)> = (0..1_000_000)
        .map(|i| {
            let (at, code) = &real[i % real.len()];
            let k = (i / real.len()) as f64;
            (
                LatLng {
                    lat: at.lat + ((k * 7.0) % 10.0 - 5.0) * 1e-3,
                    lng: at.lng + ((k * 3.0) % 10.0 - 5.0) * 1e-3,
                },
                format!("{code}-{i}"),
            )
        })
        .collect();
    let places = places();
    println!("\nNearest {K} with stock, mean over {QUERIES} places across Taiwan (native)\n");
    println!("| points | build ms | index µs/query | brute force µs/query | brute / index |");
    println!("|---|---|---|---|---|");
    for (name, points, brute_queries) in [
        ("real pharmacies with adult stock", &real, QUERIES),
        ("1,000,000 derived", &derived, 50),
    ] {
        let start = Instant::now();
        let index = NearestIndex::new(points.clone());
        let build_ms = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        for &from in &places {
            black_box(index.nearest(from, K));
        }
        let index_us = start.elapsed().as_secs_f64() * 1e6 / QUERIES as f64;
        let start = Instant::now();
        for &from in &places[..brute_queries] {
            black_box(brute_force(points, from));
        }
        let brute_us = start.elapsed().as_secs_f64() * 1e6 / brute_queries as f64;
        // The same answers, or the comparison means nothing.
        for &from in &places[..20] {
            let ours: Vec<usize> = index.nearest(from, K).iter().map(|n| n.index).collect();
            assert_eq!(ours.len(), K);
            let theirs = brute_force(points, from);
            for (a, b) in ours.iter().zip(&theirs) {
                assert!(
                    (distance_m(from, points[*a].0) - distance_m(from, points[*b].0)).abs() < 1e-6
                );
            }
        }
        println!(
            "| {name} ({}) | {build_ms:.1} | {index_us:.1} | {brute_us:.1} | {:.0} |",
            points.len(),
            brute_us / index_us
        );
        record_row(&format!("{name} ({})", points.len()), index_us, brute_us);
    }
}

/// A row of the one table `scripts/bench.sh` prints (see scripts/bench-rows.mjs).
fn record_row(figure: &str, index_us: f64, brute_us: f64) {
    use std::io::Write;
    let Ok(path) = std::env::var("BENCH_ROWS") else {
        return;
    };
    let row = format!(
        r#"{{"group":"nearest stock (native)","figure":"{figure}, per query","ours":{index_us},"baseline":{brute_us},"against":"brute force","unit":"µs"}}"#
    );
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .expect("BENCH_ROWS is writable");
    writeln!(file, "{row}").expect("BENCH_ROWS is writable");
}

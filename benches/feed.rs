//! Native feed-parsing figures for `scripts/bench.sh`: median time over runs
//! and peak heap (a counting allocator) for each dataset. Prints one JSON
//! line per dataset; the script compares them with the browser's.
//!
//!   cargo bench --bench feed -- DATA_DIR DERIVED_CSV

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use mask_map::feed::{self, Registry};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const RUNS: usize = 9;

/// Median milliseconds over [`RUNS`] and the peak heap above the start, in bytes.
fn measure(run: impl Fn() -> usize) -> (f64, usize, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut result = 0;
    PEAK.store(CURRENT.load(Ordering::Relaxed), Ordering::Relaxed);
    let base = CURRENT.load(Ordering::Relaxed);
    for _ in 0..RUNS {
        let start = Instant::now();
        result = black_box(run());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], PEAK.load(Ordering::Relaxed) - base, result)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [data, derived] = [&args[0], &args[1]];
    let read = |path: String| std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let csv = read(format!("{data}/maskdata-2020-03-03.csv"));
    let registry = read(format!("{data}/alt-geojson-masksLeft-2020-08-01.json"));
    let rapid = read(format!("{data}/rapidtest-2022-04-28.csv"));
    let derived = read(derived.clone());

    let joined = || {
        let mut inventory = feed::parse(&csv).unwrap();
        inventory.join(&Registry::parse(&registry).unwrap());
        inventory.located().count()
    };
    let parsed = |bytes: &[u8]| feed::parse(bytes).map_or(0, |i| i.pharmacies.len());
    for (name, (ms, peak, result)) in [
        ("maskdata 2020-03-03 + registry join", measure(joined)),
        ("rapid-test CSV 2022-04-28", measure(|| parsed(&rapid))),
        (
            "100,000 rows derived from maskdata",
            measure(|| parsed(&derived)),
        ),
    ] {
        println!(r#"{{"name":"{name}","ms":{ms:.3},"peak_bytes":{peak},"result":{result}}}"#);
    }
}

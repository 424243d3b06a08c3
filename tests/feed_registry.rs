//! The compact registry (`code,lng,lat`, derived from the real findmasks-shape
//! registry `../shared/data/alt-geojson-masksLeft-2020-08-01.json` here, as
//! scripts/serve.mjs derives it) places every pharmacy exactly where the
//! GeoJSON does, in a fraction of the bytes.

mod common;

use common::{read_json, read_shared};
use mask_map::feed::{self, Registry};

const REGISTRY: &str = "alt-geojson-masksLeft-2020-08-01.json";

/// `code,lng,lat` lines from the GeoJSON, coordinates written as JSON wrote them.
fn compact() -> String {
    let doc = read_json(REGISTRY);
    let mut out = String::from("code,lng,lat\n");
    for f in doc["features"].as_array().unwrap() {
        let id = match &f["properties"]["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let c = &f["geometry"]["coordinates"];
        out.push_str(&format!("{id},{},{}\n", c[0], c[1]));
    }
    out
}

#[test]
fn the_compact_registry_equals_the_geojson_it_came_from() {
    let full = Registry::parse(&read_shared(REGISTRY)).unwrap();
    let text = compact();
    let small = Registry::parse(text.as_bytes()).unwrap();
    assert_eq!(small, full);
    assert!(full.len() > 5000);
    assert!(
        text.len() * 5 < read_shared(REGISTRY).len(),
        "{} bytes",
        text.len()
    );

    // Joined to the 2020-03-03 NHIA CSV, both place the same pharmacies.
    let csv = read_shared("maskdata-2020-03-03.csv");
    let mut a = feed::parse(&csv).unwrap();
    let mut b = feed::parse(&csv).unwrap();
    assert_eq!(a.join(&full), b.join(&small));
    assert_eq!(a.pharmacies, b.pharmacies);
}

#[test]
fn a_compact_registry_with_bad_lines_keeps_the_good_ones() {
    let text = compact();
    let mut lines: Vec<&str> = text.lines().collect();
    let good = lines.len() - 1;
    lines.insert(2, "1234567890,not-a-number,25.0");
    lines.insert(3, ",121.5,25.0");
    lines.insert(4, "");
    let registry = Registry::parse(lines.join("\r\n").as_bytes()).unwrap();
    assert_eq!(registry, Registry::parse(compact().as_bytes()).unwrap());
    assert!(registry.len() <= good);
    assert!(Registry::parse(b"code,lng,lat\n").is_err());
}

/// The browser reads the registry some lines at a time (a task boundary
/// between slices): any slicing gives the registry of one pass, for the
/// compact file (with and without bad lines) and the GeoJSON it came from.
#[test]
fn reading_the_registry_in_slices_gives_the_same_registry_as_one_pass() {
    let text = compact();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(5, "1234567890,not-a-number,25.0");
    lines.insert(9, "");
    let mangled = lines.join("\r\n");
    let geojson = read_shared(REGISTRY);
    for bytes in [text.as_bytes(), mangled.as_bytes(), &geojson] {
        let whole = Registry::parse(bytes).unwrap();
        for lines in [1, 7, 500, 10_000] {
            let mut sliced = feed::RegistryParse::new(bytes);
            let mut steps = 0;
            while sliced.step(lines) {
                steps += 1;
            }
            assert_eq!(sliced.finish().unwrap(), whole, "in slices of {lines}");
            if bytes.starts_with(b"code") {
                assert!(steps >= whole.len() / lines, "{steps} slices of {lines}");
            }
        }
    }
}

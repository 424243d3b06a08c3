//! Access to the real feed snapshots in `../shared/data` (see its SOURCES.md).
//! `MASK_MAP_DATA` points elsewhere. A missing folder fails the test: these
//! tests are only worth something on real data.
// Each test crate uses a part of this module.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn data_dir() -> PathBuf {
    std::env::var_os("MASK_MAP_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

pub fn read_shared(name: &str) -> Vec<u8> {
    let path = data_dir().join(name);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("real data file {} is needed: {e}", path.display()))
}

pub fn read_json(name: &str) -> serde_json::Value {
    serde_json::from_slice(&read_shared(name)).expect("the shared snapshot is valid JSON")
}

/// Pharmacies the parser says have at least one unit of `product`.
pub fn with_stock(
    inventory: &mask_map::feed::Inventory,
    product: mask_map::feed::Product,
) -> usize {
    inventory
        .pharmacies
        .iter()
        .filter(|p| p.has_stock(Some(product)))
        .count()
}

/// `../shared/rules-sources.md`: the rationing timeline and ID rules, with
/// sources, beside the data folder.
pub fn rules_sources() -> String {
    let path = data_dir().join("../rules-sources.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is needed: {e}", path.display()))
}

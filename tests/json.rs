//! The app's JSON reader (src/json.rs) against serde_json, the reference:
//! the same tree from every real JSON file the app reads (../shared/data's
//! GeoJSON snapshots and the app's rules file), and the same verdict on
//! those files mangled.

mod common;
#[path = "common/mutate.rs"]
mod mutate;

use std::sync::LazyLock;

use common::read_shared;
use mask_map::json::{self, Value};
use mask_map::rules::BUNDLED;
use mutate::{apply, config, mutation, Mutation};
use proptest::prelude::*;

/// Our tree as serde_json's: numbers through serde_json's own reading of
/// the text we kept, objects with the last of a repeated key.
fn as_serde(value: &Value<'_>) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(text) => serde_json::from_str(text).expect("a number serde_json reads"),
        Value::String(s) => serde_json::Value::String(s.to_string()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(as_serde).collect()),
        Value::Object(members) => serde_json::Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.to_string(), as_serde(v)))
                .collect(),
        ),
    }
}

static REAL_FILES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    vec![
        read_shared("points-2021-02-28.json"),
        read_shared("alt-geojson-masksLeft-2020-08-01.json"),
        BUNDLED.as_bytes().to_vec(),
    ]
});

#[test]
fn every_real_json_file_reads_as_serde_json_reads_it() {
    for bytes in REAL_FILES.iter() {
        let ours = json::parse_bytes(bytes).expect("real files are JSON");
        let reference: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(as_serde(&ours), reference);
    }
    // kiang's file escapes every `/` (see SOURCES.md): the comparison above
    // covered escapes, not only plain strings.
    let points = String::from_utf8(REAL_FILES[0].clone()).unwrap();
    assert!(points.contains("\\/"));
}

#[test]
fn nesting_is_limited_where_serde_json_limits_it() {
    for depth in 120..=135 {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agree(text.as_bytes());
    }
}

/// Both accept, with the same tree, or both refuse. One difference is by
/// design: serde_json refuses a number beyond f64 (`1e999`); we keep it as
/// written, and it reads as infinite, which no count or coordinate accepts.
fn agree(bytes: &[u8]) {
    let ours = json::parse_bytes(bytes);
    let reference = serde_json::from_slice::<serde_json::Value>(bytes);
    match (&ours, &reference) {
        (Ok(ours), Ok(reference)) => assert_eq!(&as_serde(ours), reference),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
        _ => panic!("ours {ours:?}, serde_json {reference:?}"),
    }
    if let Err(e) = ours {
        // The position is inside the text (or just after it).
        let text = String::from_utf8_lossy(bytes);
        let line = text
            .split('\n')
            .nth(e.line - 1)
            .unwrap_or_else(|| panic!("{e}"));
        assert!(e.column <= line.chars().count() + 1, "{e}");
    }
}

/// Escapes and numbers, on top of what breaks any text.
const JSON_NOISE: &[&[u8]] = &[
    b"\\u00e9",
    b"\\ud83d\\ude37",
    b"\\ud83d",
    b"\\x",
    b"\\",
    b"-0.5e-3",
    b"01",
    b"1.",
    b"[[[[",
    b"true",
    b"\t",
];

fn json_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        mutation(),
        (any::<usize>(), prop::sample::select(JSON_NOISE))
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mangled_real_files_get_serde_jsons_verdict(
        sample in 0usize..3,
        mutations in prop::collection::vec(json_mutation(), 1..6),
    ) {
        agree(&apply(REAL_FILES[sample].clone(), &mutations));
    }

    #[test]
    fn arbitrary_text_gets_serde_jsons_verdict(text in "[\\[\\]{}\",:0-9eE.+\\- a-z\\\\]{0,60}") {
        agree(text.as_bytes());
    }
}

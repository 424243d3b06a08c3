//! Parsers never panic, whatever the bytes: arbitrary input, and real files
//! from ../shared/data mutated the way hurried exports and broken transfers
//! mangle them (truncation, flipped bytes, stray separators and quotes),
//! including a CSV with quoted fields.
//! Bounded by the number of cases, so the test command's time stays fixed;
//! PROPTEST_CASES raises it for a longer hunt.

mod common;
#[path = "common/mutate.rs"]
mod mutate;

use std::sync::LazyLock;

use common::read_shared;
use mask_map::feed::{self, Registry};
use mutate::{apply, config, mutation};
use proptest::prelude::*;

/// Real samples, cut to a few hundred rows so each case stays fast.
static SAMPLES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let head = |name: &str, lines: usize| {
        let text = String::from_utf8(read_shared(name)).unwrap();
        text.split_inclusive('\n')
            .take(lines)
            .collect::<String>()
            .into_bytes()
    };
    vec![
        read_shared("points-2021-02-28.json"),
        head("maskdata-2020-03-03.csv", 300),
        head("maskdata-2020-02-11.csv", 300),
        head("rapidtest-2022-04-28.csv", 300),
        head("alt-geojson-masksLeft-2020-08-01.json", 600),
        quoted(head("rapidtest-2022-04-28.csv", 300)),
    ]
});

/// A CSV sample with its first row's last field quoted, as RFC 4180 writes
/// a note holding a comma, quotes and a line break.
fn quoted(csv: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8(csv).unwrap();
    let first_row_end = text.match_indices("\r\n").nth(1).unwrap().0;
    let note_start = text[..first_row_end].rfind(',').unwrap() + 1;
    let note = &text[note_start..first_row_end];
    format!(
        "{}\"{note}, \"\"{note}\"\"\r\n{note}\"{}",
        &text[..note_start],
        &text[first_row_end..]
    )
    .into_bytes()
}

/// What must hold of any inventory, however mangled its source; and read
/// as it arrives (in pieces of `piece` bytes), the same result.
fn check(bytes: &[u8], piece: usize) {
    let whole = feed::parse(bytes);
    let mut streamed = feed::StreamingParse::new();
    for chunk in bytes.chunks(piece) {
        streamed.push(chunk);
        while streamed.step(3) {}
    }
    assert_eq!(streamed.finish(), whole, "streamed in pieces of {piece}");
    if let Ok(inventory) = whole {
        let mut codes: Vec<&str> = inventory
            .pharmacies
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), before, "codes are unique");
        assert!(inventory
            .pharmacies
            .iter()
            .all(|p| !p.name.trim().is_empty() && !p.code.is_empty()));
        assert!(
            inventory.located().all(|(_, at)| at.in_taiwan()),
            "no point outside Taiwan is mapped"
        );
    }
    let _ = Registry::parse(bytes);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), piece in 1usize..300) {
        check(&bytes, piece);
    }

    #[test]
    fn arbitrary_text_with_a_known_start_never_panics(
        start in prop::sample::select(vec!["醫事機構代碼,", "{\"type\":\"FeatureCollection\",\"features\":[", "\u{feff}醫事機構代碼,醫事機構名稱,"]),
        rest in ".{0,600}",
        piece in 1usize..300,
    ) {
        check(format!("{start}{rest}").as_bytes(), piece);
    }

    #[test]
    fn mutated_real_files_never_panic(
        sample in 0usize..6,
        mutations in prop::collection::vec(mutation(), 1..8),
        piece in 1usize..5000,
    ) {
        check(&apply(SAMPLES[sample].clone(), &mutations), piece);
    }
}

//! Degrees read and written as text (`coords::parse_degrees`, serde_json's
//! number reader, and `coords::degrees_text`) against core's `str::parse`:
//! on every decimal in the real snapshots of ../shared/data, and on random
//! decimals. Core's reader is the reference here; the app doesn't ship it.
#![allow(clippy::disallowed_methods)]

mod common;

use common::{data_dir, read_shared};
use mask_map::coords::{degrees_rounded, degrees_text, parse_degrees};
use proptest::prelude::*;

/// Every decimal with a point written in the real snapshots (coordinates
/// above all): runs of digits with one point, as JSON writes numbers.
fn real_decimals() -> Vec<String> {
    let mut decimals = Vec::new();
    for entry in std::fs::read_dir(data_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !(name.ends_with(".csv") || name.ends_with(".json")) {
            continue;
        }
        let text = String::from_utf8_lossy(&read_shared(&name)).into_owned();
        let mut current = String::new();
        for c in text.chars().chain(['\n']) {
            if c.is_ascii_digit()
                || (c == '.' && !current.contains('.'))
                || (c == '-' && current.is_empty())
            {
                current.push(c);
            } else {
                // "1." and "00.14" (a time) are not numbers to JSON, nor
                // coordinates in a feed.
                let whole = current.trim_start_matches('-').split('.').next().unwrap();
                let point = current.find('.');
                let plain = whole == "0" || !whole.starts_with('0');
                if plain && point.is_some_and(|at| at > 0 && at + 1 < current.len()) {
                    decimals.push(current.clone());
                }
                current.clear();
            }
        }
    }
    decimals
}

#[test]
fn every_real_coordinate_reads_as_core_reads_it_and_writes_back_as_written() {
    let decimals = real_decimals();
    assert!(decimals.len() > 10_000, "{}", decimals.len());
    for text in &decimals {
        let core: f64 = text.parse().unwrap();
        let ours = parse_degrees(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(ours.to_bits(), core.to_bits(), "{text}");
        // A coordinate goes out in a link as it came in (less trailing zeros).
        if text.len() - text.find('.').unwrap() <= 8 {
            assert_eq!(degrees_text(ours), core.to_string(), "{text}");
        }
    }
}

#[test]
fn what_is_not_a_finite_decimal_is_refused() {
    for text in [
        "",
        "-",
        ".",
        "1e",
        "1e+",
        "1.2.3",
        "inf",
        "NaN",
        "infinity",
        "0x10",
        "1,5",
        "1e999",
        "121.5abc",
        "\"121.5\"",
    ] {
        assert_eq!(parse_degrees(text), None, "{text:?}");
    }
    assert_eq!(parse_degrees("25"), Some(25.0));
    assert_eq!(parse_degrees("-121.5e0"), Some(-121.5));
}

#[test]
fn degrees_are_written_with_at_most_seven_decimals_and_no_trailing_zeros() {
    assert_eq!(degrees_text(121.5), "121.5");
    assert_eq!(degrees_text(25.0), "25");
    assert_eq!(degrees_text(25.033_333_333), "25.0333333");
    assert_eq!(degrees_text(-0.000_000_04), "-0");
}

#[test]
fn rounded_degrees_are_the_number_core_writes_without_trailing_zeros() {
    assert_eq!(degrees_rounded(25.03, 5), "25.03");
    assert_eq!(degrees_rounded(121.567_891, 5), "121.56789");
    assert_eq!(degrees_rounded(-121.5, 5), "-121.5");
    assert_eq!(degrees_rounded(25.0, 5), "25.0");
    for degrees in [
        25.03,
        121.56,
        -121.5,
        0.0,
        180.0,
        23.456_785_1,
        22.999_999_96,
    ] {
        for places in [5, 7] {
            let core = format!("{degrees:.places$}", places = places as usize);
            let ours = parse_degrees(&degrees_rounded(degrees, places));
            assert_eq!(ours, Some(core.parse().unwrap()), "{degrees} to {places}");
        }
    }
}

proptest! {
    // No regression files: a failure prints its case.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn short_decimals_read_exactly_as_core_reads_them(
        negative: bool,
        digits in 1u64..1_000_000_000_000_000,
        point in 1usize..16,
        scale in prop::option::of(-22i32..=22),
    ) {
        // digits × 10^scale, up to 15 significant digits (a coordinate has
        // at most 10), written with or without an exponent.
        let digits = digits.to_string();
        let point = point.min(digits.len());
        let mut text = format!("{}{}", if negative { "-" } else { "" }, &digits[..point]);
        if point < digits.len() {
            text.push('.');
            text.push_str(&digits[point..]);
        }
        if let Some(scale) = scale {
            text.push_str(&format!("e{}", scale + (digits.len() - point) as i32));
        }
        let core: f64 = text.parse().unwrap();
        prop_assert_eq!(parse_degrees(&text).map(f64::to_bits), Some(core.to_bits()), "{}", text);
    }

    #[test]
    fn long_decimals_read_close_to_core(text in "-?[1-9][0-9]{0,25}(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,2})?") {
        let core: f64 = text.parse().unwrap();
        let ours = parse_degrees(&text);
        if core.is_finite() && core.abs() > 1e-300 {
            let ours = ours.unwrap_or_else(|| panic!("{text}"));
            prop_assert!(((ours - core) / core).abs() < 1e-14, "{} {} {}", text, ours, core);
        }
    }
}

//! The app's decimal reading and writing (src/number.rs) against core's
//! `str::parse::<f64>` and `format!("{:.N}")`: on every number in the real
//! feed snapshots of ../shared/data, and on random decimals.

mod common;

use common::{data_dir, read_shared};
use mask_map::number::{fixed, parse, trimmed};
use proptest::prelude::*;

/// Every decimal number written in the real snapshots (coordinates, counts,
/// codes, dates' parts): runs of digits with at most one point.
fn real_numbers() -> Vec<String> {
    let mut numbers = Vec::new();
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
                if current.bytes().any(|b| b.is_ascii_digit()) {
                    numbers.push(current.trim_end_matches('.').to_owned());
                }
                current.clear();
            }
        }
    }
    numbers
}

/// `fixed` writes core's text, except where the value sits on (or within
/// a rounding error of) a tie at that precision, where it may round the
/// other way: then it is one unit in the last place off, never more.
fn writes_as_core_does(x: f64, decimals: usize) {
    let ours = fixed(x, decimals);
    let core = format!("{x:.decimals$}");
    if ours != core {
        let scaled = x.abs() * 10f64.powi(decimals as i32);
        let off_tie = (scaled.fract() - 0.5).abs();
        assert!(off_tie < 1e-6, "{x} at {decimals}: {ours} vs {core}");
        let unit = 10f64.powi(-(decimals as i32));
        let gap = (parse(&ours).unwrap() - core.parse::<f64>().unwrap()).abs();
        assert!(
            gap <= unit * 1.000_001,
            "{x} at {decimals}: {ours} vs {core}"
        );
    }
}

#[test]
fn every_number_in_the_real_feeds_reads_and_writes_as_core_does() {
    let numbers = real_numbers();
    assert!(numbers.len() > 100_000, "{}", numbers.len());
    let mut coordinates = 0;
    for text in &numbers {
        let core: f64 = text.parse().unwrap();
        let ours = parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(ours.to_bits(), core.to_bits(), "{text}");
        if text.contains('.') {
            coordinates += 1;
            for decimals in [1, 5, 7] {
                writes_as_core_does(core, decimals);
            }
            // A coordinate goes out in a link as it came in.
            let written = trimmed(core, 7);
            assert_eq!(written, core.to_string(), "{text}");
        }
    }
    assert!(coordinates > 10_000, "{coordinates}");
}

#[test]
fn what_is_not_a_plain_decimal_is_refused() {
    for text in [
        "", "-", ".", "1e", "1e+", "1.2.3", "inf", "NaN", "infinity", "0x10", "1,5", " 1", "1 ",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
    assert_eq!(parse("1e999"), Some(f64::INFINITY));
    assert_eq!(parse("-1e-999"), Some(-0.0));
    assert_eq!(fixed(f64::NAN, 1), "NaN");
    assert_eq!(trimmed(121.5, 7), "121.5");
    assert_eq!(trimmed(25.0, 7), "25");
    assert_eq!(fixed(-0.04, 1), "-0.0");
    assert_eq!(fixed(9.96, 1), "10.0");
    assert_eq!(fixed(-121.564_999_9, 5), "-121.56500");
}

proptest! {
    // No regression files: a failure prints its case.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn short_decimals_read_exactly_as_core_reads_them(
        negative: bool,
        digits in 1u64..1_000_000_000_000_000,
        point in 0usize..16,
        scale in prop::option::of(-22i32..=22),
    ) {
        // The value is digits × 10^scale: written with the exponent that
        // gives that scale, or with none (then the scale is minus the digits
        // after the point, at most 16).
        let digits = digits.to_string();
        let point = point.min(digits.len());
        let mut text = format!("{}{}.{}", if negative { "-" } else { "" }, &digits[..point], &digits[point..]);
        if let Some(scale) = scale {
            text.push_str(&format!("e{}", scale + (digits.len() - point) as i32));
        }
        let core: f64 = text.parse().unwrap();
        prop_assert_eq!(parse(&text).map(f64::to_bits), Some(core.to_bits()), "{}", text);
    }

    #[test]
    fn long_or_odd_decimals_read_close_to_core(text in "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?") {
        let core = text.parse::<f64>().ok();
        let ours = parse(&text);
        prop_assert_eq!(ours.is_some(), core.is_some(), "{}", text);
        if let (Some(ours), Some(core)) = (ours, core) {
            if core.is_finite() && core != 0.0 && core.abs() > 1e-300 {
                prop_assert!(((ours - core) / core).abs() < 1e-14, "{} {} {}", text, ours, core);
            }
        }
    }

    #[test]
    fn fixed_writes_as_core_does(x in -200.0f64..200.0, decimals in 0usize..8) {
        writes_as_core_does(x, decimals);
    }
}

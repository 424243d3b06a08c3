//! Search on the real 2020-03-03 NHIA mask CSV, whose addresses use
//! full-width digits and 台 or 臺 as their writers pleased.

mod common;

use common::read_shared;
use mask_map::feed::{self, Search};

#[test]
fn a_half_width_fragment_finds_a_full_width_address() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    // Checked by hand in the raw file: 0145080011 衛生福利部花蓮醫院豐濱原住民分院,
    // 花蓮縣豐濱鄉豐濱村光豐路４１號 (full-width ４１).
    let found: Vec<&str> = inventory
        .pharmacies
        .iter()
        .filter(|p| Search::new("光豐路41").matches(p))
        .map(|p| p.code.as_str())
        .collect();
    assert!(found.contains(&"0145080011"), "{found:?}");
    // Every match really contains the words once folded, and 台/臺 find the same set.
    let tai = inventory
        .pharmacies
        .iter()
        .filter(|p| Search::new("台北市 大安區").matches(p))
        .count();
    let tai2 = inventory
        .pharmacies
        .iter()
        .filter(|p| Search::new("臺北市 大安區").matches(p))
        .count();
    assert_eq!(tai, tai2);
    let raw = String::from_utf8(read_shared("maskdata-2020-03-03.csv")).unwrap();
    let expected = raw
        .lines()
        .skip(1)
        .filter(|l| {
            let address = l.split(',').nth(2).unwrap_or("");
            (address.contains("台北市") || address.contains("臺北市")) && address.contains("大安區")
        })
        .count();
    assert_eq!(tai, expected);
    // A code, in any case.
    assert_eq!(
        inventory
            .pharmacies
            .iter()
            .filter(|p| Search::new("0145080011").matches(p))
            .count(),
        1
    );
}

#[test]
// Unicode's lower case as the reference (clippy.toml keeps it out of the app).
#[allow(clippy::disallowed_methods)]
fn folding_ascii_case_only_is_full_case_folding_on_every_real_snapshot() {
    // fold() lowers ASCII letters only; on the real feeds that must be the
    // same as Unicode lower-casing after the full-width fold.
    for name in [
        "maskdata-2020-02-11.csv",
        "maskdata-2020-02-14.csv",
        "maskdata-2020-03-03.csv",
        "maskdata-2020-03-08.csv",
        "maskdata-2020-05-28.csv",
        "rapidtest-2022-04-28.csv",
        "points-2021-02-28.json",
        "alt-geojson-masksLeft-2020-08-01.json",
    ] {
        let inventory = feed::parse(&read_shared(name)).unwrap();
        for p in &inventory.pharmacies {
            for text in [&p.name, &p.address, &p.code] {
                let folded = feed::fold(text);
                assert_eq!(folded, folded.to_lowercase(), "{name}: {text}");
            }
        }
    }
}

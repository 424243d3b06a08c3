//! The NHIA CSV feeds and the registry join, on the real files in
//! ../shared/data: the five maskdata.csv snapshots of 2020 and the rapid-test
//! Fstdata.csv of 2022-04-28. Expected figures are computed here from the raw
//! text with a plain split (the files use no quoting), independently of the
//! parser, and cross-checked with the counts SOURCES.md records.
// Core's `str::parse` reads the reference figures; tests never ship.
#![allow(clippy::disallowed_methods)]

mod common;

use std::collections::HashSet;

use common::{read_json, read_shared, with_stock};
use mask_map::feed::{
    self, FeedError, FeedFormat, Inventory, Product, Registry, RowProblem, COUNTIES,
};
use mask_map::time::TaipeiDateTime;

const REGISTRY: &str = "alt-geojson-masksLeft-2020-08-01.json";
const RAPID_TEST: &str = "rapidtest-2022-04-28.csv";

/// The data rows of a CSV file as plain split fields.
fn raw_rows(name: &str) -> Vec<Vec<String>> {
    let text = String::from_utf8(read_shared(name)).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

fn positive(rows: &[Vec<String>], column: usize) -> usize {
    rows.iter()
        .filter(|r| r[column].trim().parse::<u32>().unwrap_or(0) > 0)
        .count()
}

fn parse(name: &str) -> Inventory {
    feed::parse(&read_shared(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[test]
fn every_mask_csv_snapshot_loads_with_the_recorded_counts() {
    // SOURCES.md: rows, adult>0, child>0, and the file's one timestamp.
    for (name, rows, adult, child, stamp) in [
        (
            "maskdata-2020-02-11.csv",
            6179,
            3658,
            6137,
            "2020/02/11 15:48:40",
        ),
        (
            "maskdata-2020-02-14.csv",
            6139,
            3970,
            6089,
            "2020/02/14 09:25:35",
        ),
        (
            "maskdata-2020-03-03.csv",
            6588,
            5370,
            6578,
            "2020/03/03 11:23:40",
        ),
        (
            "maskdata-2020-03-08.csv",
            6339,
            3428,
            6259,
            "2020/03/08 14:49:43",
        ),
        (
            "maskdata-2020-05-28.csv",
            6043,
            5464,
            5654,
            "2020/05/28 21:47:23",
        ),
    ] {
        let raw = raw_rows(name);
        let inventory = parse(name);
        assert_eq!(inventory.format, FeedFormat::NhiaMaskCsv, "{name}");
        assert_eq!(
            (raw.len(), positive(&raw, 4), positive(&raw, 5)),
            (rows, adult, child),
            "{name}: raw file vs SOURCES.md"
        );
        let codes: HashSet<&str> = raw.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            inventory.pharmacies.len(),
            codes.len(),
            "{name}: one pharmacy per distinct code"
        );
        assert_eq!(
            inventory.skipped(),
            raw.len() - codes.len(),
            "{name}: only duplicates are skipped"
        );
        assert_eq!(with_stock(&inventory, Product::Adult), adult, "{name}");
        assert_eq!(with_stock(&inventory, Product::Child), child, "{name}");
        assert_eq!(inventory.as_of, TaipeiDateTime::parse_feed(stamp), "{name}");
        assert_eq!(
            inventory.located().count(),
            0,
            "{name}: maskdata.csv has no coordinates"
        );
        assert_eq!(inventory.products(), vec![Product::Adult, Product::Child]);
        // Codes are strings: the ones with a letter survive as written.
        let lettered = codes
            .iter()
            .filter(|c| c.bytes().any(|b| b.is_ascii_alphabetic()))
            .count();
        let parsed_lettered = inventory
            .pharmacies
            .iter()
            .filter(|p| p.code.bytes().any(|b| b.is_ascii_alphabetic()))
            .count();
        assert_eq!(parsed_lettered, lettered, "{name}");
        assert!(
            lettered > 50,
            "{name}: SOURCES.md says about 110 codes contain a letter"
        );
    }
}

#[test]
fn mask_rows_checked_by_hand_against_the_raw_file() {
    // 2020-03-08, first row:
    // 0145080011,衛生福利部花蓮醫院豐濱原住民分院,花蓮縣豐濱鄉豐濱村光豐路４１號,(03)8358141,3578,2146,2020/03/08 14:49:43
    let inventory = parse("maskdata-2020-03-08.csv");
    let first = &inventory.pharmacies[0];
    assert_eq!(first.code, "0145080011");
    assert_eq!(first.name, "衛生福利部花蓮醫院豐濱原住民分院");
    assert_eq!(first.address, "花蓮縣豐濱鄉豐濱村光豐路４１號");
    assert_eq!(first.phone, "(03)8358141");
    assert_eq!(
        (first.stock.adult, first.stock.child, first.stock.rapidtest),
        (Some(3578), Some(2146), None)
    );
    assert_eq!(
        (first.county, first.town.as_deref()),
        (Some("花蓮縣"), Some("豐濱鄉"))
    );
    // Second row: 0291010010,連江縣立醫院,連江縣南竿鄉復興村２１７號,(083)623995,168,499
    let matsu = &inventory.pharmacies[1];
    assert_eq!(
        (matsu.code.as_str(), matsu.stock.adult, matsu.stock.child),
        ("0291010010", Some(168), Some(499))
    );
    assert_eq!(
        (matsu.county, matsu.town.as_deref()),
        (Some("連江縣"), Some("南竿鄉"))
    );
}

#[test]
fn counties_and_towns_are_read_from_every_real_address() {
    let inventory = parse("maskdata-2020-03-03.csv");
    let without_county: Vec<&str> = inventory
        .pharmacies
        .iter()
        .filter(|p| p.county.is_none())
        .map(|p| p.address.as_str())
        .collect();
    // A handful of addresses lack a county; they stay unknown rather than guessed.
    assert!(
        without_county.len() * 100 < inventory.pharmacies.len(),
        "{without_county:?}"
    );
    for p in &inventory.pharmacies {
        let address = p.address.replace('台', "臺");
        if let Some(county) = p.county {
            assert!(COUNTIES.contains(&county), "{county}");
            // The town follows the county as written (桃園縣桃園市 → 桃園市, 桃園市).
            if let Some(town) = &p.town {
                let after_county: String = address
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .chars()
                    .skip(3)
                    .collect();
                assert!(after_county.starts_with(town.as_str()), "{address}");
            }
        }
    }
    let with_town = inventory
        .pharmacies
        .iter()
        .filter(|p| p.town.is_some())
        .count();
    assert!(
        with_town * 100 > inventory.pharmacies.len() * 97,
        "{with_town}"
    );
}

#[test]
fn the_crlf_snapshot_reads_like_the_lf_ones() {
    let crlf = read_shared("maskdata-2020-03-03.csv");
    assert!(
        crlf.windows(2).any(|w| w == b"\r\n"),
        "SOURCES.md: 03-03 uses CRLF"
    );
    let inventory = parse("maskdata-2020-03-03.csv");
    assert!(inventory
        .pharmacies
        .iter()
        .all(|p| p.updated.is_some() && !p.name.ends_with('\r')));
}

#[test]
fn joining_the_registry_places_the_matching_codes() {
    let registry_doc = read_json(REGISTRY);
    let registry_ids: HashSet<&str> = registry_doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["id"].as_str().unwrap())
        .collect();
    let registry = Registry::parse(&read_shared(REGISTRY)).unwrap();
    assert_eq!(registry.len(), registry_ids.len());

    let mut inventory = parse("maskdata-2020-03-03.csv");
    let expected = inventory
        .pharmacies
        .iter()
        .filter(|p| registry_ids.contains(p.code.as_str()))
        .count();
    let stats = inventory.join(&registry);
    assert_eq!(stats.matched, expected);
    assert_eq!(stats.matched + stats.unmatched, inventory.pharmacies.len());
    // SOURCES.md: 5,329–5,764 of the CSV codes match the registry's ids.
    assert!((5329..=5764).contains(&stats.matched), "{stats:?}");
    assert_eq!(inventory.located().count(), stats.matched);
    // Rows without a location are kept, for lists and search.
    assert_eq!(inventory.pharmacies.len(), 6588 - inventory.skipped());
    // The first row's place is the registry's point for that code.
    let feature = registry_doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "0145080011")
        .unwrap();
    let at = inventory.pharmacies[0].location.unwrap();
    assert_eq!(
        [at.lng, at.lat],
        [
            feature["geometry"]["coordinates"][0].as_f64().unwrap(),
            feature["geometry"]["coordinates"][1].as_f64().unwrap()
        ]
    );
}

#[test]
fn the_rapid_test_csv_loads_with_longitude_first() {
    let raw = raw_rows(RAPID_TEST);
    let inventory = parse(RAPID_TEST);
    assert_eq!(inventory.format, FeedFormat::NhiaRapidTestCsv);
    // SOURCES.md: 2,648 rows, every one with stock > 0; 60 codes contain a letter.
    assert_eq!(raw.len(), 2648);
    assert_eq!(inventory.pharmacies.len(), 2648);
    assert_eq!(with_stock(&inventory, Product::RapidTest), 2648);
    assert_eq!(inventory.products(), vec![Product::RapidTest]);
    assert_eq!(
        inventory
            .pharmacies
            .iter()
            .filter(|p| p.code.bytes().any(|b| b.is_ascii_alphabetic()))
            .count(),
        60
    );
    assert_eq!(
        inventory.as_of,
        TaipeiDateTime::parse_feed("2022/04/28 14:00:33")
    );
    for (pharmacy, row) in inventory.pharmacies.iter().zip(&raw) {
        let at = pharmacy
            .location
            .unwrap_or_else(|| panic!("{} has a place", pharmacy.code));
        assert_eq!(
            (at.lng, at.lat),
            (row[3].parse().unwrap(), row[4].parse().unwrap()),
            "{}",
            pharmacy.code
        );
    }
    // By hand, first row: 2331200010,新北市坪林區衛生所,…,121.7095,24.93592,(02)26656272,…,281,…,防疫口罩販售服務時間，…
    let first = &inventory.pharmacies[0];
    assert_eq!(
        (
            first.code.as_str(),
            first.name.as_str(),
            first.stock.rapidtest
        ),
        ("2331200010", "新北市坪林區衛生所", Some(281))
    );
    assert_eq!(
        (first.county, first.town.as_deref()),
        (Some("新北市"), Some("坪林區"))
    );
    assert!(first.notes[0].starts_with("防疫口罩販售服務時間"));
    // 備註 "無" means no note.
    let none_said = raw
        .iter()
        .filter(|r| r[9..].join(",").trim() == "無")
        .count();
    assert!(none_said > 900);
    assert_eq!(
        inventory
            .pharmacies
            .iter()
            .filter(|p| p.notes.is_empty())
            .count(),
        raw.iter()
            .filter(|r| matches!(r[9..].join(",").trim(), "無" | ""))
            .count()
    );
}

#[test]
fn a_rapid_test_site_missing_from_the_next_file_is_sold_out_not_gone() {
    let text = String::from_utf8(read_shared(RAPID_TEST)).unwrap();
    let previous = feed::parse(text.as_bytes()).unwrap();
    // The next file: the same day with its first ten sites sold out (and so left out).
    let mut lines: Vec<&str> = text.lines().collect();
    let gone: Vec<String> = lines
        .drain(1..11)
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    let mut next = feed::parse(lines.join("\r\n").as_bytes()).unwrap();
    assert_eq!(next.pharmacies.len(), 2638);

    assert_eq!(next.keep_sold_out_from(&previous), 10);
    assert_eq!(next.pharmacies.len(), 2648);
    for code in &gone {
        let site = next.pharmacies.iter().find(|p| &p.code == code).unwrap();
        assert_eq!(site.stock.rapidtest, Some(0), "{code}");
        assert!(site.location.is_some());
    }
    // Masks feeds list every pharmacy: nothing is carried over there.
    let mut masks = parse("maskdata-2020-03-08.csv");
    assert_eq!(
        masks.keep_sold_out_from(&parse("maskdata-2020-03-03.csv")),
        0
    );
}

#[test]
fn csv_problems_are_row_issues_or_typed_errors() {
    let text = String::from_utf8(read_shared("maskdata-2020-03-08.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[1] = lines[1].replace(",3578,", ",-5,");
    lines[2] = lines[2].replace(",168,", ",lots,");
    lines[3] = "0145080011,truncated".to_owned();
    let inventory = feed::parse(lines.join("\n").as_bytes()).unwrap();
    let problems: Vec<String> = inventory
        .issues
        .iter()
        .map(|i| format!("{}:{:?}:{}", i.row, i.problem, i.skipped))
        .collect();
    assert_eq!(
        &problems[..3],
        [
            "1:NegativeCount(\"-5\"):false",
            "2:BadCount(\"lots\"):false",
            "3:Malformed:true"
        ]
    );
    assert_eq!(inventory.pharmacies[0].stock.adult, None);
    assert_eq!(inventory.pharmacies[0].stock.child, Some(2146));

    // A CSV with some other header is a feed-level error naming what it found.
    let wrong = feed::parse("代碼,名稱,地址\n1,2,3\n".as_bytes());
    assert_eq!(
        wrong,
        Err(FeedError::WrongHeader {
            found: "代碼,名稱,地址".into()
        })
    );
    // A header and nothing else.
    assert_eq!(
        feed::parse(lines[0].as_bytes()),
        Err(FeedError::NoPharmacies)
    );
}

/// The browser reads a feed in slices of rows (a task boundary between them);
/// any slicing must give exactly the inventory of one pass, on every real
/// feed format, including rows with problems (the 2020-05-28 snapshot has
/// some) and the error for a file that is no feed.
#[test]
fn reading_in_slices_gives_the_same_inventory_as_one_pass() {
    let files = [
        "maskdata-2020-02-11.csv",
        "maskdata-2020-03-03.csv",
        "maskdata-2020-05-28.csv",
        RAPID_TEST,
        "points-2021-02-28.json",
    ];
    for name in files {
        let bytes = read_shared(name);
        let whole = feed::parse(&bytes).unwrap();
        for rows in [1, 7, 200, 6_000] {
            let text = feed::decode(&bytes);
            let mut sliced = feed::SlicedParse::new(&text);
            let mut steps = 1;
            while !sliced.step(rows) {
                steps += 1;
            }
            let inventory = sliced.finish().unwrap();
            assert_eq!(inventory, whole, "{name} in slices of {rows}");
            if name.ends_with(".csv") {
                let lines = String::from_utf8_lossy(&bytes).lines().count();
                assert!(
                    steps >= (lines - 1) / rows,
                    "{name}: {steps} steps of {rows}"
                );
            }
        }
    }
    let mut broken = feed::SlicedParse::new("醫事機構代碼,名稱\n1,2\n");
    while !broken.step(1) {}
    assert!(matches!(
        broken.finish(),
        Err(FeedError::WrongHeader { .. })
    ));
}

/// The browser reads a feed while it downloads, in whatever pieces the
/// network delivers: any cut of the bytes (inside a line, inside a
/// character, inside the byte-order mark) gives exactly the inventory of
/// one pass, on every real snapshot of every format, and a CSV is read
/// before its last byte has arrived.
#[test]
fn reading_as_the_bytes_arrive_gives_the_same_inventory_as_one_pass() {
    for entry in std::fs::read_dir(common::data_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".md") {
            continue;
        }
        let bytes = read_shared(&name);
        let whole = feed::parse(&bytes);
        for piece in [1, 2, 3, 5, 1_000, 16_384, bytes.len()] {
            let mut streamed = feed::StreamingParse::new();
            let mut read_early = false;
            for chunk in bytes.chunks(piece) {
                streamed.push(chunk);
                // A step of one line says whether it read one.
                while streamed.step(1) {
                    read_early = true;
                }
            }
            assert_eq!(streamed.finish(), whole, "{name} in pieces of {piece}");
            if name.ends_with(".csv") && piece < bytes.len() {
                assert!(read_early, "{name}: no line read before the end");
            }
        }
    }
}

/// A gzip file holding `data` in stored (uncompressed) deflate blocks: what
/// a server sends when it compresses a feed without saying so.
fn gzipped(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let crc = data.iter().fold(!0u32, |crc, &b| {
        (0..8).fold(crc ^ u32::from(b), |c, _| {
            (c >> 1) ^ (0xedb8_8320 & (c & 1).wrapping_neg())
        })
    });
    out.extend((!crc).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

/// Bytes from a fixed-seed generator (xorshift), the same on every run.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn bytes_that_are_not_text_are_called_that() {
    // The real 2020-03-03 snapshot, gzipped; and random bytes, some with a
    // comma and a line break early on (they would pass for a CSV's header).
    let gzip = gzipped(&read_shared("maskdata-2020-03-03.csv"));
    let mut random = random_bytes(4096);
    random[5] = b',';
    random[200] = b'\n';
    for (name, bytes) in [("gzip", gzip), ("random", random)] {
        assert_eq!(feed::parse(&bytes), Err(FeedError::NotText), "{name}");
        let mut streamed = feed::StreamingParse::new();
        for piece in bytes.chunks(1000) {
            streamed.push(piece);
            while streamed.step(100) {}
        }
        assert_eq!(
            streamed.finish(),
            Err(FeedError::NotText),
            "{name} streamed"
        );
    }
    // A real feed with broken bytes and a control character in its first
    // rows is still read: those rows at most are lost (one is, its byte
    // landing in a field the row needs).
    let mut bytes = read_shared("maskdata-2020-03-03.csv");
    let at = bytes.iter().position(|&b| b == b'\n').unwrap();
    for i in 1..=6 {
        bytes[at + 15 * i] = 0xff;
    }
    bytes[at + 100] = 0x01;
    let read = feed::parse(&bytes).map(|i| i.pharmacies.len()).unwrap();
    assert!((6588 - 7..=6588).contains(&read), "{read}");
}

#[test]
fn a_negative_count_is_told_from_a_word() {
    // The real 2020-03-03 snapshot, two rows' adult counts rewritten.
    let text = String::from_utf8(read_shared("maskdata-2020-03-03.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut fields: Vec<String> = lines[1].split(',').map(str::to_owned).collect();
    fields[4] = "-5".into();
    lines[1] = fields.join(",");
    let mut fields: Vec<String> = lines[2].split(',').map(str::to_owned).collect();
    fields[4] = "five".into();
    lines[2] = fields.join(",");
    let inventory = feed::parse(lines.join("\n").as_bytes()).unwrap();
    let problems: Vec<_> = inventory
        .issues
        .iter()
        .map(|i| (i.row, i.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        [
            (1, RowProblem::NegativeCount("-5".into())),
            (2, RowProblem::BadCount("five".into()))
        ]
    );
    assert_eq!(inventory.pharmacies[0].stock.adult, None);
}

//! The GeoJSON feed formats, on the real snapshots in ../shared/data:
//! kiang's points.json of 2021-02-28 and the findmasks-shape file of 2020-08-01.
//! Expected figures are computed here straight from the JSON, independently
//! of the parser, and cross-checked with the counts SOURCES.md records.

mod common;

use common::{read_json, read_shared, with_stock};
use mask_map::feed::{
    self, FeedError, FeedFormat, Inventory, Pharmacy, Product, RowIssue, RowProblem,
};
use mask_map::time::TaipeiDateTime;
use serde_json::Value;

const KIANG: &str = "points-2021-02-28.json";
const FINDMASKS: &str = "alt-geojson-masksLeft-2020-08-01.json";

fn features(doc: &Value) -> &Vec<Value> {
    doc["features"].as_array().unwrap()
}

fn count_positive(doc: &Value, key: &str) -> usize {
    features(doc)
        .iter()
        .filter(|f| f["properties"][key].as_u64().unwrap_or(0) > 0)
        .count()
}

fn parse_file(name: &str) -> Inventory {
    feed::parse(&read_shared(name)).expect("real snapshot parses")
}

/// Every feature's id, name and coordinates come through unchanged.
fn issue(row: usize, problem: RowProblem, skipped: bool) -> RowIssue {
    RowIssue {
        row,
        problem,
        skipped,
    }
}

/// The pharmacy read from feature `row` (counted from 1) of `doc`.
fn pharmacy_of_row<'i>(inventory: &'i Inventory, doc: &Value, row: usize) -> &'i Pharmacy {
    let code = features(doc)[row - 1]["properties"]["id"].as_str().unwrap();
    inventory
        .pharmacies
        .iter()
        .find(|p| p.code == code)
        .unwrap()
}

fn assert_rows_match_file(inventory: &Inventory, doc: &Value) {
    assert_eq!(inventory.pharmacies.len(), features(doc).len());
    for (pharmacy, feature) in inventory.pharmacies.iter().zip(features(doc)) {
        assert_eq!(pharmacy.code, feature["properties"]["id"].as_str().unwrap());
        assert_eq!(
            pharmacy.name,
            feature["properties"]["name"].as_str().unwrap().trim()
        );
        let coords = &feature["geometry"]["coordinates"];
        let at = pharmacy.location.expect("every real feature has a point");
        assert_eq!(
            (at.lng, at.lat),
            (coords[0].as_f64().unwrap(), coords[1].as_f64().unwrap())
        );
    }
}

#[test]
fn kiang_points_json_is_read_whole() {
    let doc = read_json(KIANG);
    let inventory = parse_file(KIANG);
    assert_eq!(inventory.format, FeedFormat::KiangGeoJson);
    assert_rows_match_file(&inventory, &doc);
    assert!(inventory.issues.is_empty());
    // SOURCES.md: 57 features, 55 with adult stock, 55 with child stock.
    assert_eq!(inventory.pharmacies.len(), 57);
    let adult = with_stock(&inventory, Product::Adult);
    assert_eq!(adult, count_positive(&doc, "mask_adult"));
    assert_eq!(adult, 55);
    let child = with_stock(&inventory, Product::Child);
    assert_eq!(child, count_positive(&doc, "mask_child"));
    assert_eq!(inventory.products(), vec![Product::Adult, Product::Child]);
}

#[test]
fn kiang_as_of_is_the_newest_row_stamp_in_taipei_time() {
    let doc = read_json(KIANG);
    // `YYYY/MM/DD HH:MM:SS` sorts as text; the JSON's `\/` escapes are already decoded.
    let newest = features(&doc)
        .iter()
        .filter_map(|f| f["properties"]["updated"].as_str())
        .max()
        .unwrap();
    let inventory = parse_file(KIANG);
    assert_eq!(inventory.as_of, TaipeiDateTime::parse_feed(newest));
    assert_eq!(
        inventory.as_of.unwrap().to_iso(),
        newest.replace('/', "-").replace(' ', "T") + "+08:00"
    );
}

#[test]
fn findmasks_geojson_is_read_whole() {
    let doc = read_json(FINDMASKS);
    let inventory = parse_file(FINDMASKS);
    assert_eq!(inventory.format, FeedFormat::FindmasksGeoJson);
    assert_rows_match_file(&inventory, &doc);
    // SOURCES.md: 5,861 features, 3,578 with adult stock, 3,360 with child stock; no timestamp.
    assert_eq!(inventory.pharmacies.len(), 5861);
    let adult = with_stock(&inventory, Product::Adult);
    assert_eq!((adult, count_positive(&doc, "masksLeft")), (3578, 3578));
    let child = with_stock(&inventory, Product::Child);
    assert_eq!(
        (child, count_positive(&doc, "childMasksLeft")),
        (3360, 3360)
    );
    assert_eq!(inventory.as_of, None);
}

#[test]
fn a_bad_row_costs_that_row_only() {
    let mut doc = read_json(KIANG);
    let rows = features(&doc).len();
    let list = doc["features"].as_array_mut().unwrap();
    let first = list[0].clone();
    list[3]["properties"].as_object_mut().unwrap().remove("id");
    list[5]["properties"]["name"] = Value::from("  ");
    list[7]["properties"]["mask_adult"] = Value::from(-3);
    list[9]["geometry"] = Value::Null;
    // Latitude and longitude the wrong way round, and a point in the sea off Japan.
    let coords = list[11]["geometry"]["coordinates"].clone();
    list[11]["geometry"]["coordinates"] = Value::from(vec![coords[1].clone(), coords[0].clone()]);
    list[13]["geometry"]["coordinates"] = Value::from(vec![139.69, 35.68]);
    list.push(first.clone());
    let inventory = feed::parse(doc.to_string().as_bytes()).unwrap();

    let code = first["properties"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        inventory.issues,
        vec![
            issue(4, RowProblem::MissingCode, true),
            issue(6, RowProblem::MissingName, true),
            issue(8, RowProblem::NegativeCount("-3".into()), false),
            issue(12, RowProblem::SwappedCoordinates, false),
            issue(14, RowProblem::UnusableCoordinates, false),
            issue(rows + 1, RowProblem::DuplicateCode(code), true),
        ]
    );
    assert_eq!(inventory.skipped(), 3);
    assert_eq!(inventory.pharmacies.len(), rows - 2);
    let by_row = |row: usize| pharmacy_of_row(&inventory, &doc, row);
    assert_eq!(
        by_row(8).stock.adult,
        None,
        "a negative count is unknown, not zero"
    );
    assert_eq!(
        by_row(10).location,
        None,
        "kept for lists, left off the map"
    );
    let swapped = by_row(12).location.unwrap();
    assert_eq!(
        (swapped.lng, swapped.lat),
        (coords[0].as_f64().unwrap(), coords[1].as_f64().unwrap())
    );
    assert_eq!(by_row(14).location, None);
    assert_eq!(inventory.located().count(), rows - 4);
}

/// Hurried exports write a value of the wrong type here and there: a
/// property of the wrong type costs that property only, and a feature that is
/// not an object with object properties costs that feature only.
#[test]
fn an_odd_value_costs_that_value_or_that_feature_only() {
    let mut doc = read_json(KIANG);
    let rows = features(&doc).len();
    let list = doc["features"].as_array_mut().unwrap();
    let phone_as_number = &mut list[2]["properties"];
    let phone = phone_as_number["phone"].as_str().unwrap().to_owned();
    phone_as_number["phone"] = Value::from(38322927);
    list[4]["properties"]["address"] = Value::from(vec!["花蓮縣"]);
    list[6]["properties"]["mask_adult"] = Value::from(true);
    list[8]["properties"]["mask_child"] = Value::from("12");
    list[10]["properties"]["mask_adult"] = Value::from(12.5);
    list[12]["properties"]["mask_child"] = Value::Null;
    list[14]["properties"]["id"] = Value::from(-5);
    list[16]["properties"]["name"] = Value::from(7);
    list[18]["properties"] = Value::from("not properties");
    list[20] = Value::from(42);
    list[22]["geometry"] = Value::from("here");
    list[24]["geometry"]["type"] = Value::from("LineString");
    list[26]["geometry"]["coordinates"] = Value::from(vec!["121.6", "23.9"]);
    let inventory = feed::parse(doc.to_string().as_bytes()).unwrap();

    assert_eq!(
        inventory.issues,
        vec![
            issue(7, RowProblem::BadCount("true".into()), false),
            issue(11, RowProblem::BadCount("12.5".into()), false),
            issue(15, RowProblem::MissingCode, true),
            issue(17, RowProblem::MissingName, true),
            issue(19, RowProblem::Malformed, true),
            issue(21, RowProblem::Malformed, true),
            issue(23, RowProblem::UnusableCoordinates, false),
            issue(25, RowProblem::UnusableCoordinates, false),
            issue(27, RowProblem::UnusableCoordinates, false),
        ]
    );
    assert_eq!(inventory.pharmacies.len(), rows - 4);
    let by_row = |row: usize| pharmacy_of_row(&inventory, &doc, row);
    let original = parse_file(KIANG);
    let same_row = |row: usize| &original.pharmacies[row - 1];
    assert_eq!(by_row(3).phone, "", "not {phone}");
    assert_eq!(by_row(3).name, same_row(3).name);
    assert_eq!(by_row(5).address, "");
    assert_eq!(by_row(7).stock.adult, None);
    assert_eq!(by_row(7).stock.child, same_row(7).stock.child);
    assert_eq!(by_row(9).stock.child, Some(12), "a count written as text");
    assert_eq!(by_row(13).stock.child, None);
    for row in [23, 25, 27] {
        assert_eq!(by_row(row).location, None);
        assert_eq!(by_row(row).name, same_row(row).name);
    }
}

#[test]
fn kiang_notes_regions_and_opening_periods_come_through() {
    let doc = read_json(KIANG);
    let inventory = parse_file(KIANG);
    for (pharmacy, feature) in inventory.pharmacies.iter().zip(features(&doc)) {
        let props = &feature["properties"];
        assert_eq!(pharmacy.county, props["county"].as_str());
        assert_eq!(pharmacy.town.as_deref(), props["town"].as_str());
        // The feed's own county/town agree with what the address says.
        let (county, town) = feed::county_town(&pharmacy.address);
        assert_eq!(
            (county, town.as_deref()),
            (props["county"].as_str(), props["town"].as_str()),
            "{}",
            pharmacy.address
        );
        let expected: Vec<&str> = ["note", "custom_note"]
            .iter()
            .filter_map(|k| props[*k].as_str())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        assert_eq!(pharmacy.notes, expected);
    }
    // Checked by hand against the raw file: 易生藥局 (5945010289), service_periods
    // NNNNNNNNNNNNNYNNNNNNY, whose `available` says 星期日下午休診、…星期日晚上休診.
    let yisheng = inventory
        .pharmacies
        .iter()
        .find(|p| p.code == "5945010289")
        .unwrap();
    assert_eq!(yisheng.name, "易生藥局");
    let open = yisheng.opening.unwrap().open;
    assert_eq!(open[6], [true, false, false], "Sunday: morning only");
    assert!(
        open[..6].iter().all(|day| *day == [true, true, true]),
        "Monday–Saturday: all day"
    );
    assert_eq!(
        yisheng.notes,
        ["08：00-22：00，口罩販售同營業時間。星期日08:00-12:00"]
    );
}

#[test]
fn a_nine_digit_numeric_code_gets_its_leading_zero_back() {
    let mut doc = read_json(FINDMASKS);
    let list = doc["features"].as_array_mut().unwrap();
    let index = list
        .iter()
        .position(|f| f["properties"]["id"].as_str().unwrap().starts_with('0'))
        .unwrap();
    let code = list[index]["properties"]["id"].as_str().unwrap().to_owned();
    let as_number = u64::from_str_radix(&code, 10).unwrap();
    list[index]["properties"]["id"] = Value::from(as_number);
    let inventory = feed::parse(doc.to_string().as_bytes()).unwrap();
    assert_eq!(inventory.pharmacies[index].code, code);
}

#[test]
fn whole_feed_problems_are_typed_errors() {
    assert_eq!(feed::parse(b""), Err(FeedError::Empty));
    assert_eq!(
        feed::parse("\u{feff} \r\n".as_bytes()),
        Err(FeedError::Empty)
    );
    // A real NHIA CSV is not GeoJSON: reported with its first characters.
    let html = feed::parse(b"<!DOCTYPE html><title>502 Bad Gateway</title>");
    assert!(
        matches!(html, Err(FeedError::UnknownFormat { starts_with }) if starts_with.starts_with("<!DOCTYPE"))
    );
    let kiang = read_shared(KIANG);
    assert!(matches!(
        feed::parse(&kiang[..kiang.len() / 2]),
        Err(FeedError::BadJson { .. })
    ));
    assert_eq!(
        feed::parse(br#"{"type":"FeatureCollection","features":[]}"#),
        Err(FeedError::NotAStockFeed)
    );
    assert_eq!(
        feed::parse(br#"{"type":"Topology"}"#),
        Err(FeedError::NotAStockFeed)
    );
    let mut doc = read_json(KIANG);
    for feature in doc["features"].as_array_mut().unwrap() {
        feature["properties"].as_object_mut().unwrap().remove("id");
    }
    assert_eq!(
        feed::parse(doc.to_string().as_bytes()),
        Err(FeedError::NoPharmacies)
    );
}

/// A hostile or broken file nested far deeper than any feed is refused, not
/// a stack overflow, whether the nesting is a feature or inside one.
#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let depth = 100_000;
    let lists = "[".repeat(depth) + &"]".repeat(depth);
    let objects = "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth);
    for deep in [&lists, &objects] {
        for feature in [
            deep.clone(),
            format!(r#"{{"type":"Feature","properties":{{"id":"1","name":{deep}}}}}"#),
        ] {
            let text = format!(r#"{{"type":"FeatureCollection","features":[{feature}]}}"#);
            assert!(feed::parse(text.as_bytes()).is_err());
            assert!(feed::Registry::parse(text.as_bytes()).is_err());
        }
    }
}

#[test]
fn the_product_shown_is_the_one_asked_for_if_the_feed_has_it() {
    let inventory = parse_file(KIANG);
    assert_eq!(
        inventory.product_to_show(Some(Product::Child)),
        Some(Product::Child)
    );
    assert_eq!(inventory.product_to_show(None), Some(Product::Adult));
    // The 2021 mask feed counts no rapid tests: fall back to its first product.
    assert_eq!(
        inventory.product_to_show(Some(Product::RapidTest)),
        Some(Product::Adult)
    );
}

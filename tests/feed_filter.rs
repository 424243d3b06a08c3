//! Filters on real data: the 2020-03-03 NHIA mask CSV (counties and towns
//! from addresses, real stock) and kiang's points.json of 2021-02-28 (real
//! opening periods). Expected counts come from the raw files.

mod common;

use common::{read_json, read_shared};
use mask_map::feed::{self, Filters, Product};
use mask_map::time::TaipeiDateTime;

#[test]
fn county_town_and_stock_filters_on_the_mask_csv() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    let text = String::from_utf8(read_shared("maskdata-2020-03-03.csv")).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let now = TaipeiDateTime::parse_feed("2020/03/03 11:23:40").unwrap();
    let count = |filters: &Filters, product| {
        inventory
            .pharmacies
            .iter()
            .filter(|p| filters.admits(p, product, now))
            .count()
    };

    let everything = Filters::default();
    assert_eq!(count(&everything, Some(Product::Adult)), rows.len());
    let in_stock = Filters {
        only_in_stock: true,
        ..Filters::default()
    };
    let adult_in_stock = rows
        .iter()
        .filter(|r| u32::from_str_radix(r[4], 10).unwrap() > 0)
        .count();
    assert_eq!(count(&in_stock, Some(Product::Adult)), adult_in_stock);
    assert_eq!(adult_in_stock, 5370, "SOURCES.md");

    // 臺北市 and 台北市 are one city; 大安區 one of its districts.
    let taipei = |r: &&Vec<&str>| r[2].starts_with("臺北市") || r[2].starts_with("台北市");
    let in_taipei = Filters {
        county: Some("臺北市".into()),
        ..Filters::default()
    };
    assert_eq!(
        count(&in_taipei, Some(Product::Adult)),
        rows.iter().filter(taipei).count()
    );
    let daan = Filters {
        county: Some("臺北市".into()),
        town: Some("大安區".into()),
        ..Filters::default()
    };
    let expected = rows
        .iter()
        .filter(taipei)
        .filter(|r| r[2].contains("市大安區"))
        .count();
    assert_eq!(count(&daan, Some(Product::Adult)), expected);
    assert!(expected > 50);
    // Opening hours are unknown in this feed: "open now" hides nobody.
    let open_now = Filters {
        only_open_now: true,
        ..Filters::default()
    };
    assert_eq!(count(&open_now, Some(Product::Adult)), rows.len());
}

#[test]
fn open_now_uses_kiangs_real_opening_periods() {
    let doc = read_json("points-2021-02-28.json");
    let inventory = feed::parse(&read_shared("points-2021-02-28.json")).unwrap();
    let open_now = Filters {
        only_open_now: true,
        ..Filters::default()
    };
    // 2021-02-28 was a Sunday; 18:23 is its evening: flag index 14 + 6 = 20.
    let now = TaipeiDateTime::parse_feed("2021/02/28 18:23:26").unwrap();
    let expected = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["properties"]["service_periods"]
                .as_str()
                .unwrap()
                .chars()
                .nth(20)
                == Some('N')
        })
        .count();
    let shown = inventory
        .pharmacies
        .iter()
        .filter(|p| open_now.admits(p, Some(Product::Adult), now))
        .count();
    assert_eq!(shown, expected);
    assert!(
        shown < inventory.pharmacies.len(),
        "some close on Sunday evenings"
    );
}

#[test]
fn an_area_centre_is_the_mean_and_its_bounds_the_extremes_of_its_located_pharmacies() {
    let mut inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    inventory.join(
        &mask_map::feed::Registry::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json"))
            .unwrap(),
    );
    let registry = read_json("alt-geojson-masksLeft-2020-08-01.json");
    let text = String::from_utf8(read_shared("maskdata-2020-03-03.csv")).unwrap();
    // Independently: 澎湖縣's rows joined by hand with the registry's points.
    let points: Vec<(f64, f64)> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|r| r[2].starts_with("澎湖縣"))
        .filter_map(|r| {
            registry["features"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["properties"]["id"] == r[0])
                .map(|f| {
                    let c = &f["geometry"]["coordinates"];
                    (c[1].as_f64().unwrap(), c[0].as_f64().unwrap())
                })
        })
        .collect();
    assert!(points.len() > 10);
    let n = points.len() as f64;
    let expected = (
        points.iter().map(|p| p.0).sum::<f64>() / n,
        points.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let penghu = Filters {
        county: Some("澎湖縣".into()),
        ..Filters::default()
    };
    let centre = inventory.area_centre(&penghu).unwrap();
    assert!((centre.lat - expected.0).abs() < 1e-9 && (centre.lng - expected.1).abs() < 1e-9);
    assert_eq!(inventory.area_centre(&Filters::default()), None);

    // The bounds the map fits are the extremes of the same points.
    let (sw, ne) = inventory.area_bounds(&penghu).unwrap();
    let min = |f: fn(&(f64, f64)) -> f64| points.iter().map(f).fold(f64::INFINITY, f64::min);
    let max = |f: fn(&(f64, f64)) -> f64| points.iter().map(f).fold(f64::NEG_INFINITY, f64::max);
    assert_eq!((sw.lat, sw.lng), (min(|p| p.0), min(|p| p.1)));
    assert_eq!((ne.lat, ne.lng), (max(|p| p.0), max(|p| p.1)));
    assert_eq!(inventory.area_bounds(&Filters::default()), None);
}

#[test]
fn the_filter_choices_are_each_county_and_town_of_the_feed_once_in_order() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    // Independently: every pharmacy's county through an ordered set.
    let expected: std::collections::BTreeSet<&str> = inventory
        .pharmacies
        .iter()
        .filter_map(|p| p.county)
        .collect();
    let counties = inventory.counties();
    assert_eq!(counties, expected.into_iter().collect::<Vec<_>>());
    // Taiwan's 22 counties and cities all had pharmacies selling masks.
    assert_eq!(counties.len(), 22);

    let taipei: std::collections::BTreeSet<&str> = inventory
        .pharmacies
        .iter()
        .filter(|p| p.county == Some("臺北市"))
        .filter_map(|p| p.town.as_deref())
        .collect();
    let towns = inventory.towns_in("臺北市");
    assert_eq!(towns, taipei.into_iter().collect::<Vec<_>>());
    // Taipei's 12 districts.
    assert_eq!(towns.len(), 12);
    assert!(inventory.towns_in("not a county").is_empty());
}

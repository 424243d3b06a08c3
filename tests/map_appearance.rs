//! What the map's markers show, natively: pins for every pharmacy of the
//! 2020-03-03 NHIA mask CSV in ../shared/data (its real adult and child
//! stock), and clusters of the 5,861 located pharmacies of the findmasks
//! GeoJSON of 2020-08-01 (their real adult stock) at every zoom.

mod common;

use std::collections::HashSet;

use common::read_shared;
use mask_map::config::Lang;
use mask_map::feed::{self, Product, StockThresholds};
use mask_map::map::appearance::{self, Appearance, CLUSTER_MARGIN, PIN_SIZE};
use mask_map::spatial::cluster::{ClusterIndex, ClusterOptions, ClusterPoint, ItemKind};
use mask_map::spatial::WORLD;
use mask_map::time::TaipeiDateTime;

/// The smallest target a finger can hit (WCAG 2.5.5), in CSS pixels.
const TOUCH_TARGET: f64 = 44.0;

fn hook<'a>(look: &'a Appearance, name: &str) -> Option<&'a str> {
    look.hooks
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

/// The level a count means by thresholds (plenty from, few below), written
/// out here apart from the app's own.
fn expected_level(count: Option<u32>, plenty: u32, few: u32) -> &'static str {
    match count {
        None => "unknown",
        Some(0) => "none",
        Some(n) if n >= plenty => "plenty",
        Some(n) if n < few => "few",
        Some(_) => "some",
    }
}

#[test]
fn a_pin_shows_its_stock_level_by_class_glyph_and_words() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    assert!(inventory.pharmacies.len() > 6000);
    let custom = StockThresholds {
        plenty: 50,
        few: 10,
    };
    for (product, levels, plenty, few) in [
        (Product::Adult, None, 100, 20),
        (Product::Child, None, 100, 20),
        (Product::Adult, Some(custom), 50, 10),
    ] {
        let mut glyphs = HashSet::new();
        let mut seen = HashSet::new();
        for pharmacy in &inventory.pharmacies {
            let level = expected_level(pharmacy.stock.get(product), plenty, few);
            let look = appearance::pin(pharmacy, Some(product), levels, false, None, Lang::En);
            assert_eq!(look.class, format!("pin pin--{level}"), "{}", pharmacy.code);
            assert_eq!(hook(&look, "data-stock"), Some(level));
            assert_eq!(hook(&look, "data-id"), Some(pharmacy.code.as_str()));
            let label = hook(&look, "aria-label").unwrap();
            assert!(
                label.starts_with(&format!("{}, ", pharmacy.name)),
                "{label}"
            );
            assert_eq!(look.size, PIN_SIZE);
            assert!(look.size >= TOUCH_TARGET);
            seen.insert(level);
            glyphs.insert((level, look.text));
        }
        // The real day has every level; each has one glyph of its own, so
        // colour is never the only cue.
        assert_eq!(seen.len(), 4, "{product:?}: {seen:?}");
        let distinct: HashSet<&String> = glyphs.iter().map(|(_, g)| g).collect();
        assert_eq!(glyphs.len(), seen.len());
        assert_eq!(distinct.len(), seen.len());
    }
}

#[test]
fn a_pin_says_its_level_in_the_page_language_and_marks_the_selection() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    let sold_out = inventory
        .pharmacies
        .iter()
        .find(|p| p.stock.get(Product::Adult) == Some(0))
        .expect("some pharmacy had sold out of adult masks");
    let zh = appearance::pin(sold_out, Some(Product::Adult), None, true, None, Lang::ZhTw);
    assert_eq!(zh.class, "pin pin--none pin-selected");
    assert_eq!(
        hook(&zh, "aria-label"),
        Some(format!("{}, 售完", sold_out.name).as_str())
    );
    let en = appearance::pin(sold_out, Some(Product::Adult), None, false, None, Lang::En);
    assert_eq!(
        hook(&en, "aria-label"),
        Some(format!("{}, sold out", sold_out.name).as_str())
    );
    // A feed without the product: the level is unknown, not "none".
    let unknown = appearance::pin(sold_out, None, None, false, None, Lang::En);
    assert_eq!(unknown.class, "pin pin--unknown");
}

#[test]
fn a_pin_whose_row_lags_the_feed_has_its_own_ring_and_says_so() {
    // The real 2020-03-03 snapshot, one row's time set 70 minutes back.
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    let as_of = inventory.as_of;
    let mut behind = inventory.pharmacies[0].clone();
    let fresh = appearance::pin(&behind, Some(Product::Adult), None, false, as_of, Lang::En);
    assert!(!fresh.class.contains("pin--lagging"));
    assert_eq!(hook(&fresh, "data-lagging"), Some("false"));
    behind.updated = as_of.map(|t| TaipeiDateTime::from_unix_seconds(t.unix_seconds() - 70 * 60));
    let en = appearance::pin(&behind, Some(Product::Adult), None, false, as_of, Lang::En);
    assert!(en.class.contains("pin--lagging"), "{}", en.class);
    assert_eq!(hook(&en, "data-lagging"), Some("true"));
    let label = hook(&en, "aria-label").unwrap();
    assert!(label.ends_with("not updated since 10:13"), "{label}");
    let zh = appearance::pin(
        &behind,
        Some(Product::Adult),
        None,
        false,
        as_of,
        Lang::ZhTw,
    );
    assert!(hook(&zh, "aria-label").unwrap().ends_with("10:13 後未更新"));
}

#[test]
fn a_cluster_shows_its_count_its_stock_share_and_a_box_a_finger_can_hit() {
    let inventory = feed::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json")).unwrap();
    let points: Vec<ClusterPoint> = inventory
        .located()
        .map(|(p, at)| ClusterPoint {
            at,
            has_stock: p.has_stock(Some(Product::Adult)),
        })
        .collect();
    assert_eq!(points.len(), 5861);
    let options = ClusterOptions::default();
    let index = ClusterIndex::new(&points, options);
    let mut shares = HashSet::new();
    let mut by_count = Vec::new();
    for zoom in options.min_zoom..=options.max_zoom {
        for item in index.items_in(WORLD.0, WORLD.1, zoom) {
            let ItemKind::Cluster(id) = item.kind else {
                continue;
            };
            let look = appearance::cluster(id, item.count, item.with_stock, Lang::En);
            let share = if item.with_stock * 2 >= item.count {
                "many"
            } else if item.with_stock > 0 {
                "few"
            } else {
                "none"
            };
            shares.insert(share);
            assert_eq!(look.class, format!("cluster cluster--{share}"));
            assert_eq!(look.text, item.count.to_string());
            assert_eq!(hook(&look, "data-count"), Some(look.text.as_str()));
            let with_stock = item.with_stock.to_string();
            assert_eq!(hook(&look, "data-with-stock"), Some(with_stock.as_str()));
            assert_eq!(hook(&look, "data-zoom"), Some(id.zoom.to_string().as_str()));
            assert_eq!(
                hook(&look, "data-index"),
                Some(id.index.to_string().as_str())
            );
            let label = hook(&look, "aria-label").unwrap();
            assert_eq!(
                label,
                format!(
                    "{} pharmacies, {} with stock; select to zoom in",
                    item.count, item.with_stock
                )
            );
            assert!(look.size - 2.0 * CLUSTER_MARGIN >= 30.0);
            assert!(look.size >= TOUCH_TARGET);
            by_count.push((item.count, look.size));
        }
    }
    assert_eq!(shares.len(), 3, "{shares:?}");
    // A bigger cluster is never drawn smaller, and clusters of the real day
    // come in more than one size.
    by_count.sort_by_key(|&(count, _)| count);
    assert!(by_count.windows(2).all(|w| w[0].1 <= w[1].1));
    let sizes: HashSet<u64> = by_count.iter().map(|(_, s)| s.to_bits()).collect();
    assert!(sizes.len() >= 3, "{sizes:?}");
}

//! What a marker shows: its class, box size, text and attributes, worked out
//! from plain data. No browser types: `map::markers` puts an [`Appearance`]
//! on Leaflet's element, and tests/map_appearance.rs checks it natively.

use crate::config::Lang;
use crate::feed::{Pharmacy, Product, StockThresholds};
use crate::i18n;
use crate::spatial::cluster::ClusterId;
use crate::time::TaipeiDateTime;

/// Pixel size of a pharmacy pin's box: its 44 px target, the disc inside
/// (style/main.css).
pub const PIN_SIZE: f64 = 44.0;
/// What a cluster's box adds around its disc on each side, for a target
/// of at least 44 px (style/main.css).
pub const CLUSTER_MARGIN: f64 = 7.0;

/// A marker's look, as one element (hundreds can be in view, and the
/// browser restyles each at a drag's start and end): its class and box make
/// its icon; its text and attributes (`hooks`) go on the element. All text.
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    pub class: String,
    /// The side of its square box, in pixels.
    pub size: f64,
    pub text: String,
    pub hooks: Vec<(&'static str, String)>,
}

/// A cluster of `count` pharmacies, `with_stock` of them with stock: its
/// stock share as a class, its count, its name (`aria-label`), `data-count`
/// and the id its click needs.
pub fn cluster(id: ClusterId, count: u32, with_stock: u32, lang: Lang) -> Appearance {
    Appearance {
        class: format!("cluster cluster--{}", cluster_stock(count, with_stock)),
        size: cluster_size(count) + 2.0 * CLUSTER_MARGIN,
        text: count.to_string(),
        hooks: vec![
            ("data-count", count.to_string()),
            ("data-with-stock", with_stock.to_string()),
            ("data-zoom", id.zoom.to_string()),
            ("data-index", id.index.to_string()),
            ("aria-label", i18n::cluster_label(lang, count, with_stock)),
        ],
    }
}

/// A pharmacy's pin: its stock level of `product` as a class and a glyph
/// (colour is never the only cue), `data-id`, `data-stock` and its name and
/// level (`aria-label`; the name is the marker's title too). A row lagging
/// the feed (`as_of`, its newest row's time) gets a ring of its own and
/// says so in its name.
pub fn pin(
    pharmacy: &Pharmacy,
    product: Option<Product>,
    levels: Option<StockThresholds>,
    selected: bool,
    as_of: Option<TaipeiDateTime>,
    lang: Lang,
) -> Appearance {
    let level = pharmacy.stock_level(product, levels);
    let lagging = pharmacy
        .lagging_since(as_of)
        .map(|at| i18n::not_updated_since(lang, at));
    let mut label = format!("{}, {}", pharmacy.name, i18n::stock_level(lang, level));
    if let Some(lagging) = &lagging {
        label = format!("{label}, {lagging}");
    }
    Appearance {
        class: format!(
            "pin pin--{}{}{}",
            level.as_str(),
            if selected { " pin-selected" } else { "" },
            if lagging.is_some() {
                " pin--lagging"
            } else {
                ""
            }
        ),
        size: PIN_SIZE,
        text: level.glyph().to_owned(),
        hooks: vec![
            ("data-id", pharmacy.code.clone()),
            ("data-stock", level.as_str().to_owned()),
            ("data-lagging", lagging.is_some().to_string()),
            ("aria-label", label),
        ],
    }
}

/// A cluster's share with stock, as its class names it: `many` from half
/// up, `few` for any less, `none` for none.
pub fn cluster_stock(count: u32, with_stock: u32) -> &'static str {
    match f64::from(with_stock) / f64::from(count.max(1)) {
        s if s >= 0.5 => "many",
        s if s > 0.0 => "few",
        _ => "none",
    }
}

/// A cluster disc's pixel size, by its count.
pub fn cluster_size(count: u32) -> f64 {
    match count {
        0..=9 => 30.0,
        10..=99 => 36.0,
        100..=999 => 42.0,
        _ => 48.0,
    }
}

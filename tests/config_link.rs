//! The app's own links (`src/config/link.rs`): each one written and read
//! back by the parser, so a link always reproduces what it was made from.

use mask_map::config::{
    embed_query, full_app_query, query_with_date, query_with_filters, query_with_lang, Config,
    Lang, Mode, ProblemKind,
};
use mask_map::coords::LatLng;
use mask_map::feed::Product;
use mask_map::time::Date;

fn kinds(config: &Config) -> Vec<(&'static str, ProblemKind)> {
    config.problems.iter().map(|p| (p.param, p.kind)).collect()
}

#[test]
fn filter_switches_and_the_query_that_reproduces_them() {
    let config = Config::from_query(
        "lang=en&instock=1&opennow=0&county=%E8%87%BA%E5%8C%97%E5%B8%82&zoom=12",
    );
    assert!(config.only_in_stock && !config.only_open_now);
    let bad = Config::from_query("instock=yes");
    assert_eq!(kinds(&bad), vec![("instock", ProblemKind::NotSwitch)]);

    let mut filters = config.filters();
    filters.product = Some(Product::Child);
    filters.town = Some("大安區".into());
    filters.only_in_stock = false;
    let query = query_with_filters(
        "lang=en&instock=1&opennow=0&county=%E8%87%BA%E5%8C%97%E5%B8%82&zoom=12",
        &filters,
    );
    assert_eq!(query, "lang=en&zoom=12&product=child&county=%E8%87%BA%E5%8C%97%E5%B8%82&town=%E5%A4%A7%E5%AE%89%E5%8D%80");
    // The link reads back as the same filters.
    assert_eq!(Config::from_query(&query).filters(), filters);
}

#[test]
fn the_day_checked_is_written_to_the_link_and_read_back() {
    let day = Date::new(2020, 2, 12);
    let query = query_with_date("lang=en&date=2020-02-11&zoom=9", day);
    assert_eq!(query, "lang=en&zoom=9&date=2020-02-12");
    assert_eq!(Config::from_query(&query).date, day);
    assert_eq!(query_with_date(&query, None), "lang=en&zoom=9");
}

#[test]
fn links_for_another_language_the_full_app_and_an_embed() {
    let query = "lang=en&mode=kiosk&idle=90&county=%E8%87%BA%E5%8C%97%E5%B8%82&at=25.0478,121.517&date=2020-02-11";
    let zh = query_with_lang(query, Lang::ZhTw);
    assert_eq!(Config::from_query(&zh).lang, Lang::ZhTw);
    assert_eq!(Config::from_query(&zh).mode, Mode::Kiosk);
    let full = Config::from_query(&full_app_query(query));
    assert_eq!(
        (full.mode, full.idle, full.lang),
        (Mode::App, None, Lang::En)
    );
    assert_eq!(full.county.as_deref(), Some("臺北市"));

    let embed = embed_query(query, LatLng::new(25.03, 121.56), Some(13));
    let config = Config::from_query(&embed);
    assert_eq!(config.mode, Mode::Embed);
    assert_eq!((config.at, config.date, config.idle), (None, None, None));
    assert_eq!(config.center, LatLng::new(25.03, 121.56));
    assert_eq!(config.zoom, Some(13));
    assert_eq!(config.county.as_deref(), Some("臺北市"));
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    // Without a view, the embed fits its filters.
    let config = Config::from_query(&embed_query("mode=embed&zoom=3", None, None));
    assert_eq!(
        (config.mode, config.zoom, config.center),
        (Mode::Embed, None, None)
    );
}

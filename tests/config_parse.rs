//! The URL contract read (`src/config/parse.rs`): every parameter, its
//! problems, and the rule that a bad value never stops the others. Places
//! are real ones (臺北車站, 高雄) the kiosk links of 2020 used.

use mask_map::config::{
    Config, Lang, Mode, ParamProblem, ProblemKind, Tiles, MAX_ECHO_CHARS, MAX_PROBLEMS_KEPT,
    MAX_ZOOM, OSM_TILES,
};
use mask_map::coords::LatLng;
use mask_map::feed::{Product, StockThresholds};
use mask_map::time::Date;

fn kinds(config: &Config) -> Vec<(&'static str, ProblemKind)> {
    config.problems.iter().map(|p| (p.param, p.kind)).collect()
}

#[test]
fn no_parameters_gives_the_documented_defaults() {
    for query in ["", "?", "?utm_source=news"] {
        let config = Config::from_query(query);
        assert_eq!(config, Config::default(), "{query:?}");
        assert_eq!(config.mode, Mode::App);
        assert_eq!(config.lang, Lang::ZhTw);
        assert_eq!(config.tiles.template(), Some(OSM_TILES));
    }
}

#[test]
fn feed_registry_and_rules_take_http_and_relative_urls() {
    let config = Config::from_query(
        "feed=https%3A%2F%2Fdata.nhi.gov.tw%2Fresource%2Fmask%2Fmaskdata.csv&registry=data/registry.json&rules=//example.org/rules.json",
    );
    assert_eq!(
        config.feed.as_deref(),
        Some("https://data.nhi.gov.tw/resource/mask/maskdata.csv")
    );
    assert_eq!(config.registry.as_deref(), Some("data/registry.json"));
    assert_eq!(config.rules.as_deref(), Some("//example.org/rules.json"));
    assert!(config.problems.is_empty());
    // A colon after the path starts is not a scheme.
    assert_eq!(
        Config::from_query("feed=/data/a:b.json").feed.as_deref(),
        Some("/data/a:b.json")
    );
}

#[test]
fn urls_with_other_schemes_are_refused_and_reported() {
    for (param, value) in [
        ("feed", "javascript:alert(1)"),
        ("registry", "data:text/plain,hi"),
        ("rules", "file:///etc/passwd"),
        ("feed", "JavaScript:alert(1)"),
        ("feed", "http:relative"),
    ] {
        let config = Config::from_query(&format!("{param}={}", value.replace(',', "%2C")));
        assert_eq!(
            kinds(&config),
            vec![(param, ProblemKind::NotHttpUrl)],
            "{value}"
        );
        assert_eq!(
            (config.feed, config.registry, config.rules),
            (None, None, None)
        );
    }
}

#[test]
fn product_accepts_the_three_products_in_any_case() {
    assert_eq!(
        Config::from_query("product=adult").product,
        Some(Product::Adult)
    );
    assert_eq!(
        Config::from_query("product=Child").product,
        Some(Product::Child)
    );
    assert_eq!(
        Config::from_query("product=rapidtest").product,
        Some(Product::RapidTest)
    );
    let bad = Config::from_query("product=vaccine");
    assert_eq!(bad.product, None);
    assert_eq!(kinds(&bad), vec![("product", ProblemKind::UnknownProduct)]);
}

#[test]
fn at_is_a_lat_lng_pair() {
    // 臺北車站, as a kiosk link would give it (comma percent-encoded or not).
    for query in [
        "at=25.0478,121.5170",
        "at=25.0478%2C121.5170",
        "at=25.0478,+121.5170",
    ] {
        assert_eq!(
            Config::from_query(query).at,
            LatLng::new(25.0478, 121.517),
            "{query}"
        );
    }
    for (query, kind) in [
        ("at=25.0478", ProblemKind::NotLatLng),
        ("at=north,east", ProblemKind::NotLatLng),
        ("at=NaN,121", ProblemKind::NotLatLng),
        ("at=121.5170,25.0478,1", ProblemKind::NotLatLng),
        ("at=95,121", ProblemKind::NotCoordinate),
        ("at=25,-181", ProblemKind::NotCoordinate),
    ] {
        let config = Config::from_query(query);
        assert_eq!(config.at, None, "{query}");
        assert_eq!(kinds(&config), vec![("at", kind)], "{query}");
    }
}

#[test]
fn lat_lng_and_zoom_set_the_initial_view() {
    let config = Config::from_query("lat=22.6273&lng=120.3014&zoom=14");
    assert_eq!(config.center, LatLng::new(22.6273, 120.3014));
    assert_eq!(config.zoom, Some(14));
    assert!(config.problems.is_empty());

    let half = Config::from_query("lat=22.6273&zoom=14");
    assert_eq!((half.center, half.zoom), (None, Some(14)));
    assert_eq!(kinds(&half), vec![("lat", ProblemKind::HalfCenter)]);

    let out_of_range = Config::from_query("lat=22.6&lng=200");
    assert_eq!(out_of_range.center, None);
    assert_eq!(
        kinds(&out_of_range),
        vec![
            ("lng", ProblemKind::NotCoordinate),
            ("lat", ProblemKind::HalfCenter)
        ]
    );

    for zoom in ["20", "-1", "12.5", "abc", "999"] {
        let config = Config::from_query(&format!("zoom={zoom}"));
        assert_eq!(config.zoom, None);
        assert_eq!(
            kinds(&config),
            vec![("zoom", ProblemKind::NotZoom)],
            "{zoom}"
        );
    }
    assert_eq!(Config::from_query("zoom=0").zoom, Some(0));
    assert_eq!(Config::from_query("zoom=19").zoom, Some(MAX_ZOOM));
}

#[test]
fn date_is_a_real_calendar_day() {
    assert_eq!(
        Config::from_query("date=2020-03-08").date,
        Date::new(2020, 3, 8)
    );
    for bad in ["2021-02-29", "2020/03/08", "tomorrow", "2020-3-8"] {
        let config = Config::from_query(&format!("date={bad}"));
        assert_eq!(config.date, None);
        assert_eq!(
            kinds(&config),
            vec![("date", ProblemKind::NotDate)],
            "{bad}"
        );
    }
}

#[test]
fn mode_and_lang_take_their_listed_values() {
    assert_eq!(Config::from_query("mode=kiosk").mode, Mode::Kiosk);
    assert_eq!(Config::from_query("mode=EMBED").mode, Mode::Embed);
    assert_eq!(Config::from_query("mode=app").mode, Mode::App);
    assert_eq!(Config::from_query("lang=en").lang, Lang::En);
    assert_eq!(Config::from_query("lang=zh-tw").lang, Lang::ZhTw);
    let bad = Config::from_query("mode=tv&lang=fr");
    assert_eq!((bad.mode, bad.lang), (Mode::App, Lang::ZhTw));
    assert_eq!(
        kinds(&bad),
        vec![
            ("mode", ProblemKind::UnknownMode),
            ("lang", ProblemKind::UnknownLang)
        ]
    );
}

#[test]
fn county_and_town_are_names_with_tai_normalised() {
    let config =
        Config::from_query("county=%E5%8F%B0%E5%8C%97%E5%B8%82&town=%E5%A4%A7%E5%AE%89%E5%8D%80");
    assert_eq!(config.county.as_deref(), Some("臺北市"));
    assert_eq!(config.town.as_deref(), Some("大安區"));
    let bad = Config::from_query("county=%3Cscript%3E&town=%E5%A4%A7%E5%AE%89%E5%8D%80");
    assert_eq!(bad.county, None);
    assert_eq!(bad.town.as_deref(), Some("大安區"));
    assert_eq!(kinds(&bad), vec![("county", ProblemKind::NotRegionName)]);
    assert_eq!(bad.problems[0].value, "<script>");
}

#[test]
fn tiles_take_a_template_or_none() {
    let config = Config::from_query("tiles=/tiles/%7Bz%7D/%7Bx%7D/%7By%7D.png");
    assert_eq!(config.tiles.template(), Some("/tiles/{z}/{x}/{y}.png"));
    assert_eq!(Config::from_query("tiles=none").tiles.template(), None);
    for (value, kind) in [
        ("https://example.org/tile.png", ProblemKind::NotTileTemplate),
        ("javascript:%7Bz%7D%7Bx%7D%7By%7D", ProblemKind::NotHttpUrl),
    ] {
        let config = Config::from_query(&format!("tiles={value}"));
        assert_eq!(config.tiles, Tiles::OpenStreetMap);
        assert_eq!(kinds(&config), vec![("tiles", kind)], "{value}");
    }
}

#[test]
fn a_bad_value_leaves_every_other_parameter_in_force() {
    let config = Config::from_query(
        "lang=en&zoom=banana&mode=kiosk&at=25.0478,121.5170&product=masks&date=2020-02-06",
    );
    assert_eq!(config.lang, Lang::En);
    assert_eq!(config.mode, Mode::Kiosk);
    assert_eq!(config.at, LatLng::new(25.0478, 121.517));
    assert_eq!(config.date, Date::new(2020, 2, 6));
    assert_eq!((config.zoom, config.product), (None, None));
    assert_eq!(
        kinds(&config),
        vec![
            ("zoom", ProblemKind::NotZoom),
            ("product", ProblemKind::UnknownProduct)
        ]
    );
}

#[test]
fn refresh_is_off_or_a_polite_interval() {
    assert_eq!(Config::from_query("refresh=0").refresh, Some(0));
    assert_eq!(Config::from_query("refresh=30").refresh, Some(30));
    assert_eq!(Config::from_query("refresh=3600").refresh, Some(3600));
    assert_eq!(Config::from_query("").refresh, None);
    for bad in ["5", "29", "3601", "-1", "soon"] {
        let config = Config::from_query(&format!("refresh={bad}"));
        assert_eq!(config.refresh, None);
        assert_eq!(
            kinds(&config),
            vec![("refresh", ProblemKind::NotRefresh)],
            "{bad}"
        );
    }
}

#[test]
fn levels_set_the_stock_thresholds() {
    assert_eq!(
        Config::from_query("levels=50,10").levels,
        Some(StockThresholds {
            plenty: 50,
            few: 10
        })
    );
    for bad in ["10,50", "50", "50,0", "a,b", "10,10"] {
        let config = Config::from_query(&format!("levels={bad}"));
        assert_eq!(config.levels, None);
        assert_eq!(
            kinds(&config),
            vec![("levels", ProblemKind::NotLevels)],
            "{bad}"
        );
    }
}

#[test]
fn idle_is_a_kiosk_reset_delay_in_seconds() {
    assert_eq!(Config::from_query("idle=90").idle, Some(90));
    for bad in ["5", "3601", "x", "-60"] {
        let config = Config::from_query(&format!("idle={bad}"));
        assert_eq!(
            (config.idle, kinds(&config)),
            (None, vec![("idle", ProblemKind::NotIdle)]),
            "{bad}"
        );
    }
}

#[test]
fn nearest_is_how_many_to_list() {
    assert_eq!(Config::from_query("nearest=3").nearest, Some(3));
    for bad in ["0", "21", "x"] {
        let config = Config::from_query(&format!("nearest={bad}"));
        assert_eq!(
            (config.nearest, kinds(&config)),
            (None, vec![("nearest", ProblemKind::NotCount)]),
            "{bad}"
        );
    }
}

#[test]
fn repeated_parameters_keep_the_first_and_say_so() {
    let config = Config::from_query("lang=en&lang=zh-TW");
    assert_eq!(config.lang, Lang::En);
    assert_eq!(kinds(&config), vec![("lang", ProblemKind::Repeated)]);
}

#[test]
fn empty_values_mean_the_default_and_long_values_are_shortened_in_reports() {
    assert_eq!(
        Config::from_query("feed=&product=&zoom="),
        Config::default()
    );
    let long = "x".repeat(500);
    let config = Config::from_query(&format!("mode={long}"));
    assert_eq!(config.problems[0].value.chars().count(), MAX_ECHO_CHARS + 1);
    assert!(config.problems[0].value.ends_with('…'));
}

/// `zoom=1` 14,000 times: every repeat is a problem, but only the first
/// ten are kept (the notice lists ten, then "and N more").
#[test]
fn a_flood_of_bad_parameters_keeps_ten_and_counts_the_rest() {
    let query = vec!["zoom=1"; 14_000].join("&");
    let config = Config::from_query(&query);
    assert_eq!(config.zoom, Some(1));
    assert_eq!(config.problems.len(), MAX_PROBLEMS_KEPT);
    assert_eq!(config.problems.more, 13_989);
    assert_eq!(config.problems.total(), 13_999);
    assert!(config
        .problems
        .iter()
        .all(|p| p.kind == ProblemKind::Repeated));
}

#[test]
fn a_problem_found_while_running_is_listed_once() {
    let mut problems = Config::from_query("zoom=x").problems;
    let blocked = || {
        ParamProblem::new(
            "tiles",
            "https://tiles.example/{z}/{x}/{y}.png",
            ProblemKind::Blocked,
        )
    };
    assert!(problems.push_new(blocked()));
    assert!(
        !problems.push_new(blocked()),
        "every tile is refused: one line"
    );
    assert_eq!(problems.total(), 2);
}

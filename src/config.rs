//! The public URL contract (see the README): query string → [`Config`].
//!
//! Links are the embedding and kiosk API, so a bad value never stops the app:
//! it is reported as a [`ParamProblem`], that parameter falls back to its
//! default, and every other parameter still applies.

use crate::coords::LatLng;
use crate::feed::{Filters, Product, StockThresholds};
use crate::number;
use crate::time::Date;

/// OpenStreetMap's standard tiles, the default base map.
pub const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// kiang/pharmacies' `points.json`, the public feed most 2020 maps used: the
/// default when the page names no bundled snapshot.
pub const PUBLIC_FEED: &str =
    "https://raw.githubusercontent.com/kiang/pharmacies/master/json/points.json";
/// Leaflet's (and OSM's) deepest zoom.
pub const MAX_ZOOM: u8 = 19;
/// County and town names are a few characters; anything longer is not one.
const MAX_REGION_CHARS: usize = 12;
/// How much of a bad value a problem report repeats back.
const MAX_ECHO_CHARS: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    App,
    /// Fixed place, no keyboard, unattended.
    Kiosk,
    /// Inside a news site's iframe.
    Embed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhTw,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and the URL.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Reads a tag, in any case.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        [Lang::ZhTw, Lang::En]
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }
}

/// The base map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Tiles {
    #[default]
    OpenStreetMap,
    /// A `{z}/{x}/{y}` URL template.
    Template(String),
    /// `tiles=none`: no base map at all (a kiosk with no internet).
    None,
}

impl Tiles {
    pub fn template(&self) -> Option<&str> {
        match self {
            Tiles::OpenStreetMap => Some(OSM_TILES),
            Tiles::Template(t) => Some(t),
            Tiles::None => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// `feed`: `None` means the page's default feed.
    pub feed: Option<String>,
    /// `registry`: `None` means the bundled registry.
    pub registry: Option<String>,
    /// `rules`: `None` means the bundled `rules.json`.
    pub rules: Option<String>,
    /// `product`: `None` means the first product the feed has.
    pub product: Option<Product>,
    /// `at`: the reference location.
    pub at: Option<LatLng>,
    /// `lat` + `lng`: the initial map centre.
    pub center: Option<LatLng>,
    /// `zoom`: the initial zoom.
    pub zoom: Option<u8>,
    /// `date`: the day to check eligibility for; `None` means today in Taipei.
    pub date: Option<Date>,
    pub mode: Mode,
    pub lang: Lang,
    pub county: Option<String>,
    pub town: Option<String>,
    pub tiles: Tiles,
    /// `refresh`: seconds between feed polls; `Some(0)` never polls again.
    pub refresh: Option<u32>,
    /// `levels=PLENTY,FEW`: stock thresholds for the product shown.
    pub levels: Option<StockThresholds>,
    /// `instock=1`: only pharmacies with stock of the product shown.
    pub only_in_stock: bool,
    /// `opennow=1`: only pharmacies open now (where hours are known).
    pub only_open_now: bool,
    /// `nearest=N`: how many nearest pharmacies to list (1–20).
    pub nearest: Option<u8>,
    /// `idle=S`: in kiosk mode, seconds without a touch before the view
    /// resets (15–3600; default [`KIOSK_IDLE_SECONDS`]).
    pub idle: Option<u32>,
    /// What was wrong with the link, in the order met.
    pub problems: Vec<ParamProblem>,
}

/// One bad parameter: which, what it said (shortened), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamProblem {
    pub param: &'static str,
    pub value: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Only `http:`, `https:` or a relative URL may be fetched.
    NotHttpUrl,
    /// A tile template needs `{z}`, `{x}` and `{y}`.
    NotTileTemplate,
    UnknownProduct,
    /// `at` needs `lat,lng` in degrees.
    NotLatLng,
    /// A number that is not a latitude (−90…90) or longitude (−180…180).
    NotCoordinate,
    /// `lat` without `lng` or the other way round.
    HalfCenter,
    NotZoom,
    NotDate,
    UnknownMode,
    UnknownLang,
    NotRegionName,
    /// The same parameter twice: the first one is used.
    Repeated,
    /// `refresh` must be 0 or 30…3600 seconds.
    NotRefresh,
    /// `levels` must be `PLENTY,FEW` with PLENTY > FEW.
    NotLevels,
    /// A switch must be `1` or `0`.
    NotSwitch,
    /// `nearest` must be 1…20.
    NotCount,
    /// `idle` must be 15…3600 seconds.
    NotIdle,
}

impl Config {
    /// The filters this link asks for.
    pub fn filters(&self) -> Filters {
        Filters {
            product: self.product,
            only_in_stock: self.only_in_stock,
            only_open_now: self.only_open_now,
            county: self.county.clone(),
            town: self.town.clone(),
        }
    }

    /// Reads a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> Config {
        let mut config = Config::default();
        let mut seen: Vec<String> = Vec::new();
        let mut lat = None;
        let mut lng = None;
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = value.trim();
            // An empty value means "the default", as a blank form field would.
            if value.is_empty() {
                continue;
            }
            if seen.iter().any(|k| *k == key) {
                if let Some(param) = known_param(&key) {
                    config.report(param, value, ProblemKind::Repeated);
                }
                continue;
            }
            seen.push(key.to_string());
            match key.as_ref() {
                "feed" => config.feed = config.check(url("feed", value)),
                "registry" => config.registry = config.check(url("registry", value)),
                "rules" => config.rules = config.check(url("rules", value)),
                "tiles" => config.tiles = config.check(tiles(value)).unwrap_or_default(),
                "product" => config.product = config.check(product(value)),
                "at" => config.at = config.check(lat_lng(value)),
                "lat" => lat = config.check(coordinate("lat", value, 90.0)),
                "lng" => lng = config.check(coordinate("lng", value, 180.0)),
                "zoom" => config.zoom = config.check(zoom(value)),
                "date" => config.date = config.check(date(value)),
                "mode" => config.mode = config.check(mode(value)).unwrap_or_default(),
                "lang" => config.lang = config.check(lang(value)).unwrap_or_default(),
                "county" => config.county = config.check(region("county", value)),
                "town" => config.town = config.check(region("town", value)),
                "refresh" => config.refresh = config.check(refresh(value)),
                "levels" => config.levels = config.check(levels(value)),
                "nearest" => config.nearest = config.check(nearest(value)),
                "idle" => config.idle = config.check(idle(value)),
                "instock" => {
                    config.only_in_stock = config.check(switch("instock", value)).unwrap_or(false)
                }
                "opennow" => {
                    config.only_open_now = config.check(switch("opennow", value)).unwrap_or(false)
                }
                // Embedders add their own parameters (utm_…); not ours to judge.
                _ => {}
            }
        }
        match (lat, lng) {
            (Some(lat), Some(lng)) => config.center = LatLng::new(lat, lng),
            (Some(lat), None) => {
                config.report("lat", &number::trimmed(lat, 7), ProblemKind::HalfCenter)
            }
            (None, Some(lng)) => {
                config.report("lng", &number::trimmed(lng, 7), ProblemKind::HalfCenter)
            }
            (None, None) => {}
        }
        config
    }

    fn check<T>(&mut self, parsed: Result<T, ParamProblem>) -> Option<T> {
        parsed.map_err(|problem| self.problems.push(problem)).ok()
    }

    fn report(&mut self, param: &'static str, value: &str, kind: ProblemKind) {
        self.problems.push(problem(param, value, kind));
    }
}

/// `query` with the parameters `names` replaced by `pairs` (the others kept
/// as they were, in order), so the address bar always reproduces the view.
fn with_params(query: &str, names: &[&str], pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if !names.contains(&key.as_ref()) {
            out.append_pair(&key, &value);
        }
    }
    for (key, value) in pairs {
        out.append_pair(key, value);
    }
    out.finish()
}

/// `query` with the filter parameters set to `filters`.
pub fn query_with_filters(query: &str, filters: &Filters) -> String {
    let mut pairs = Vec::new();
    if let Some(product) = filters.product {
        pairs.push(("product", product.as_param()));
    }
    if filters.only_in_stock {
        pairs.push(("instock", "1"));
    }
    if filters.only_open_now {
        pairs.push(("opennow", "1"));
    }
    if let Some(county) = &filters.county {
        pairs.push(("county", county));
    }
    if let Some(town) = &filters.town {
        pairs.push(("town", town));
    }
    with_params(
        query,
        &["product", "instock", "opennow", "county", "town"],
        &pairs,
    )
}

/// `query` with `date` set to the day checked (`None`: today, no parameter).
pub fn query_with_date(query: &str, date: Option<Date>) -> String {
    let day = date.map(|d| d.to_string());
    let pairs: Vec<(&str, &str)> = day.iter().map(|d| ("date", d.as_str())).collect();
    with_params(query, &["date"], &pairs)
}

/// `query` in another language (a full reload with `lang` set).
pub fn query_with_lang(query: &str, lang: Lang) -> String {
    with_params(query, &["lang"], &[("lang", lang.tag())])
}

/// `query` without `lang`: the same page in whatever language.
pub fn query_without_lang(query: &str) -> String {
    with_params(query, &["lang"], &[])
}

/// The full app's link from an embed or a kiosk: the same view and filters,
/// in the default mode.
pub fn full_app_query(query: &str) -> String {
    with_params(query, &["mode", "idle"], &[])
}

/// The `<iframe>` link for the view on screen: the filters and settings of
/// `query`, the map's `center` and `zoom`, `mode=embed`; not `at`, `date` or
/// `idle`, which belong to one visitor or one kiosk.
pub fn embed_query(query: &str, center: Option<LatLng>, zoom: Option<u8>) -> String {
    let at = center.map(|c| (number::fixed(c.lat, 5), number::fixed(c.lng, 5)));
    let zoom = zoom.map(|z| z.to_string());
    let mut pairs = vec![("mode", "embed")];
    if let (Some((lat, lng)), Some(zoom)) = (&at, &zoom) {
        pairs.extend([
            ("lat", lat.as_str()),
            ("lng", lng.as_str()),
            ("zoom", zoom.as_str()),
        ]);
    }
    with_params(
        query,
        &["mode", "at", "date", "idle", "lat", "lng", "zoom"],
        &pairs,
    )
}

/// How long a kiosk waits without a touch before it resets.
pub const KIOSK_IDLE_SECONDS: u32 = 60;

/// Every parameter of the contract, for reporting repeats.
const PARAMS: [&str; 20] = [
    "feed", "registry", "rules", "product", "at", "lat", "lng", "zoom", "date", "mode", "lang",
    "county", "town", "tiles", "refresh", "levels", "instock", "opennow", "nearest", "idle",
];

fn known_param(key: &str) -> Option<&'static str> {
    PARAMS.into_iter().find(|p| *p == key)
}

fn problem(param: &'static str, value: &str, kind: ProblemKind) -> ParamProblem {
    let mut echo: String = value.chars().take(MAX_ECHO_CHARS).collect();
    if value.chars().count() > MAX_ECHO_CHARS {
        echo.push('…');
    }
    ParamProblem {
        param,
        value: echo,
        kind,
    }
}

/// `http:`/`https:` absolute URLs, protocol-relative `//host/…`, or paths
/// relative to the page. Anything with another scheme (`javascript:`,
/// `data:`, `file:`) is refused.
fn is_fetchable(value: &str) -> bool {
    let scheme_end = value.find(':');
    let path_start = value.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), path) if path.is_none_or(|p| colon < p) => {
            let scheme = value[..colon].to_ascii_lowercase();
            (scheme == "http" || scheme == "https") && value[colon + 1..].starts_with("//")
        }
        _ => true,
    }
}

fn url(param: &'static str, value: &str) -> Result<String, ParamProblem> {
    if is_fetchable(value) && !value.chars().any(char::is_control) {
        Ok(value.to_owned())
    } else {
        Err(problem(param, value, ProblemKind::NotHttpUrl))
    }
}

fn tiles(value: &str) -> Result<Tiles, ParamProblem> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(Tiles::None);
    }
    let template = url("tiles", value)?;
    if ["{z}", "{x}", "{y}"].iter().all(|p| template.contains(p)) {
        Ok(Tiles::Template(template))
    } else {
        Err(problem("tiles", value, ProblemKind::NotTileTemplate))
    }
}

fn product(value: &str) -> Result<Product, ParamProblem> {
    Product::from_param(&value.to_ascii_lowercase())
        .ok_or_else(|| problem("product", value, ProblemKind::UnknownProduct))
}

fn number(value: &str) -> Option<f64> {
    // 1e999 reads as infinite; a link never means that.
    crate::number::parse(value).filter(|n| n.is_finite())
}

fn coordinate(param: &'static str, value: &str, limit: f64) -> Result<f64, ParamProblem> {
    let n = number(value).ok_or_else(|| problem(param, value, ProblemKind::NotLatLng))?;
    if n.abs() <= limit {
        Ok(n)
    } else {
        Err(problem(param, value, ProblemKind::NotCoordinate))
    }
}

fn lat_lng(value: &str) -> Result<LatLng, ParamProblem> {
    let (lat, lng) = value
        .split_once(',')
        .and_then(|(a, b)| Some((number(a.trim())?, number(b.trim())?)))
        .ok_or_else(|| problem("at", value, ProblemKind::NotLatLng))?;
    LatLng::new(lat, lng).ok_or_else(|| problem("at", value, ProblemKind::NotCoordinate))
}

fn zoom(value: &str) -> Result<u8, ParamProblem> {
    value
        .parse::<u8>()
        .ok()
        .filter(|z| *z <= MAX_ZOOM)
        .ok_or_else(|| problem("zoom", value, ProblemKind::NotZoom))
}

fn date(value: &str) -> Result<Date, ParamProblem> {
    Date::parse_iso(value).ok_or_else(|| problem("date", value, ProblemKind::NotDate))
}

fn mode(value: &str) -> Result<Mode, ParamProblem> {
    match value.to_ascii_lowercase().as_str() {
        "app" => Ok(Mode::App),
        "kiosk" => Ok(Mode::Kiosk),
        "embed" => Ok(Mode::Embed),
        _ => Err(problem("mode", value, ProblemKind::UnknownMode)),
    }
}

fn lang(value: &str) -> Result<Lang, ParamProblem> {
    Lang::from_tag(value).ok_or_else(|| problem("lang", value, ProblemKind::UnknownLang))
}

/// Polling faster than every 30 s (the source's own pace) only loads the server.
fn refresh(value: &str) -> Result<u32, ParamProblem> {
    value
        .parse::<u32>()
        .ok()
        .filter(|s| *s == 0 || (30..=3600).contains(s))
        .ok_or_else(|| problem("refresh", value, ProblemKind::NotRefresh))
}

fn nearest(value: &str) -> Result<u8, ParamProblem> {
    value
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=20).contains(n))
        .ok_or_else(|| problem("nearest", value, ProblemKind::NotCount))
}

/// Shorter than 15 s resets a kiosk under someone still reading it.
fn idle(value: &str) -> Result<u32, ParamProblem> {
    value
        .parse::<u32>()
        .ok()
        .filter(|s| (15..=3600).contains(s))
        .ok_or_else(|| problem("idle", value, ProblemKind::NotIdle))
}

fn switch(param: &'static str, value: &str) -> Result<bool, ParamProblem> {
    match value {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(problem(param, value, ProblemKind::NotSwitch)),
    }
}

fn levels(value: &str) -> Result<StockThresholds, ParamProblem> {
    value
        .split_once(',')
        .and_then(|(p, f)| Some((p.trim().parse::<u32>().ok()?, f.trim().parse::<u32>().ok()?)))
        .filter(|(plenty, few)| plenty > few && *few > 0)
        .map(|(plenty, few)| StockThresholds { plenty, few })
        .ok_or_else(|| problem("levels", value, ProblemKind::NotLevels))
}

/// A county or town name, with 台 written 臺 as the registry writes it.
fn region(param: &'static str, value: &str) -> Result<String, ParamProblem> {
    let plausible = value.chars().count() <= MAX_REGION_CHARS
        && value.chars().all(|c| c.is_alphabetic() || c == ' ');
    if plausible {
        Ok(value.replace('台', "臺"))
    } else {
        Err(problem(param, value, ProblemKind::NotRegionName))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let config = Config::from_query(
            "county=%E5%8F%B0%E5%8C%97%E5%B8%82&town=%E5%A4%A7%E5%AE%89%E5%8D%80",
        );
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
}

//! Query string → [`Config`]: each parameter checked on its own, a bad one
//! reported and replaced by its default.

use super::{Config, Lang, Mode, ParamProblem, ProblemKind, Tiles, MAX_ZOOM};
use crate::coords::{degrees_text, parse_degrees, LatLng};
use crate::feed::{Product, StockThresholds};
use crate::time::Date;

/// County and town names are a few characters; anything longer is not one.
const MAX_REGION_CHARS: usize = 12;

impl Config {
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
            (Some(lat), None) => config.report("lat", &degrees_text(lat), ProblemKind::HalfCenter),
            (None, Some(lng)) => config.report("lng", &degrees_text(lng), ProblemKind::HalfCenter),
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

/// Every parameter of the contract, for reporting repeats.
const PARAMS: [&str; 20] = [
    "feed", "registry", "rules", "product", "at", "lat", "lng", "zoom", "date", "mode", "lang",
    "county", "town", "tiles", "refresh", "levels", "instock", "opennow", "nearest", "idle",
];

fn known_param(key: &str) -> Option<&'static str> {
    PARAMS.into_iter().find(|p| *p == key)
}

fn problem(param: &'static str, value: &str, kind: ProblemKind) -> ParamProblem {
    ParamProblem::new(param, value, kind)
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

fn coordinate(param: &'static str, value: &str, limit: f64) -> Result<f64, ParamProblem> {
    let n = parse_degrees(value).ok_or_else(|| problem(param, value, ProblemKind::NotLatLng))?;
    if n.abs() <= limit {
        Ok(n)
    } else {
        Err(problem(param, value, ProblemKind::NotCoordinate))
    }
}

fn lat_lng(value: &str) -> Result<LatLng, ParamProblem> {
    let (lat, lng) = value
        .split_once(',')
        .and_then(|(a, b)| Some((parse_degrees(a.trim())?, parse_degrees(b.trim())?)))
        .ok_or_else(|| problem("at", value, ProblemKind::NotLatLng))?;
    LatLng::new(lat, lng).ok_or_else(|| problem("at", value, ProblemKind::NotCoordinate))
}

fn zoom(value: &str) -> Result<u8, ParamProblem> {
    u8::from_str_radix(value, 10)
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
    u32::from_str_radix(value, 10)
        .ok()
        .filter(|s| *s == 0 || (30..=3600).contains(s))
        .ok_or_else(|| problem("refresh", value, ProblemKind::NotRefresh))
}

fn nearest(value: &str) -> Result<u8, ParamProblem> {
    u8::from_str_radix(value, 10)
        .ok()
        .filter(|n| (1..=20).contains(n))
        .ok_or_else(|| problem("nearest", value, ProblemKind::NotCount))
}

/// Shorter than 15 s resets a kiosk under someone still reading it.
fn idle(value: &str) -> Result<u32, ParamProblem> {
    u32::from_str_radix(value, 10)
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
        .and_then(|(p, f)| {
            Some((
                u32::from_str_radix(p.trim(), 10).ok()?,
                u32::from_str_radix(f.trim(), 10).ok()?,
            ))
        })
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

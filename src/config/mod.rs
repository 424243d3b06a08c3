//! The public URL contract (see the README): its types. [`parse`] reads a
//! query string into a [`Config`]; [`link`] writes the app's own links.
//!
//! Links are the embedding and kiosk API, so a bad value never stops the app:
//! it is reported as a [`ParamProblem`], that parameter falls back to its
//! default, and every other parameter still applies.

use crate::coords::LatLng;
use crate::feed::{Filters, Product, StockThresholds};
use crate::time::Date;

mod link;
mod parse;
pub mod trust;

pub use link::{
    embed_query, full_app_query, query_with_date, query_with_filters, query_with_lang,
    query_without_lang,
};

/// OpenStreetMap's standard tiles, the default base map.
pub const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// kiang/pharmacies' `points.json`, the public feed most 2020 maps used: the
/// default when the page names no bundled snapshot.
pub const PUBLIC_FEED: &str =
    "https://raw.githubusercontent.com/kiang/pharmacies/master/json/points.json";
/// Leaflet's (and OSM's) deepest zoom.
pub const MAX_ZOOM: u8 = 19;
/// How much of a bad value a problem report repeats back (then `…`).
pub const MAX_ECHO_CHARS: usize = 60;

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
    /// What was wrong with the link, in the order met (the first
    /// [`MAX_PROBLEMS_KEPT`], and how many more).
    pub problems: ProblemList,
}

/// How many problems the notice lists; the rest are counted ("and N more").
/// A link with 14,000 bad parameters must not build 14,000 lines.
pub const MAX_PROBLEMS_KEPT: usize = 10;

/// Problems with the link, and those found while the page runs (a source the
/// policy blocked, a source a kiosk refused): the first
/// [`MAX_PROBLEMS_KEPT`] kept, the rest only counted. Reads as the slice of
/// those kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProblemList {
    kept: Vec<ParamProblem>,
    /// Problems met but not kept.
    pub more: usize,
}

impl ProblemList {
    pub fn push(&mut self, problem: ParamProblem) {
        if self.kept.len() < MAX_PROBLEMS_KEPT {
            self.kept.push(problem);
        } else {
            self.more += 1;
        }
    }

    /// Adds `problem` unless the same parameter already has a problem of its
    /// kind (a blocked tile server refuses every tile): whether it was new.
    pub fn push_new(&mut self, problem: ParamProblem) -> bool {
        let known = self
            .kept
            .iter()
            .any(|p| p.param == problem.param && p.kind == problem.kind);
        if !known {
            self.push(problem);
        }
        !known
    }

    /// Every problem met, kept or not.
    pub fn total(&self) -> usize {
        self.kept.len() + self.more
    }
}

impl<'a> IntoIterator for &'a ProblemList {
    type Item = &'a ParamProblem;
    type IntoIter = std::slice::Iter<'a, ParamProblem>;

    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter()
    }
}

impl std::ops::Deref for ProblemList {
    type Target = [ParamProblem];

    fn deref(&self) -> &[ParamProblem] {
        &self.kept
    }
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
    /// A kiosk uses only the site's trusted sources: the default applies.
    Untrusted,
    /// The page's Content-Security-Policy refused to load from this address.
    Blocked,
}

impl ParamProblem {
    /// A problem with `value` (repeated back shortened, as the link's are).
    pub fn new(param: &'static str, value: &str, kind: ProblemKind) -> ParamProblem {
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
}

/// How long a kiosk waits without a touch before it resets.
pub const KIOSK_IDLE_SECONDS: u32 = 60;

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
}

//! The inventory every feed format is read into.

use crate::coords::LatLng;
use crate::fetch_error::FetchError;
use crate::time::TaipeiDateTime;

/// A rationed good a feed may count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Product {
    /// Adult masks.
    Adult,
    /// Children's masks.
    Child,
    /// Home rapid-test kits (boxes).
    RapidTest,
}

impl Product {
    pub const ALL: [Product; 3] = [Product::Adult, Product::Child, Product::RapidTest];

    /// The name used in URLs (`product=`).
    pub fn as_param(self) -> &'static str {
        match self {
            Product::Adult => "adult",
            Product::Child => "child",
            Product::RapidTest => "rapidtest",
        }
    }

    pub fn from_param(s: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.as_param() == s)
    }
}

/// Units left per product; `None` where the feed does not count that product.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stock {
    pub adult: Option<u32>,
    pub child: Option<u32>,
    pub rapidtest: Option<u32>,
}

impl Stock {
    pub fn get(&self, product: Product) -> Option<u32> {
        match product {
            Product::Adult => self.adult,
            Product::Child => self.child,
            Product::RapidTest => self.rapidtest,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pharmacy {
    /// NHIA institution code. A string: some codes contain letters.
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    /// `None` when the feed gives no usable coordinates: listed, not mapped.
    pub location: Option<LatLng>,
    pub stock: Stock,
    /// 縣/市, as the registry writes it (臺, not 台): from the feed, else the address.
    pub county: Option<&'static str>,
    /// 鄉/鎮/市/區: from the feed, else the address.
    pub town: Option<String>,
    /// The pharmacy's own words (hours, ticket times, "sold out"), in feed order.
    pub notes: Vec<String>,
    /// When it sells, where the feed says.
    pub opening: Option<OpeningPeriods>,
    /// When this pharmacy's own row was updated, when the feed says.
    pub updated: Option<TaipeiDateTime>,
}

impl Pharmacy {
    /// Whether it has at least one unit of `product` (unknown counts as none).
    pub fn has_stock(&self, product: Option<Product>) -> bool {
        product.and_then(|p| self.stock.get(p)).unwrap_or(0) > 0
    }

    /// Its stock level of `product`, by `levels` (the link's `levels=`) or
    /// else the product's default thresholds.
    pub fn stock_level(
        &self,
        product: Option<Product>,
        levels: Option<StockThresholds>,
    ) -> StockLevel {
        match product {
            Some(product) => levels
                .unwrap_or_else(|| StockThresholds::default_for(product))
                .level(self.stock.get(product)),
            None => StockLevel::Unknown,
        }
    }
}

/// Open or closed for each day's morning, afternoon and evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpeningPeriods {
    /// `open[day][period]`: day 0 = Monday … 6 = Sunday; period 0 = morning,
    /// 1 = afternoon, 2 = evening.
    pub open: [[bool; 3]; 7],
}

impl OpeningPeriods {
    /// kiang's `service_periods`: 21 characters, Monday–Sunday mornings, then
    /// afternoons, then evenings; `N` = open, `Y` = closed (the NHIA's own
    /// "休診?" flag).
    pub fn from_kiang(s: &str) -> Option<OpeningPeriods> {
        let flags: Vec<char> = s.trim().chars().collect();
        if flags.len() != 21 || flags.iter().any(|c| !matches!(c, 'N' | 'Y')) {
            return None;
        }
        let mut open = [[false; 3]; 7];
        for (i, flag) in flags.iter().enumerate() {
            open[i % 7][i / 7] = *flag == 'N';
        }
        Some(OpeningPeriods { open })
    }
}

impl OpeningPeriods {
    /// Which period a Taipei wall-clock hour falls in: morning 08–12,
    /// afternoon 12–18, evening 18–22 (the NHIA flags name the periods, not
    /// their hours; these are the usual clinic sessions). `None` at night.
    pub fn period_of_hour(hour: u8) -> Option<usize> {
        match hour {
            8..=11 => Some(0),
            12..=17 => Some(1),
            18..=21 => Some(2),
            _ => None,
        }
    }

    /// Whether it is open at `at`; at night every pharmacy counts as closed.
    pub fn open_at(&self, at: TaipeiDateTime) -> bool {
        Self::period_of_hour(at.hour).is_some_and(|p| self.open[usize::from(at.date.weekday())][p])
    }
}

/// How much stock, in words a citizen acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockLevel {
    Plenty,
    Some,
    Few,
    None,
    Unknown,
}

/// Where "plenty" starts and "few" ends, in units of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockThresholds {
    /// At least this many is plenty.
    pub plenty: u32,
    /// Fewer than this (but some) is few.
    pub few: u32,
}

impl StockThresholds {
    /// Defaults: masks were sold 2–3 to a card from stocks of about 200 a
    /// day; rapid tests by the box from stocks of a few dozen.
    pub fn default_for(product: Product) -> StockThresholds {
        match product {
            Product::Adult | Product::Child => StockThresholds {
                plenty: 100,
                few: 20,
            },
            Product::RapidTest => StockThresholds { plenty: 20, few: 5 },
        }
    }

    pub fn level(self, count: Option<u32>) -> StockLevel {
        match count {
            None => StockLevel::Unknown,
            Some(0) => StockLevel::None,
            Some(n) if n >= self.plenty => StockLevel::Plenty,
            Some(n) if n < self.few => StockLevel::Few,
            Some(_) => StockLevel::Some,
        }
    }
}

impl StockLevel {
    /// The class and `data-stock` value.
    pub fn as_str(self) -> &'static str {
        match self {
            StockLevel::Plenty => "plenty",
            StockLevel::Some => "some",
            StockLevel::Few => "few",
            StockLevel::None => "none",
            StockLevel::Unknown => "unknown",
        }
    }

    /// A shape cue besides the colour.
    pub fn glyph(self) -> &'static str {
        match self {
            StockLevel::Plenty => "●",
            StockLevel::Some => "◐",
            StockLevel::Few => "◔",
            StockLevel::None => "×",
            StockLevel::Unknown => "?",
        }
    }
}

/// A row that was left out or mended, for the "N rows skipped" detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// 1-based position among the feed's rows (features), header excluded.
    pub row: usize,
    pub problem: RowProblem,
    /// `true`: the row was left out; `false`: it was kept, mended.
    pub skipped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// Not a feature object / not enough CSV fields.
    Malformed,
    /// A CSV quote opened and never closed: the rest of the file would be
    /// one field of this row.
    UnclosedQuote,
    MissingCode,
    MissingName,
    /// The same institution code again: the first row wins.
    DuplicateCode(String),
    /// A stock count that is not a whole number: shown as unknown.
    BadCount(String),
    /// A stock count below zero (`-5`): shown as unknown.
    NegativeCount(String),
    /// Coordinates that are not numbers or not in Taiwan: kept off the map.
    UnusableCoordinates,
    /// Latitude and longitude given the wrong way round: swapped back.
    SwappedCoordinates,
}

/// Which shape the bytes had; detected from the content, never the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// NHIA `maskdata.csv`: masks, no coordinates (joined with a registry).
    NhiaMaskCsv,
    /// NHIA `Fstdata.csv`: rapid tests, with coordinates; sold-out sites absent.
    NhiaRapidTestCsv,
    /// kiang/pharmacies `points.json` (`mask_adult`, `mask_child`, `updated`).
    KiangGeoJson,
    /// findmasks-style GeoJSON (`masksLeft`, `childMasksLeft`).
    FindmasksGeoJson,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    pub format: FeedFormat,
    pub pharmacies: Vec<Pharmacy>,
    /// The feed's own "as of" time: the newest row stamp it carries.
    pub as_of: Option<TaipeiDateTime>,
    pub issues: Vec<RowIssue>,
    /// The products any pharmacy has a count of, worked out once: the list,
    /// the filters and the panels ask at every render, and a product no
    /// pharmacy counts meant a look at every one (11 ms at 200,000, 4x CPU).
    pub(crate) products: Vec<Product>,
}

impl Inventory {
    /// Rapid-test feeds leave sold-out sites out of the file: a site that was
    /// in `previous` and is not here is kept, as sold out, rather than
    /// vanishing from the map. Returns how many were kept.
    pub fn keep_sold_out_from(&mut self, previous: &Inventory) -> usize {
        if self.format != FeedFormat::NhiaRapidTestCsv || previous.format != self.format {
            return 0;
        }
        let present: std::collections::HashSet<&str> =
            self.pharmacies.iter().map(|p| p.code.as_str()).collect();
        let gone: Vec<Pharmacy> = previous
            .pharmacies
            .iter()
            .filter(|p| !present.contains(p.code.as_str()))
            .map(|p| Pharmacy {
                stock: Stock {
                    rapidtest: Some(0),
                    ..p.stock
                },
                ..p.clone()
            })
            .collect();
        let kept = gone.len();
        self.pharmacies.extend(gone);
        self.products = products_counted(&self.pharmacies);
        kept
    }

    /// Rows left out of this inventory.
    pub fn skipped(&self) -> usize {
        self.issues.iter().filter(|i| i.skipped).count()
    }

    /// Pharmacies that can be put on a map.
    pub fn located(&self) -> impl Iterator<Item = (&Pharmacy, LatLng)> {
        self.pharmacies
            .iter()
            .filter_map(|p| p.location.map(|at| (p, at)))
    }

    /// The pharmacy with institution code `code` (codes are unique: rows
    /// skip a repeated one).
    pub fn pharmacy(&self, code: &str) -> Option<&Pharmacy> {
        self.pharmacies.iter().find(|p| p.code == code)
    }

    /// Products the feed counts for at least one pharmacy, in [`Product::ALL`] order.
    pub fn products(&self) -> Vec<Product> {
        self.products.clone()
    }

    /// The counties the pharmacies are in, each once, in order of their names
    /// (the filter bar's choices).
    pub fn counties(&self) -> Vec<&'static str> {
        distinct_sorted(self.pharmacies.iter().filter_map(|p| p.county))
    }

    /// The towns of `county` the pharmacies are in, each once, in order.
    pub fn towns_in(&self, county: &str) -> Vec<String> {
        distinct_sorted(
            self.pharmacies
                .iter()
                .filter(|p| p.county == Some(county))
                .filter_map(|p| p.town.as_deref()),
        )
        .into_iter()
        .map(str::to_owned)
        .collect()
    }

    /// The product to show: the one asked for if the feed counts it, else the
    /// feed's first.
    pub fn product_to_show(&self, requested: Option<Product>) -> Option<Product> {
        let available = self.products();
        requested
            .filter(|p| available.contains(p))
            .or(available.first().copied())
    }
}

/// The products any of `pharmacies` has a count of, in [`Product::ALL`]'s order.
pub(crate) fn products_counted(pharmacies: &[Pharmacy]) -> Vec<Product> {
    Product::ALL
        .into_iter()
        .filter(|&product| pharmacies.iter().any(|p| p.stock.get(product).is_some()))
        .collect()
}

/// Each name once, in order. Deduplicated before sorting: a few dozen names
/// among thousands of pharmacies, and sorting every pharmacy's name was a
/// 40 ms task at 4x CPU at every load and refresh.
fn distinct_sorted<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        // Neighbouring rows mostly share a county and town: the last one first.
        if distinct.last() != Some(&name) && !distinct.contains(&name) {
            distinct.push(name);
        }
    }
    // Each name is in once, so no two are equal and stability is moot:
    // the unstable sort, which is smaller in the wasm.
    distinct.sort_unstable();
    distinct
}

/// Why a whole feed could not be read. Row-level trouble is never one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not text at all: binary (a compressed file, an image),
    /// or not UTF-8.
    NotText,
    /// Not any format we know (the first bytes, for the message).
    UnknownFormat { starts_with: String },
    /// Looked like JSON but did not parse.
    BadJson { detail: String },
    /// JSON, but not a GeoJSON FeatureCollection with stock counts.
    NotAStockFeed,
    /// A CSV whose header is not a known NHIA feed's (the header, for the message).
    WrongHeader { found: String },
    /// A readable feed that holds no pharmacy at all.
    NoPharmacies,
}

/// Why a load of the feed failed: the network, the server, or the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No usable answer: the network or the server.
    Fetch(FetchError),
    /// An answer, but not a feed we can read.
    Feed(FeedError),
}

impl From<FetchError> for LoadError {
    fn from(error: FetchError) -> LoadError {
        LoadError::Fetch(error)
    }
}

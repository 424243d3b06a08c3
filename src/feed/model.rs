//! The inventory every feed format is read into.

use crate::spatial::LatLng;
use crate::time::TaipeiDateTime;

/// A rationed good a feed may count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// When this pharmacy's own row was updated, when the feed says.
    pub updated: Option<TaipeiDateTime>,
}

/// A row the parser left out, and why, for the "N rows skipped" detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// 1-based position of the row (feature) in the feed.
    pub row: usize,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    MissingCode,
    MissingName,
    DuplicateCode(String),
    NotAnObject,
}

/// Which shape the bytes had; detected from the content, never the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
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
    pub skipped: Vec<SkippedRow>,
}

impl Inventory {
    /// Pharmacies that can be put on a map.
    pub fn located(&self) -> impl Iterator<Item = (&Pharmacy, LatLng)> {
        self.pharmacies
            .iter()
            .filter_map(|p| p.location.map(|at| (p, at)))
    }

    /// Products the feed counts for at least one pharmacy, in [`Product::ALL`] order.
    pub fn products(&self) -> Vec<Product> {
        Product::ALL
            .into_iter()
            .filter(|&product| {
                self.pharmacies
                    .iter()
                    .any(|p| p.stock.get(product).is_some())
            })
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

/// Why a whole feed could not be read. Row-level trouble is never one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// Nothing but whitespace.
    Empty,
    /// Not any format we know (the first bytes, for the message).
    UnknownFormat { starts_with: String },
    /// Looked like JSON but did not parse.
    BadJson { detail: String },
    /// JSON, but not a GeoJSON FeatureCollection with stock counts.
    NotAStockFeed,
    /// A readable feed that holds no pharmacy at all.
    NoPharmacies,
}

/// Why a load of the feed failed: the network, the server, or the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, CORS, or a timeout.
    Network,
    /// The server answered with a non-success status.
    Http { status: u16 },
    /// An answer, but not a feed we can read.
    Feed(FeedError),
}

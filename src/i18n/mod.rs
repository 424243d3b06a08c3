//! Every user-visible string, in Traditional Chinese (Taiwan) and English,
//! one file per panel; the words several panels share are here. Pure: takes
//! typed values and returns text, so the wording is testable.

use crate::config::Lang;
use crate::feed::{Product, StockLevel};

mod details;
mod eligibility;
mod embed;
mod filters;
mod link_problems;
mod list;
mod location;
mod nearest;
mod pace;
mod status;
mod verdict;
mod watch;

pub use details::*;
pub use eligibility::*;
pub use embed::*;
pub use filters::*;
pub use link_problems::*;
pub use list::*;
pub use location::*;
pub use nearest::*;
pub use pace::*;
pub use status::*;
pub use verdict::*;
pub use watch::*;

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::ZhTw => zh,
        Lang::En => en,
    }
}

pub fn app_name(lang: Lang) -> &'static str {
    pick(lang, "口罩地圖", "Mask Map")
}

pub fn tagline(lang: Lang) -> &'static str {
    pick(lang, "哪家藥局還有貨", "Which pharmacies still have stock")
}

pub fn map_label(lang: Lang) -> &'static str {
    pick(lang, "藥局地圖", "Map of pharmacies")
}

/// A cluster, for screen readers and the tooltip.
pub fn cluster_label(lang: Lang, count: u32, with_stock: u32) -> String {
    match lang {
        Lang::ZhTw => format!("{count} 家藥局，其中 {with_stock} 家有貨；點選放大"),
        Lang::En => format!("{count} pharmacies, {with_stock} with stock; select to zoom in"),
    }
}

pub fn you_are_here(lang: Lang) -> &'static str {
    pick(lang, "您的位置", "Your location")
}

pub fn product(lang: Lang, product: Product) -> &'static str {
    match product {
        Product::Adult => pick(lang, "成人口罩", "Adult masks"),
        Product::Child => pick(lang, "兒童口罩", "Children's masks"),
        Product::RapidTest => pick(lang, "快篩試劑（盒）", "Rapid tests (boxes)"),
    }
}

pub fn stock_level(lang: Lang, level: StockLevel) -> &'static str {
    match level {
        StockLevel::Plenty => pick(lang, "充足", "plenty"),
        StockLevel::Some => pick(lang, "尚有", "some"),
        StockLevel::Few => pick(lang, "少量", "few left"),
        StockLevel::None => pick(lang, "售完", "sold out"),
        StockLevel::Unknown => pick(lang, "不明", "unknown"),
    }
}

/// A count and its level: "122 · plenty", "— · unknown".
pub fn count_and_level(lang: Lang, count: Option<u32>, level: StockLevel) -> String {
    let count = count.map_or_else(|| "—".to_owned(), |c| c.to_string());
    format!("{count} · {}", stock_level(lang, level))
}

/// "Open now" / "Closed now" / unknown hours.
pub fn open_now(lang: Lang, open: Option<bool>) -> &'static str {
    match open {
        Some(true) => pick(lang, "現在營業中", "Open now"),
        Some(false) => pick(lang, "現在未營業", "Closed now"),
        None => pick(lang, "營業時間不明", "Opening hours unknown"),
    }
}

pub fn weekdays(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::ZhTw => ["一", "二", "三", "四", "五", "六", "日"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    }
}

pub fn periods(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::ZhTw => ["上午", "下午", "晚上"],
        Lang::En => ["Morning", "Afternoon", "Evening"],
    }
}

/// The link to the other language, named in that language.
pub fn other_language(lang: Lang) -> (Lang, &'static str) {
    match lang {
        Lang::ZhTw => (Lang::En, "English"),
        Lang::En => (Lang::ZhTw, "中文"),
    }
}

/// The bottom sheet's handle, by what a tap does.
pub fn sheet_handle(lang: Lang, full: bool) -> &'static str {
    match full {
        true => pick(lang, "收合面板", "Show less"),
        false => pick(lang, "展開面板", "Show more"),
    }
}

pub fn close(lang: Lang) -> &'static str {
    pick(lang, "關閉", "Close")
}

pub fn dismiss(lang: Lang) -> &'static str {
    pick(lang, "關閉", "Dismiss")
}

pub fn retry(lang: Lang) -> &'static str {
    pick(lang, "重試", "Retry")
}

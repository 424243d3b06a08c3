//! The words of the one-answer card, the favourites and their alerts.

use super::pick;
use crate::config::Lang;
use crate::feed::{Product, StockLevel};
use crate::rules::Parity;
use crate::time::{Date, TaipeiDateTime};

pub fn answer_label(lang: Lang) -> &'static str {
    pick(lang, "最快的答案", "The quick answer")
}

/// Where the remembered parity (or nobody) may not buy today, and the next
/// day it may.
pub fn not_your_day(lang: Lang, parity: Option<Parity>, next: Option<Date>) -> String {
    let whose = match parity {
        Some(Parity::Odd) => pick(lang, "今天不是單號的購買日", "Not a day for odd IDs"),
        Some(Parity::Even) => pick(lang, "今天不是雙號的購買日", "Not a day for even IDs"),
        None => super::nobody_today(lang),
    };
    format!("{whose} · {}", super::next_allowed(lang, next))
}

/// "540 m, about 7 min on foot".
pub fn distance_and_walk(lang: Lang, metres: f64) -> String {
    let comma = match lang {
        Lang::ZhTw => "，",
        Lang::En => ", ",
    };
    format!(
        "{}{comma}{}",
        super::distance(lang, metres),
        super::walking(lang, metres)
    )
}

/// The card's count line: "122 left · selling 36/h · Updated 08:40"; a
/// lagging row's phone instead of its time.
pub fn answer_count(
    lang: Lang,
    count: u32,
    pace: Option<String>,
    updated: Option<TaipeiDateTime>,
    phone: Option<&str>,
) -> String {
    let mut line = match lang {
        Lang::ZhTw => format!("剩 {count}"),
        Lang::En => format!("{count} left"),
    };
    for part in [
        pace,
        updated.map(|t| super::updated_at(lang, t)),
        phone.filter(|p| !p.is_empty()).map(str::to_owned),
    ]
    .into_iter()
    .flatten()
    {
        line.push_str(" · ");
        line.push_str(&part);
    }
    line
}

pub fn only_lagging(lang: Lang) -> &'static str {
    pick(
        lang,
        "附近營業中的有貨藥局，數量都一小時以上沒更新：",
        "Counts near you have not been updated for an hour or more:",
    )
}

pub fn closed_now(lang: Lang) -> &'static str {
    pick(
        lang,
        "附近有貨的藥局現在都沒營業。請在營業時間再看一次，或在地圖上找營業中的藥局。",
        "Pharmacies with stock near you are closed now. Look again in opening hours, or find an open one on the map.",
    )
}

pub fn no_stock_in_reach(lang: Lang) -> &'static str {
    pick(
        lang,
        "20 公里內沒有藥局有貨。數量每分鐘更新，請稍後再看。",
        "No pharmacy within 20 km has stock. Counts update every minute: look again later.",
    )
}

pub fn favourites_heading(lang: Lang) -> &'static str {
    pick(lang, "我的藥局", "My pharmacies")
}

/// The star's label, the same whether pressed or not (`aria-pressed` and
/// the star drawn by CSS say which).
pub fn favourite(lang: Lang) -> &'static str {
    pick(lang, "加入我的藥局", "Keep in my pharmacies")
}

/// A favourite's stock: "122 · Plenty · Updated 08:40".
pub fn favourite_stock(
    lang: Lang,
    count: Option<u32>,
    level: StockLevel,
    updated: Option<TaipeiDateTime>,
) -> String {
    let line = super::count_and_level(lang, count, level);
    match updated {
        Some(t) => format!("{line} · {}", super::updated_at(lang, t)),
        None => line,
    }
}

pub fn remove_favourite(lang: Lang) -> &'static str {
    pick(lang, "移除", "Remove")
}

/// A product's English name inside a sentence (written out: `to_lowercase`
/// is kept out of the app by clippy.toml).
fn product_in_a_sentence(product: Product) -> &'static str {
    match product {
        Product::Adult => "adult masks",
        Product::Child => "children's masks",
        Product::RapidTest => "rapid tests",
    }
}

/// The alert's switch: "Tell me when it has adult masks".
pub fn alert_toggle(lang: Lang, product: Product) -> String {
    match lang {
        Lang::ZhTw => format!("有{}時通知我", super::product(lang, product)),
        Lang::En => format!("Tell me when it has {}", product_in_a_sentence(product)),
    }
}

pub fn alerts_need_the_app_open(lang: Lang) -> &'static str {
    pick(
        lang,
        "只存在這台裝置上。提醒只在這個頁面開著時有效（在背景分頁也可以）：沒有伺服器，關掉的頁面無法通知你。",
        "Kept on this device only. Alerts work while this page is open, in a background tab too: there is no server, so a closed app can't alert you.",
    )
}

/// The alert itself: "大順安藥局 has adult masks again: 50".
pub fn alert_text(lang: Lang, name: &str, product: Product, count: u32) -> String {
    match lang {
        Lang::ZhTw => format!("{name} 又有{}了：{count}", super::product(lang, product)),
        Lang::En => format!(
            "{name} has {} again: {count}",
            product_in_a_sentence(product)
        ),
    }
}

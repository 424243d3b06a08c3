//! The words of the nearest-stock panel: distances and walking times.

use super::pick;
use crate::config::Lang;

/// "850 m" below a kilometre, else "3.2 km".
/// "850 m" / "850 公尺", "3.2 km" / "3.2 公里" (Taiwan writes the units out).
pub fn distance(lang: Lang, metres: f64) -> String {
    let (m, km) = match lang {
        Lang::ZhTw => (" 公尺", " 公里"),
        Lang::En => (" m", " km"),
    };
    if metres < 1000.0 {
        format!("{}{m}", metres.round() as u64)
    } else {
        // Whole tenths of a kilometre, as the whole metres above: integers,
        // not core's float writer (docs/decisions.md).
        let tenths = (metres / 100.0).round() as u64;
        format!("{}.{}{km}", tenths / 10, tenths % 10)
    }
}

/// Walking time at 80 m a minute (4.8 km/h), rounded up.
pub fn walking(lang: Lang, metres: f64) -> String {
    let minutes = (metres / 80.0).ceil().max(1.0) as u64;
    match (lang, minutes) {
        (Lang::ZhTw, m) if m < 120 => format!("步行約 {m} 分鐘"),
        (Lang::ZhTw, m) => format!("步行約 {} 小時", m / 60),
        (Lang::En, m) if m < 120 => format!("about {m} min on foot"),
        (Lang::En, m) => format!("about {} h on foot", m / 60),
    }
}

pub fn nearest_heading(lang: Lang) -> &'static str {
    pick(lang, "最近有貨的藥局", "Nearest pharmacies with stock")
}

pub fn none_within_reach(lang: Lang) -> &'static str {
    pick(
        lang,
        "20 公里內沒有藥局有貨；以下是最近的有貨藥局，不論距離。",
        "No pharmacy within 20 km has stock; these are the nearest that do, however far.",
    )
}

pub fn none_with_stock(lang: Lang) -> &'static str {
    pick(
        lang,
        "目前沒有任何藥局有貨。",
        "No pharmacy has stock right now.",
    )
}

pub fn choose_a_location(lang: Lang) -> &'static str {
    pick(
        lang,
        "選擇位置，即可看到最近有貨的藥局。",
        "Choose a location to see the nearest pharmacies with stock.",
    )
}

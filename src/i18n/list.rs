//! The words of the pharmacy list.

use super::pick;
use crate::config::Lang;

pub fn list_heading(lang: Lang) -> &'static str {
    pick(lang, "藥局清單", "Pharmacy list")
}

pub fn list_button(lang: Lang) -> &'static str {
    pick(lang, "清單", "List")
}

pub fn search_placeholder(lang: Lang) -> &'static str {
    pick(lang, "搜尋名稱、地址或代碼", "Search name, address or code")
}

/// "123 pharmacies" (and how many are shown when the list is cut).
pub fn list_count(lang: Lang, total: usize, shown: usize) -> String {
    match (lang, total > shown) {
        (Lang::ZhTw, false) => format!("{total} 家藥局"),
        (Lang::ZhTw, true) => format!("{total} 家藥局，顯示前 {shown} 家；請用搜尋或篩選縮小範圍"),
        (Lang::En, false) => format!("{total} pharmacies"),
        (Lang::En, true) => {
            format!("{total} pharmacies; the first {shown} shown: search or filter to narrow")
        }
    }
}

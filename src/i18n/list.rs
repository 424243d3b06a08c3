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

/// "123 pharmacies": all that match, every one of them in the list.
pub fn list_count(lang: Lang, total: usize) -> String {
    match lang {
        Lang::ZhTw => format!("{total} 家藥局"),
        Lang::En if total == 1 => "1 pharmacy".to_owned(),
        Lang::En => format!("{total} pharmacies"),
    }
}

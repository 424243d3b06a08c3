//! The words of a pharmacy's details and its directions.

use super::pick;
use crate::config::Lang;

pub fn updated(lang: Lang) -> &'static str {
    pick(lang, "更新時間", "Updated")
}

pub fn directions(lang: Lang) -> &'static str {
    pick(lang, "路線", "Directions")
}

pub fn scan_for_directions(lang: Lang) -> &'static str {
    pick(
        lang,
        "用手機掃描，取得路線",
        "Scan with your phone for directions",
    )
}

pub fn open_label(lang: Lang) -> &'static str {
    pick(lang, "營業", "open")
}

//! The words of the location controls ("use my location", pick on the map).

use super::pick;
use crate::config::Lang;

/// Why "use my location" did not give a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocateProblem {
    Denied,
    TimedOut,
    Unavailable,
}

pub fn locate_problem(lang: Lang, problem: LocateProblem) -> &'static str {
    match problem {
        LocateProblem::Denied => pick(
            lang,
            "您沒有允許使用位置。可改在地圖上點選位置，或用篩選選擇縣市。",
            "Location permission was not given. Pick a place on the map instead, or choose a county in the filters.",
        ),
        LocateProblem::TimedOut => pick(
            lang,
            "定位逾時。請再試一次，或在地圖上點選位置。",
            "Finding your location took too long. Try again, or pick a place on the map.",
        ),
        LocateProblem::Unavailable => pick(
            lang,
            "這台裝置無法提供位置。請在地圖上點選位置。",
            "This device can't tell its location. Pick a place on the map instead.",
        ),
    }
}

pub fn use_my_location(lang: Lang) -> &'static str {
    pick(lang, "使用我的位置", "Use my location")
}

pub fn pick_on_map(lang: Lang) -> &'static str {
    pick(lang, "在地圖上選位置", "Pick on the map")
}

pub fn tap_the_map(lang: Lang) -> &'static str {
    pick(lang, "請點選地圖上的位置。", "Tap the map where you are.")
}

pub fn use_area_centre(lang: Lang) -> &'static str {
    pick(lang, "以所選地區中心為準", "Use the chosen area's centre")
}

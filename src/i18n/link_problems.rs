//! The words of the notice about a link's unusable parameters.

use super::pick;
use crate::config::trust::{ForeignSource, SourceKind};
use crate::config::{Lang, ParamProblem, ProblemKind};

pub fn link_problems_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "網址中有些設定無法使用，已改用預設值：",
        "Some settings in this link can't be used; defaults apply instead:",
    )
}

/// One line per bad URL parameter, naming it and what it should be.
pub fn param_problem(lang: Lang, problem: &ParamProblem) -> String {
    use ProblemKind::*;
    let expected = match (lang, problem.kind) {
        (Lang::ZhTw, NotHttpUrl) => "須為 http(s) 網址或相對路徑",
        (Lang::En, NotHttpUrl) => "must be an http(s) or relative URL",
        (Lang::ZhTw, NotTileTemplate) => "須為含 {z}、{x}、{y} 的圖磚網址，或 none",
        (Lang::En, NotTileTemplate) => "must be a tile URL with {z}, {x} and {y}, or none",
        (Lang::ZhTw, UnknownProduct) => "須為 adult、child 或 rapidtest",
        (Lang::En, UnknownProduct) => "must be adult, child or rapidtest",
        (Lang::ZhTw, NotLatLng) => "須為「緯度,經度」數字，例如 25.0478,121.5170",
        (Lang::En, NotLatLng) => "must be lat,lng in degrees, e.g. 25.0478,121.5170",
        (Lang::ZhTw, NotCoordinate) => "超出緯度 −90~90 或經度 −180~180 的範圍",
        (Lang::En, NotCoordinate) => "is outside latitude −90…90 or longitude −180…180",
        (Lang::ZhTw, HalfCenter) => "lat 與 lng 須同時提供",
        (Lang::En, HalfCenter) => "needs both lat and lng",
        (Lang::ZhTw, NotZoom) => "須為 0 到 19 的整數",
        (Lang::En, NotZoom) => "must be a whole number from 0 to 19",
        (Lang::ZhTw, NotDate) => "須為存在的日期，格式 YYYY-MM-DD",
        (Lang::En, NotDate) => "must be a real date as YYYY-MM-DD",
        (Lang::ZhTw, UnknownMode) => "須為 app、kiosk 或 embed",
        (Lang::En, UnknownMode) => "must be app, kiosk or embed",
        (Lang::ZhTw, UnknownLang) => "須為 zh-TW 或 en",
        (Lang::En, UnknownLang) => "must be zh-TW or en",
        (Lang::ZhTw, NotRegionName) => "不是縣市或鄉鎮名稱",
        (Lang::En, NotRegionName) => "is not a county or town name",
        (Lang::ZhTw, Repeated) => "重複出現，只採用第一個",
        (Lang::En, Repeated) => "appears more than once; the first is used",
        (Lang::ZhTw, NotRefresh) => "須為 0（不更新）或 30 到 3600 秒",
        (Lang::En, NotRefresh) => "must be 0 (no refresh) or 30 to 3600 seconds",
        (Lang::ZhTw, NotLevels) => "須為「充足,少量」兩個整數，例如 100,20",
        (Lang::En, NotLevels) => "must be two whole numbers, plenty,few, e.g. 100,20",
        (Lang::ZhTw, NotSwitch) => "須為 1 或 0",
        (Lang::En, NotSwitch) => "must be 1 or 0",
        (Lang::ZhTw, NotCount) => "須為 1 到 20 的整數",
        (Lang::En, NotCount) => "must be a whole number from 1 to 20",
        (Lang::ZhTw, NotIdle) => "須為 15 到 3600 秒",
        (Lang::En, NotIdle) => "must be 15 to 3600 seconds",
        (Lang::ZhTw, Untrusted) => "不是本站信任的資料來源，資訊站只使用預設來源",
        (Lang::En, Untrusted) => "isn't one of this site's sources; a kiosk uses the default",
        (Lang::ZhTw, Blocked) => "本站的安全政策不允許這個網址",
        (Lang::En, Blocked) => "this site's security policy doesn't allow this address",
    };
    format!("{}=“{}”: {expected}", problem.param, problem.value)
}

/// The last line when more problems were found than are listed.
pub fn more_problems(lang: Lang, more: usize) -> String {
    let n = super::grouped(more);
    match lang {
        Lang::ZhTw => format!("還有 {n} 項"),
        Lang::En => format!("and {n} more"),
    }
}

/// The persistent notice naming a source that is not the site's own:
/// "Stock data from raw.githubusercontent.com/someone/…, not this site's
/// default source".
pub fn foreign_source(lang: Lang, source: &ForeignSource) -> String {
    let from = &source.label;
    match (lang, source.kind) {
        (Lang::ZhTw, SourceKind::Feed) => format!("庫存資料來自 {from}，不是本站的預設來源"),
        (Lang::ZhTw, SourceKind::Registry) => format!("藥局位置來自 {from}，不是本站的預設來源"),
        (Lang::ZhTw, SourceKind::Rules) => format!("購買規則來自 {from}，不是本站的預設來源"),
        (Lang::En, SourceKind::Feed) => {
            format!("Stock data from {from}, not this site's default source")
        }
        (Lang::En, SourceKind::Registry) => {
            format!("Pharmacy locations from {from}, not this site's default source")
        }
        (Lang::En, SourceKind::Rules) => {
            format!("Rules from {from}, not this site's default source")
        }
    }
}

pub fn source_notice_label(lang: Lang) -> &'static str {
    pick(lang, "資料來源", "Data sources")
}

//! Every user-visible string, in Traditional Chinese (Taiwan) and English.
//! Pure: takes typed values and returns text, so the wording is testable.

use crate::config::{Lang, ParamProblem, ProblemKind};
use crate::feed::{FeedError, LoadError};
use crate::time::TaipeiDateTime;

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

pub fn retry(lang: Lang) -> &'static str {
    pick(lang, "重試", "Retry")
}

pub fn dismiss(lang: Lang) -> &'static str {
    pick(lang, "關閉", "Dismiss")
}

pub fn feed_loading(lang: Lang) -> &'static str {
    pick(lang, "正在載入庫存資料…", "Loading stock data…")
}

/// "57 pharmacies · data of 2021-02-28 18:23", with a warning when it is old.
pub fn feed_loaded(lang: Lang, count: usize, as_of: Option<TaipeiDateTime>, stale: bool) -> String {
    let time = as_of.map(TaipeiDateTime::to_display);
    match (lang, time, stale) {
        (Lang::ZhTw, Some(t), true) => {
            format!("{count} 家藥局 · 資料時間 {t}（已過時，庫存可能已變動）")
        }
        (Lang::ZhTw, Some(t), false) => format!("{count} 家藥局 · 資料時間 {t}"),
        (Lang::ZhTw, None, _) => format!("{count} 家藥局 · 資料時間不明"),
        (Lang::En, Some(t), true) => {
            format!("{count} pharmacies · data of {t} (old: stock may have changed)")
        }
        (Lang::En, Some(t), false) => format!("{count} pharmacies · data of {t}"),
        (Lang::En, None, _) => format!("{count} pharmacies · data time unknown"),
    }
}

/// What a citizen needs to know when the feed did not load.
pub fn load_error(lang: Lang, error: &LoadError) -> String {
    let zh = lang == Lang::ZhTw;
    match error {
        LoadError::Network if zh => "無法連上庫存資料來源，請檢查網路後重試。".into(),
        LoadError::Network => {
            "Couldn't reach the stock data. Check your connection and retry.".into()
        }
        LoadError::Http { status: 404 } if zh => "找不到庫存資料（伺服器回應 404）。".into(),
        LoadError::Http { status: 404 } => {
            "The stock data wasn't found (the server said 404).".into()
        }
        LoadError::Http { status } if zh => {
            format!("庫存資料來源出錯（伺服器回應 {status}），請稍後重試。")
        }
        LoadError::Http { status } => {
            format!("The stock data server had a problem (it said {status}). Retry in a moment.")
        }
        LoadError::Feed(FeedError::Empty) if zh => "庫存資料是空的。".into(),
        LoadError::Feed(FeedError::Empty) => "The stock data came back empty.".into(),
        LoadError::Feed(FeedError::NoPharmacies) if zh => "庫存資料中沒有任何藥局。".into(),
        LoadError::Feed(FeedError::NoPharmacies) => "The stock data lists no pharmacies.".into(),
        LoadError::Feed(_) if zh => "收到的不是可讀的庫存資料。".into(),
        LoadError::Feed(_) => "What came back isn't stock data this map can read.".into(),
    }
}

pub fn showing_last_good(lang: Lang) -> &'static str {
    pick(
        lang,
        "仍顯示上次成功載入的資料。",
        "Still showing the last data that loaded.",
    )
}

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
    };
    format!("{}=“{}”: {expected}", problem.param, problem.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn every_link_problem_names_its_parameter_and_value_in_both_languages() {
        let config = Config::from_query("zoom=banana&product=masks&at=1&lat=1&mode=tv&lang=fr&date=x&county=%3C%3E&tiles=x&feed=data:x");
        assert_eq!(config.problems.len(), 10);
        for problem in &config.problems {
            for lang in [Lang::ZhTw, Lang::En] {
                let line = param_problem(lang, problem);
                assert!(
                    line.starts_with(&format!("{}=“{}”", problem.param, problem.value)),
                    "{line}"
                );
            }
        }
    }

    #[test]
    fn load_errors_speak_plainly_and_carry_the_status() {
        let line = load_error(Lang::En, &LoadError::Http { status: 503 });
        assert!(line.contains("503"), "{line}");
        assert_ne!(
            load_error(Lang::ZhTw, &LoadError::Network),
            load_error(Lang::En, &LoadError::Network)
        );
    }

    #[test]
    fn loaded_line_says_when_data_is_old() {
        let t = TaipeiDateTime::parse_feed("2021/02/28 18:23:26");
        assert_eq!(
            feed_loaded(Lang::En, 57, t, false),
            "57 pharmacies · data of 2021-02-28 18:23"
        );
        assert!(feed_loaded(Lang::En, 57, t, true).contains("old"));
        assert!(feed_loaded(Lang::ZhTw, 57, t, true).contains("已過時"));
    }
}

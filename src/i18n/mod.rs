//! Every user-visible string, in Traditional Chinese (Taiwan) and English.
//! Pure: takes typed values and returns text, so the wording is testable.

use crate::config::{Lang, ParamProblem, ProblemKind};
use crate::feed::{FeedError, LoadError, Product, RowIssue, RowProblem, StockLevel};
use crate::time::TaipeiDateTime;

mod eligibility;
pub use eligibility::*;

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

pub fn embed_button(lang: Lang) -> &'static str {
    pick(lang, "嵌入這張地圖", "Embed this map")
}

pub fn embed_heading(lang: Lang) -> &'static str {
    pick(lang, "在您的網頁嵌入地圖", "Embed this map in your page")
}

pub fn embed_explained(lang: Lang) -> &'static str {
    pick(
        lang,
        "把這段程式碼貼到網頁中：它會顯示目前的地圖範圍與篩選條件。",
        "Paste this into your page: it shows the current view and filters.",
    )
}

pub fn copy(lang: Lang) -> &'static str {
    pick(lang, "複製", "Copy")
}

pub fn copied(lang: Lang) -> &'static str {
    pick(lang, "已複製", "Copied")
}

pub fn open_full_map(lang: Lang) -> &'static str {
    pick(lang, "開啟完整地圖", "Open the full map")
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

pub fn open_label(lang: Lang) -> &'static str {
    pick(lang, "營業", "open")
}

pub fn filters(lang: Lang) -> &'static str {
    pick(lang, "篩選", "Filters")
}

pub fn only_in_stock(lang: Lang) -> &'static str {
    pick(lang, "只看有貨", "Only with stock")
}

pub fn only_open_now(lang: Lang) -> &'static str {
    pick(lang, "只看營業中", "Only open now")
}

pub fn all_counties(lang: Lang) -> &'static str {
    pick(lang, "全部縣市", "All counties")
}

pub fn all_towns(lang: Lang) -> &'static str {
    pick(lang, "全部鄉鎮市區", "All towns")
}

pub fn product_label(lang: Lang) -> &'static str {
    pick(lang, "品項", "Product")
}

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
        format!("{}{km}", crate::number::fixed(metres / 1000.0, 1))
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

pub fn you_are_here(lang: Lang) -> &'static str {
    pick(lang, "您的位置", "Your location")
}

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

pub fn choose_a_location(lang: Lang) -> &'static str {
    pick(
        lang,
        "選擇位置，即可看到最近有貨的藥局。",
        "Choose a location to see the nearest pharmacies with stock.",
    )
}

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

pub fn use_area_centre(lang: Lang) -> &'static str {
    pick(lang, "以所選地區中心為準", "Use the chosen area's centre")
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

/// "57 pharmacies · data of 2021-02-28 18:23 (5 min ago)", saying plainly
/// when it is old.
pub fn feed_loaded(
    lang: Lang,
    count: usize,
    as_of: Option<TaipeiDateTime>,
    now_unix: i64,
    stale: bool,
) -> String {
    let when = as_of.map(|t| (t.to_display(), age(lang, now_unix - t.unix_seconds())));
    match (lang, when, stale) {
        (Lang::ZhTw, Some((t, a)), true) => {
            format!("{count} 家藥局 · 資料時間 {t}（{a}，已過時，庫存可能已變動）")
        }
        (Lang::ZhTw, Some((t, a)), false) => format!("{count} 家藥局 · 資料時間 {t}（{a}）"),
        (Lang::ZhTw, None, _) => format!("{count} 家藥局 · 資料時間不明"),
        (Lang::En, Some((t, a)), true) => {
            format!("{count} pharmacies · data of {t} ({a}: old, stock may have changed)")
        }
        (Lang::En, Some((t, a)), false) => format!("{count} pharmacies · data of {t} ({a})"),
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
        LoadError::Timeout if zh => "庫存資料來源太久沒有回應。".into(),
        LoadError::Timeout => "The stock data took too long to arrive.".into(),
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
        LoadError::Feed(FeedError::WrongHeader { .. }) if zh => {
            "收到的 CSV 欄位不是健保署庫存資料的格式。".into()
        }
        LoadError::Feed(FeedError::WrongHeader { .. }) => {
            "What came back is a CSV, but not with the NHIA stock columns.".into()
        }
        LoadError::Feed(_) if zh => "收到的不是可讀的庫存資料。".into(),
        LoadError::Feed(_) => "What came back isn't stock data this map can read.".into(),
    }
}

pub fn offline_saved_copy(lang: Lang) -> &'static str {
    pick(
        lang,
        "目前離線，顯示這台裝置上次儲存的資料：",
        "Offline: showing the data last saved on this device:",
    )
}

pub fn retrying(lang: Lang) -> &'static str {
    pick(lang, "稍後會自動重試。", "It will retry by itself.")
}

pub fn stock_is_approximate(lang: Lang) -> &'static str {
    pick(
        lang,
        "庫存數量僅供參考，請以藥局現場公告為準（許多藥局採發號碼牌或定時販售）。",
        "Stock counts are approximate: the pharmacy's own notice rules (many sell by numbered tickets at set hours).",
    )
}

/// How old the data is, in words: "5 min ago", "3 days ago".
pub fn age(lang: Lang, seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (hours, days) = (minutes / 60, minutes / 1440);
    match (lang, minutes, hours, days) {
        (Lang::ZhTw, 0, _, _) => "剛剛".into(),
        (Lang::ZhTw, m, 0, _) => format!("{m} 分鐘前"),
        (Lang::ZhTw, _, h, 0) => format!("{h} 小時前"),
        (Lang::ZhTw, _, _, d) => format!("{d} 天前"),
        (Lang::En, 0, _, _) => "just now".into(),
        (Lang::En, m, 0, _) => format!("{m} min ago"),
        (Lang::En, _, h, 0) => format!("{h} h ago"),
        (Lang::En, _, _, 1) => "1 day ago".into(),
        (Lang::En, _, _, d) => format!("{d} days ago"),
    }
}

/// "12 rows skipped, 3 mended".
pub fn rows_summary(lang: Lang, skipped: usize, mended: usize) -> String {
    match lang {
        Lang::ZhTw => format!("略過 {skipped} 筆資料，修正 {mended} 筆"),
        Lang::En => format!("{skipped} rows skipped, {mended} mended"),
    }
}

/// One row issue, for the detail under the summary.
pub fn row_issue(lang: Lang, issue: &RowIssue) -> String {
    let zh = lang == Lang::ZhTw;
    let what = match (&issue.problem, zh) {
        (RowProblem::Malformed, true) => "格式不完整，已略過".into(),
        (RowProblem::Malformed, false) => "incomplete row, skipped".into(),
        (RowProblem::UnclosedQuote, true) => "引號（\"）未閉合，此筆及其後內容已略過".into(),
        (RowProblem::UnclosedQuote, false) => {
            "a quote (\") is never closed: this row and all after it skipped".into()
        }
        (RowProblem::MissingCode, true) => "缺少機構代碼，已略過".into(),
        (RowProblem::MissingCode, false) => "no institution code, skipped".into(),
        (RowProblem::MissingName, true) => "缺少名稱，已略過".into(),
        (RowProblem::MissingName, false) => "no name, skipped".into(),
        (RowProblem::DuplicateCode(code), true) => format!("代碼 {code} 重複，已略過"),
        (RowProblem::DuplicateCode(code), false) => format!("code {code} repeated, skipped"),
        (RowProblem::BadCount(value), true) => format!("庫存「{value}」不是數字，顯示為不明"),
        (RowProblem::BadCount(value), false) => {
            format!("count “{value}” is not a number, shown as unknown")
        }
        (RowProblem::UnusableCoordinates, true) => "座標不在臺灣，不顯示於地圖".into(),
        (RowProblem::UnusableCoordinates, false) => {
            "coordinates not in Taiwan, left off the map".into()
        }
        (RowProblem::SwappedCoordinates, true) => "經緯度顛倒，已更正".into(),
        (RowProblem::SwappedCoordinates, false) => {
            "latitude and longitude swapped, corrected".into()
        }
    };
    match lang {
        Lang::ZhTw => format!("第 {} 筆：{what}", issue.row),
        Lang::En => format!("Row {}: {what}", issue.row),
    }
}

/// Pharmacies the map cannot place (no coordinates, no registry match).
pub fn unplaced(lang: Lang, count: usize) -> String {
    match lang {
        Lang::ZhTw => format!("{count} 家藥局沒有位置資料，不在地圖上"),
        Lang::En => format!("{count} pharmacies have no known location and are not on the map"),
    }
}

pub fn registry_failed(lang: Lang) -> &'static str {
    pick(
        lang,
        "無法載入藥局位置資料，地圖暫時無法標示這些藥局。",
        "Pharmacy locations couldn't be loaded, so the map can't place these pharmacies yet.",
    )
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
    fn loaded_line_gives_the_time_its_age_and_says_when_data_is_old() {
        let t = TaipeiDateTime::parse_feed("2021/02/28 18:23:26");
        let stamped = t.unwrap().unix_seconds();
        assert_eq!(
            feed_loaded(Lang::En, 57, t, stamped + 5 * 60 + 30, false),
            "57 pharmacies · data of 2021-02-28 18:23 (5 min ago)"
        );
        let old = feed_loaded(Lang::En, 57, t, stamped + 3 * 86_400, true);
        assert_eq!(
            old,
            "57 pharmacies · data of 2021-02-28 18:23 (3 days ago: old, stock may have changed)"
        );
        assert!(feed_loaded(Lang::ZhTw, 57, t, stamped + 7200, true).contains("2 小時前，已過時"));
    }

    #[test]
    fn distances_and_walking_times_read_as_people_say_them() {
        assert_eq!(distance(Lang::En, 849.6), "850 m");
        assert_eq!(distance(Lang::En, 1000.0), "1.0 km");
        assert_eq!(distance(Lang::En, 3249.0), "3.2 km");
        assert_eq!(distance(Lang::ZhTw, 849.6), "850 公尺");
        assert_eq!(distance(Lang::ZhTw, 3249.0), "3.2 公里");
        assert_eq!(walking(Lang::En, 850.0), "about 11 min on foot");
        assert_eq!(walking(Lang::ZhTw, 20.0), "步行約 1 分鐘");
        assert_eq!(walking(Lang::En, 30_000.0), "about 6 h on foot");
    }

    #[test]
    fn row_issues_say_which_row_and_what_was_done() {
        let issue = RowIssue {
            row: 12,
            problem: RowProblem::BadCount("-5".into()),
            skipped: false,
        };
        assert_eq!(
            row_issue(Lang::En, &issue),
            "Row 12: count “-5” is not a number, shown as unknown"
        );
        assert_eq!(
            row_issue(Lang::ZhTw, &issue),
            "第 12 筆：庫存「-5」不是數字，顯示為不明"
        );
    }
}

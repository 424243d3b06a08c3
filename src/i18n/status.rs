//! The words of the feed status line and its details: loading, loaded,
//! stale, failed, and what was skipped or mended.

use super::pick;
use crate::config::Lang;
use crate::feed::refresh::SavedCopy;
use crate::feed::{FeedError, LoadError, RowIssue, RowProblem};
use crate::fetch_error::FetchError;
use crate::time::TaipeiDateTime;

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
    let shown = pharmacies_shown(lang, count, count);
    format!("{shown} · {}", data_time(lang, as_of, now_unix, stale))
}

/// How many pharmacies are on the map, and how many are not when some
/// have no location: "5,764 pharmacies on the map, 824 without a location".
pub fn pharmacies_shown(lang: Lang, count: usize, located: usize) -> String {
    let unplaced = count.saturating_sub(located);
    let (count, located, unplaced) = (grouped(count), grouped(located), grouped(unplaced));
    match (lang, unplaced.as_str()) {
        (Lang::ZhTw, "0") => format!("{count} 家藥局"),
        (Lang::ZhTw, _) => format!("地圖上 {located} 家藥局，{unplaced} 家無位置"),
        (Lang::En, "0") => format!("{count} pharmacies"),
        (Lang::En, _) => format!("{located} pharmacies on the map, {unplaced} without a location"),
    }
}

/// A phrase as a sentence of its own: its full stop.
pub fn sentence(lang: Lang, phrase: &str) -> String {
    match lang {
        Lang::ZhTw => format!("{phrase}。"),
        Lang::En => format!("{phrase}."),
    }
}

/// "data of 2021-02-28 18:23 (5 min ago)", saying plainly when it is old.
pub fn data_time(lang: Lang, as_of: Option<TaipeiDateTime>, now_unix: i64, stale: bool) -> String {
    let when = as_of.map(|t| (t.to_display(), age(lang, now_unix - t.unix_seconds())));
    match (lang, when, stale) {
        (Lang::ZhTw, Some((t, a)), true) => format!("資料時間 {t}（{a}，已過時，庫存可能已變動）"),
        (Lang::ZhTw, Some((t, a)), false) => format!("資料時間 {t}（{a}）"),
        (Lang::ZhTw, None, _) => "資料時間不明".into(),
        (Lang::En, Some((t, a)), true) => {
            format!("data of {t} ({a}: old, stock may have changed)")
        }
        (Lang::En, Some((t, a)), false) => format!("data of {t} ({a})"),
        (Lang::En, None, _) => "data time unknown".into(),
    }
}

/// [`data_time`] as a sentence of its own, after another: "Data of …".
pub fn data_time_sentence(
    lang: Lang,
    as_of: Option<TaipeiDateTime>,
    now_unix: i64,
    stale: bool,
) -> String {
    // English starts lower-case ("data of", "data time"): ASCII is enough,
    // and spares the wasm Unicode's case tables.
    let mut words = data_time(lang, as_of, now_unix, stale);
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words.push_str(if lang == Lang::ZhTw { "。" } else { "." });
    words
}

/// A count with thousands separated: "6,588".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The header when the registry failed: no pharmacy of the feed is placed.
pub fn registry_failed_header(lang: Lang, off_map: usize) -> String {
    let n = grouped(off_map);
    match lang {
        Lang::ZhTw => format!("無法載入藥局位置資料：{n} 家藥局不在地圖上。"),
        Lang::En => {
            format!("Pharmacy locations couldn't be loaded: {n} pharmacies are off the map.")
        }
    }
}

/// Why the data shown is this device's saved copy: what the network did.
/// `host`: the feed's, for a request the site's policy refused.
pub fn saved_copy_reason(lang: Lang, why: SavedCopy, host: &str) -> String {
    let zh = lang == Lang::ZhTw;
    let error = match why {
        SavedCopy::Failed(error) => error,
        SavedCopy::ServerSentOlder(sent) if zh => {
            return format!("庫存資料伺服器送來較舊的資料（{}）。", sent.to_display())
        }
        SavedCopy::ServerSentOlder(sent) => {
            return format!("The stock server sent older data ({}).", sent.to_display())
        }
    };
    match error {
        FetchError::Http { status } if zh => format!("庫存資料伺服器沒有回應（{status}）。"),
        FetchError::Http { status } => format!("The stock server isn't answering ({status})."),
        FetchError::Timeout if zh => "庫存資料伺服器沒有及時回應。".into(),
        FetchError::Timeout => "The stock server isn't answering in time.".into(),
        FetchError::Network if zh => "無法連上庫存資料伺服器。".into(),
        FetchError::Network => "The stock server couldn't be reached.".into(),
        FetchError::Offline if zh => "這台裝置目前離線。".into(),
        FetchError::Offline => "This device is offline.".into(),
        FetchError::Blocked => blocked_feed(lang, host),
    }
}

/// "Showing the data of 2020-03-03 11:23 saved on this device."
pub fn saved_copy_of(lang: Lang, as_of: Option<TaipeiDateTime>) -> String {
    let t = as_of.map(|t| t.to_display());
    match (lang, t) {
        (Lang::ZhTw, Some(t)) => format!("顯示這台裝置儲存的 {t} 資料。"),
        (Lang::ZhTw, None) => "顯示這台裝置儲存的資料。".into(),
        (Lang::En, Some(t)) => format!("Showing the data of {t} saved on this device."),
        (Lang::En, None) => "Showing the data saved on this device.".into(),
    }
}

/// The feed's address is one the site's Content-Security-Policy refuses.
pub fn blocked_feed(lang: Lang, host: &str) -> String {
    match lang {
        Lang::ZhTw => format!("本站的安全政策不允許讀取庫存資料的網址（{host}）。"),
        Lang::En => {
            format!("This site's security policy doesn't allow the stock data's address ({host}).")
        }
    }
}

/// A poll brought data older than what is shown (a lagging mirror).
pub fn older_refused(lang: Lang, as_of: TaipeiDateTime) -> String {
    let t = as_of.to_display();
    match lang {
        Lang::ZhTw => format!("有一次更新取得的資料（{t}）比目前顯示的舊，未採用。"),
        Lang::En => format!("A poll returned older data ({t}) than shown; it was not applied."),
    }
}

/// What a citizen needs to know when the feed did not load.
pub fn load_error(lang: Lang, error: &LoadError) -> String {
    let zh = lang == Lang::ZhTw;
    match error {
        LoadError::Fetch(FetchError::Network) if zh => {
            "無法連上庫存資料來源，請檢查網路後重試。".into()
        }
        LoadError::Fetch(FetchError::Network) => {
            "Couldn't reach the stock data. Check your connection and retry.".into()
        }
        LoadError::Fetch(FetchError::Offline) if zh => "這台裝置目前離線。".into(),
        LoadError::Fetch(FetchError::Offline) => "This device is offline.".into(),
        LoadError::Fetch(FetchError::Blocked) if zh => {
            "本站的安全政策不允許讀取這個庫存資料來源。".into()
        }
        LoadError::Fetch(FetchError::Blocked) => {
            "This site's security policy doesn't allow the stock data's address.".into()
        }
        LoadError::Fetch(FetchError::Timeout) if zh => "庫存資料來源太久沒有回應。".into(),
        LoadError::Fetch(FetchError::Timeout) => "The stock data took too long to arrive.".into(),
        LoadError::Fetch(FetchError::Http { status: 404 }) if zh => {
            "找不到庫存資料（伺服器回應 404）。".into()
        }
        LoadError::Fetch(FetchError::Http { status: 404 }) => {
            "The stock data wasn't found (the server said 404).".into()
        }
        LoadError::Fetch(FetchError::Http { status }) if zh => {
            format!("庫存資料來源出錯（伺服器回應 {status}），請稍後重試。")
        }
        LoadError::Fetch(FetchError::Http { status }) => {
            format!("The stock data server had a problem (it said {status}). Retry in a moment.")
        }
        LoadError::Feed(FeedError::Empty) if zh => "庫存資料是空的。".into(),
        LoadError::Feed(FeedError::Empty) => "The stock data came back empty.".into(),
        LoadError::Feed(FeedError::NoPharmacies) if zh => "庫存資料中沒有任何藥局。".into(),
        LoadError::Feed(FeedError::NoPharmacies) => "The stock data lists no pharmacies.".into(),
        LoadError::Feed(FeedError::WrongHeader { .. }) if zh => {
            "收到的是 CSV，但沒有健保署資料的欄位。".into()
        }
        LoadError::Feed(FeedError::WrongHeader { .. }) => {
            "What came back is a CSV without the NHIA columns.".into()
        }
        LoadError::Feed(FeedError::NotText) if zh => "收到的內容不是文字。".into(),
        LoadError::Feed(FeedError::NotText) => "What came back isn't text.".into(),
        LoadError::Feed(_) if zh => "收到的不是可讀的庫存資料。".into(),
        LoadError::Feed(_) => "What came back isn't stock data this map can read.".into(),
    }
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
        (RowProblem::NegativeCount(value), true) => format!("庫存「{value}」是負數，顯示為不明"),
        (RowProblem::NegativeCount(value), false) => {
            format!("count “{value}” is negative, shown as unknown")
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
        Lang::ZhTw => format!("{} 家藥局沒有位置資料，不在地圖上", grouped(count)),
        Lang::En => format!(
            "{} pharmacies have no known location and are not on the map",
            grouped(count)
        ),
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

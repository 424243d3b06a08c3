//! The wording of the status line, link problems, distances and row issues
//! (`src/i18n/`), as a user reads it.

use mask_map::config::{Config, Lang};
use mask_map::feed::refresh::SavedCopy;
use mask_map::feed::{FeedError, LoadError, RowIssue, RowProblem};
use mask_map::fetch_error::FetchError;
use mask_map::i18n::{
    data_time_sentence, distance, feed_loaded, grouped, lagging, list_count, load_error,
    more_problems, pace_phrase, param_problem, pharmacies_shown, registry_failed_header, row_issue,
    saved_copy_of, saved_copy_reason, sellout, stalled, walking,
};
use mask_map::time::TaipeiDateTime;

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
    let line = load_error(
        Lang::En,
        &LoadError::Fetch(FetchError::Http { status: 503 }),
    );
    assert!(line.contains("503"), "{line}");
    assert_ne!(
        load_error(Lang::ZhTw, &LoadError::Fetch(FetchError::Network)),
        load_error(Lang::En, &LoadError::Fetch(FetchError::Network))
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
    assert_eq!(distance(Lang::En, 19_960.0), "20.0 km");
    assert_eq!(distance(Lang::En, 123_456.0), "123.5 km");
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
    let negative = RowIssue {
        problem: RowProblem::NegativeCount("-5".into()),
        ..issue
    };
    assert_eq!(
        row_issue(Lang::En, &negative),
        "Row 12: count “-5” is negative, shown as unknown"
    );
}

#[test]
fn what_came_back_is_named_for_what_it_is() {
    let said = |error| load_error(Lang::En, &LoadError::Feed(error));
    assert_eq!(said(FeedError::NotText), "What came back isn't text.");
    let header = FeedError::WrongHeader {
        found: "代碼,名稱".into(),
    };
    assert_eq!(
        said(header),
        "What came back is a CSV without the NHIA columns."
    );
}

#[test]
fn the_header_counts_what_is_on_the_map() {
    // The 2020-03-03 snapshot with its registry: 6,588 pharmacies, 5,764 placed.
    assert_eq!(pharmacies_shown(Lang::En, 6588, 6588), "6,588 pharmacies");
    assert_eq!(
        pharmacies_shown(Lang::En, 6588, 5764),
        "5,764 pharmacies on the map, 824 without a location"
    );
    assert_eq!(
        pharmacies_shown(Lang::ZhTw, 6588, 5764),
        "地圖上 5,764 家藥局，824 家無位置"
    );
    assert_eq!(
        registry_failed_header(Lang::En, 6588),
        "Pharmacy locations couldn't be loaded: 6,588 pharmacies are off the map."
    );
    assert_eq!(grouped(200_000), "200,000");
    // After the registry's sentence, the data's time is a sentence too.
    let t = TaipeiDateTime::parse_feed("2020/03/03 11:23:05");
    let now = t.unwrap().unix_seconds() + 120;
    assert_eq!(
        data_time_sentence(Lang::En, t, now, false),
        "Data of 2020-03-03 11:23 (2 min ago)."
    );
    assert_eq!(
        data_time_sentence(Lang::ZhTw, t, now, false),
        "資料時間 2020-03-03 11:23（2 分鐘前）。"
    );
    assert_eq!(grouped(57), "57");
}

#[test]
fn a_saved_copy_says_what_the_network_did_and_the_data_s_own_time() {
    let t = TaipeiDateTime::parse_feed("2020/03/03 11:23:05");
    let line = |error| {
        format!(
            "{} {}",
            saved_copy_reason(Lang::En, SavedCopy::Failed(error), "data.nhi.gov.tw"),
            saved_copy_of(Lang::En, t)
        )
    };
    assert_eq!(
        line(FetchError::Http { status: 503 }),
        "The stock server isn't answering (503). Showing the data of 2020-03-03 11:23 saved on this device."
    );
    assert!(line(FetchError::Timeout).starts_with("The stock server isn't answering in time."));
    assert!(line(FetchError::Network).starts_with("The stock server couldn't be reached."));
    assert!(line(FetchError::Offline).starts_with("This device is offline."));
    assert!(line(FetchError::Blocked)
        .contains("security policy doesn't allow the stock data's address (data.nhi.gov.tw)"));
    // Only the device being offline is called offline.
    for error in [
        FetchError::Http { status: 500 },
        FetchError::Timeout,
        FetchError::Network,
    ] {
        assert!(!line(error).contains("offline"), "{error:?}");
    }
    // A server behind the device's own copy (a lagging mirror, on a reload).
    let sent = TaipeiDateTime::parse_feed("2020/02/14 09:25:35").unwrap();
    assert_eq!(
        format!(
            "{} {}",
            saved_copy_reason(Lang::En, SavedCopy::ServerSentOlder(sent), ""),
            saved_copy_of(Lang::En, t)
        ),
        "The stock server sent older data (2020-02-14 09:25). Showing the data of 2020-03-03 11:23 saved on this device."
    );
}

#[test]
fn more_problems_than_listed_are_counted() {
    assert_eq!(more_problems(Lang::En, 13_989), "and 13,989 more");
    assert_eq!(more_problems(Lang::ZhTw, 3), "還有 3 項");
}

#[test]
fn one_pharmacy_is_one_pharmacy() {
    assert_eq!(list_count(Lang::En, 1), "1 pharmacy");
    assert_eq!(list_count(Lang::En, 2), "2 pharmacies");
    assert_eq!(list_count(Lang::ZhTw, 1), "1 家藥局");
}

#[test]
fn the_day_s_counts_are_said_as_estimates_and_notices() {
    let at = TaipeiDateTime::parse_feed("2020/03/03 10:40:00").unwrap();
    assert_eq!(
        pace_phrase(Lang::En, 30, Some(at)),
        "selling 30/h · out ~10:40 (est.)"
    );
    assert_eq!(pace_phrase(Lang::ZhTw, 30, None), "每小時 30");
    assert_eq!(
        sellout(Lang::En, at),
        "At this pace, sold out around 10:40 (an estimate)"
    );
    assert!(sellout(Lang::ZhTw, at).contains("估計"));
    assert_eq!(
        lagging(Lang::En, at),
        "Not updated since 10:40: call before you go"
    );
    assert_eq!(lagging(Lang::ZhTw, at), "10:40 後未更新：去之前請先打電話");
    assert!(stalled(Lang::En, 40).starts_with("The count has not moved for 40 min"));
}

#[test]
fn the_answer_card_reads_as_one_line_in_each_language() {
    use mask_map::i18n::{answer_count, distance_and_walk};
    assert_eq!(
        distance_and_walk(Lang::En, 539.4),
        "539 m, about 7 min on foot"
    );
    assert_eq!(
        distance_and_walk(Lang::ZhTw, 539.4),
        "539 公尺，步行約 7 分鐘"
    );
    let at = TaipeiDateTime::from_unix_seconds(1_583_195_100); // 2020-03-03 08:25
    let pace = Some(pace_phrase(Lang::En, 30, None));
    assert_eq!(
        answer_count(Lang::En, 107, pace, Some(at), None),
        "107 left · selling 30/h · Updated 08:25"
    );
    assert_eq!(
        answer_count(Lang::ZhTw, 12, None, None, Some("(02)27360639")),
        "剩 12 · (02)27360639"
    );
}

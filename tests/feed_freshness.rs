//! Time only goes forward: a poll's data older than the data shown is not
//! applied. On the real NHIA snapshots in ../shared/data: maskdata-2020-03-03.csv
//! shown, then maskdata-2020-02-14.csv arriving (a lagging mirror).

mod common;

use common::read_shared;
use mask_map::feed;
use mask_map::feed::refresh::{is_older, judge_arrival, Arrival, SavedCopy};
use mask_map::fetch_error::FetchError;
use mask_map::time::TaipeiDateTime;

fn as_of(name: &str) -> Option<TaipeiDateTime> {
    feed::parse(&read_shared(name))
        .expect("a real snapshot")
        .as_of
}

#[test]
fn an_older_snapshot_does_not_replace_a_newer_one() {
    let march = as_of("maskdata-2020-03-03.csv");
    let february = as_of("maskdata-2020-02-14.csv");
    // The files' own newest row stamps.
    assert_eq!(
        march.map(TaipeiDateTime::to_iso).as_deref(),
        Some("2020-03-03T11:23:40+08:00")
    );
    assert!(february.is_some_and(|f| f.date.month == 2 && f.date.day == 14));
    assert!(is_older(february, march));
    // The newer one, or the same one again, is applied.
    assert!(!is_older(march, february));
    assert!(!is_older(march, march));
}

#[test]
fn data_without_a_time_is_not_refused() {
    let march = as_of("maskdata-2020-03-03.csv");
    assert!(!is_older(None, march));
    assert!(!is_older(march, None));
    assert!(!is_older(None, None));
}

#[test]
fn an_older_poll_is_refused_and_an_older_saved_copy_is_only_a_failure() {
    let march = as_of("maskdata-2020-03-03.csv");
    let february = as_of("maskdata-2020-02-14.csv");
    let timeout = Some(SavedCopy::Failed(FetchError::Timeout));
    assert_eq!(
        judge_arrival(february, march, None),
        Arrival::RefuseOlder(february.unwrap())
    );
    assert_eq!(
        judge_arrival(february, march, timeout),
        Arrival::NetworkFailed(FetchError::Timeout)
    );
    // Newer or the same: shown, saved copy or not (the page then says which).
    assert_eq!(judge_arrival(march, february, None), Arrival::Apply);
    assert_eq!(judge_arrival(march, march, timeout), Arrival::Apply);
    // Nothing shown yet: anything is better than nothing.
    assert_eq!(judge_arrival(february, None, timeout), Arrival::Apply);
}

#[test]
fn a_saved_copy_kept_over_an_older_server_is_applied_and_says_so() {
    let march = as_of("maskdata-2020-03-03.csv");
    let february = as_of("maskdata-2020-02-14.csv").unwrap();
    // On a reload nothing is shown: the device's newer copy goes up...
    let kept = Some(SavedCopy::ServerSentOlder(february));
    assert_eq!(judge_arrival(march, None, kept), Arrival::Apply);
    // ...and never over newer data already on screen.
    let may = as_of("maskdata-2020-05-28.csv");
    assert_eq!(
        judge_arrival(march, may, kept),
        Arrival::RefuseOlder(february)
    );
}

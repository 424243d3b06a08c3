//! Stock over the day, on a morning derived from the real 2020-03-03 NHIA
//! snapshot in ../shared/data (6,588 pharmacies; its counts taken as 08:00's):
//! polls a minute apart in which each pharmacy sells its adult masks three to
//! a card at its own pace (10–59 an hour, by its place in the file) and its
//! children's masks five to a card at twice that pace; one pharmacy's counts
//! frozen; one pharmacy left out of some polls; one restocked. The rapid-test
//! case uses the real 2022-04-28 Fstdata.csv.

mod common;

use common::read_shared;
use mask_map::feed::{self, Inventory, Product};
use mask_map::history::reading::{Trend, LEAST_MINUTES, STALL_MINUTES};
use mask_map::history::{DayHistory, Recorded};
use mask_map::time::{Date, TaipeiDateTime};

fn snapshot() -> Inventory {
    feed::parse(&read_shared("maskdata-2020-03-03.csv")).expect("a real snapshot")
}

fn at(hour: u8, minute: u8) -> TaipeiDateTime {
    TaipeiDateTime {
        date: Date::new(2020, 3, 3).unwrap(),
        hour,
        minute,
        second: 0,
    }
}

/// Adult masks an hour the pharmacy at `i` in the file sells.
fn pace(i: usize) -> u32 {
    10 + (i as u32 * 7) % 50
}

/// What is left of `start` after `minutes` at `per_hour`, sold `card` at a time.
fn left(start: u32, per_hour: u32, minutes: u32, card: u32) -> u32 {
    start.saturating_sub(per_hour * minutes / 60 / card * card)
}

/// The derived morning: the snapshot's counts as they stand `minutes` after
/// 08:00, stamped with that time. `frozen`'s counts never move.
fn morning(base: &Inventory, minutes: u32, frozen: usize) -> Inventory {
    let mut poll = base.clone();
    let time = TaipeiDateTime::from_unix_seconds(at(8, 0).unix_seconds() + i64::from(minutes) * 60);
    for (i, p) in poll.pharmacies.iter_mut().enumerate() {
        p.updated = Some(time);
        if i == frozen {
            continue;
        }
        let start = &base.pharmacies[i].stock;
        p.stock.adult = start.adult.map(|n| left(n, pace(i), minutes, 3));
        p.stock.child = start.child.map(|n| left(n, 2 * pace(i), minutes, 5));
    }
    poll.as_of = Some(time);
    poll
}

/// The history of the derived morning from 08:00 to `until` minutes after.
fn morning_until(base: &Inventory, until: u32, frozen: usize) -> DayHistory {
    let mut history = DayHistory::new();
    for minutes in 0..=until {
        let poll = morning(base, minutes, frozen);
        assert_eq!(history.record(&poll, poll.as_of.unwrap()), Recorded::Kept);
    }
    history
}

/// The first pharmacy selling at `per_hour` whose adult masks last past
/// 13:00 and run out before 22:00.
fn selling_at(base: &Inventory, per_hour: u32) -> usize {
    (0..base.pharmacies.len())
        .find(|&i| {
            pace(i) == per_hour
                && base.pharmacies[i]
                    .stock
                    .adult
                    .is_some_and(|n| n > per_hour * 5 && n < per_hour * 14)
        })
        .expect("a pharmacy selling at that pace")
}

#[test]
fn a_falling_count_has_its_pace_and_an_estimate_of_when_it_sells_out() {
    let base = snapshot();
    // 36 an hour is 18 masks (six cards) in every half hour: an exact pace.
    let k = selling_at(&base, 36);
    let code = base.pharmacies[k].code.clone();
    let history = morning_until(&base, 40, 0);
    let reading = history.reading(&code, Product::Adult, None);
    assert_eq!(reading.trend, Trend::Falling);
    assert_eq!(reading.rate_per_hour, Some(36));
    // Sold out when all its 08:00 masks are gone at 36 an hour.
    let start = base.pharmacies[k].stock.adult.unwrap();
    let empty = at(8, 0).unix_seconds() + i64::from(start) * 3600 / 36;
    let sellout = reading.sellout.expect("an estimate");
    assert_eq!(
        sellout.unix_seconds() / 60,
        empty / 60,
        "{}",
        sellout.to_iso()
    );
    assert_eq!(reading.stalled_minutes, None);
    // The chart's points: one per change, the first at 08:00.
    let counts = history.counts(&code, Product::Adult);
    assert_eq!(counts[0], (8 * 3600, Some(start)));
    assert_eq!(counts.last().unwrap().1, Some(left(start, 36, 40, 3)));
    assert!(counts.windows(2).all(|w| w[1].1 < w[0].1));
}

#[test]
fn under_twenty_minutes_of_history_nothing_is_said() {
    let base = snapshot();
    let code = base.pharmacies[selling_at(&base, 36)].code.clone();
    let early = morning_until(&base, LEAST_MINUTES - 1, 0);
    let reading = early.reading(&code, Product::Adult, None);
    assert_eq!(reading.trend, Trend::Unknown);
    assert_eq!((reading.rate_per_hour, reading.sellout), (None, None));
    let enough = morning_until(&base, LEAST_MINUTES, 0);
    assert_eq!(
        enough.reading(&code, Product::Adult, None).trend,
        Trend::Falling
    );
}

#[test]
fn a_count_frozen_while_others_sell_is_a_stall() {
    let base = snapshot();
    let frozen = (0..base.pharmacies.len())
        .find(|&i| base.pharmacies[i].stock.adult.is_some_and(|n| n > 0))
        .unwrap();
    let code = base.pharmacies[frozen].code.clone();
    let before = morning_until(&base, STALL_MINUTES - 1, frozen);
    assert_eq!(
        before.reading(&code, Product::Adult, None).stalled_minutes,
        None
    );
    let history = morning_until(&base, 40, frozen);
    let reading = history.reading(&code, Product::Adult, None);
    assert_eq!(reading.stalled_minutes, Some(40));
    assert_eq!(reading.trend, Trend::Steady);
    assert_eq!(reading.rate_per_hour, Some(0));
    // A count of 0 that does not move is no stall.
    let empty = (0..base.pharmacies.len())
        .find(|&i| base.pharmacies[i].stock.adult == Some(0))
        .unwrap();
    let empty = history.reading(&base.pharmacies[empty].code, Product::Adult, None);
    assert_eq!(empty.stalled_minutes, None);
}

#[test]
fn no_stall_when_nothing_moves_anywhere_or_the_pharmacy_is_closed() {
    let base = snapshot();
    let code = base.pharmacies[0].code.clone();
    assert!(base.pharmacies[0].stock.adult.unwrap() > 0);
    // Every count still: the feed itself may have stopped.
    let mut still = DayHistory::new();
    for minutes in 0..=40 {
        let mut poll = morning(&base, 0, 0);
        poll.as_of = Some(TaipeiDateTime::from_unix_seconds(
            at(8, 0).unix_seconds() + minutes * 60,
        ));
        still.record(&poll, poll.as_of.unwrap());
    }
    assert_eq!(
        still.reading(&code, Product::Adult, None).stalled_minutes,
        None
    );
    // Others selling, but from 21:00 (the usual hours end then).
    let mut late = DayHistory::new();
    for minutes in 0..=40 {
        let mut poll = morning(&base, minutes, 0);
        let time =
            TaipeiDateTime::from_unix_seconds(at(21, 0).unix_seconds() + i64::from(minutes) * 60);
        poll.as_of = Some(time);
        late.record(&poll, time);
    }
    assert_eq!(
        late.reading(&code, Product::Adult, None).stalled_minutes,
        None
    );
}

#[test]
fn a_restock_is_rising_and_starts_the_pace_again() {
    let base = snapshot();
    let k = selling_at(&base, 36);
    let code = base.pharmacies[k].code.clone();
    let mut history = DayHistory::new();
    // Its count with `extra` more than the morning's.
    let record = |history: &mut DayHistory, minutes: u32, extra: u32| {
        let mut poll = morning(&base, minutes, usize::MAX);
        poll.pharmacies[k].stock.adult = poll.pharmacies[k].stock.adult.map(|n| n + extra);
        history.record(&poll, poll.as_of.unwrap());
    };
    for minutes in 0..=30 {
        record(&mut history, minutes, 0);
    }
    // 200 more from 08:31.
    for minutes in 31..=40 {
        record(&mut history, minutes, 200);
    }
    assert_eq!(
        history.reading(&code, Product::Adult, None).trend,
        Trend::Rising
    );
    for minutes in 41..=51 {
        record(&mut history, minutes, 200);
    }
    // Twenty minutes after the restock: the pace since it, 36 an hour
    // give or take the card sold in the minute of the restock.
    let reading = history.reading(&code, Product::Adult, None);
    assert_eq!(reading.trend, Trend::Falling);
    let rate = reading.rate_per_hour.unwrap();
    assert!((27..=45).contains(&rate), "{rate}");
}

#[test]
fn polls_that_repeat_or_go_back_in_time_change_nothing() {
    let base = snapshot();
    let code = base.pharmacies[selling_at(&base, 36)].code.clone();
    let mut history = morning_until(&base, 20, 0);
    let counts = history.counts(&code, Product::Adult);
    let reading = history.reading(&code, Product::Adult, None);
    // The same poll again, and an older one (a lagging mirror).
    let again = morning(&base, 20, 0);
    assert_eq!(
        history.record(&again, again.as_of.unwrap()),
        Recorded::NotNewer
    );
    let older = morning(&base, 5, 0);
    assert_eq!(
        history.record(&older, older.as_of.unwrap()),
        Recorded::NotNewer
    );
    let yesterday = feed::parse(&read_shared("maskdata-2020-02-14.csv")).unwrap();
    assert_eq!(
        history.record(&yesterday, yesterday.as_of.unwrap()),
        Recorded::NotNewer
    );
    assert_eq!(history.polls(), 21);
    assert_eq!(history.counts(&code, Product::Adult), counts);
    assert_eq!(history.reading(&code, Product::Adult, None), reading);
}

#[test]
fn a_pharmacy_left_out_of_a_poll_is_a_gap_not_a_zero() {
    let base = snapshot();
    let k = selling_at(&base, 36);
    let code = base.pharmacies[k].code.clone();
    let other = base.pharmacies[selling_at(&base, 42)].code.clone();
    let mut history = DayHistory::new();
    // Left out of the polls of 08:10, 08:11 and 08:12.
    let record = |history: &mut DayHistory, minutes: u32| {
        let mut poll = morning(&base, minutes, usize::MAX);
        if (10..=12).contains(&minutes) {
            poll.pharmacies.remove(k);
        }
        history.record(&poll, poll.as_of.unwrap());
    };
    for minutes in 0..=25 {
        record(&mut history, minutes);
    }
    let counts = history.counts(&code, Product::Adult);
    let gap = counts.iter().position(|c| c.1.is_none()).expect("a gap");
    assert_eq!(counts[gap].0, 8 * 3600 + 10 * 60);
    assert_eq!(counts[gap + 1].0, 8 * 3600 + 13 * 60);
    assert!(counts.iter().all(|c| c.1 != Some(0)));
    // Back at 08:13: twelve minutes of history since, too few to say more.
    assert_eq!(
        history.reading(&code, Product::Adult, None).trend,
        Trend::Unknown
    );
    assert_eq!(
        history.reading(&other, Product::Adult, None).trend,
        Trend::Falling
    );
    for minutes in 26..=33 {
        record(&mut history, minutes);
    }
    assert_eq!(
        history.reading(&code, Product::Adult, None).trend,
        Trend::Falling
    );
}

#[test]
fn a_rapid_test_site_the_feed_leaves_out_is_sold_out() {
    let first = feed::parse(&read_shared("rapidtest-2022-04-28.csv")).unwrap();
    let gone = first.pharmacies[0].code.clone();
    let time = first.as_of.unwrap();
    let mut history = DayHistory::new();
    history.record(&first, time);
    // Ten minutes later the site sold out, and the feed left it out.
    let mut later = first.clone();
    later.pharmacies.remove(0);
    later.keep_sold_out_from(&first);
    history.record(
        &later,
        TaipeiDateTime::from_unix_seconds(time.unix_seconds() + 600),
    );
    let counts = history.counts(&gone, Product::RapidTest);
    assert_eq!(counts.len(), 2);
    assert_eq!(counts[1].1, Some(0));
}

#[test]
fn a_new_taipei_day_starts_the_history_again() {
    let base = snapshot();
    let code = base.pharmacies[0].code.clone();
    let mut history = morning_until(&base, 30, usize::MAX);
    let mut tomorrow = base.clone();
    let time = TaipeiDateTime::from_unix_seconds(at(8, 0).unix_seconds() + 86_400);
    tomorrow.as_of = Some(time);
    assert_eq!(history.record(&tomorrow, time), Recorded::NewDay);
    assert_eq!(history.day(), Some(time.date));
    assert_eq!(history.polls(), 1);
    assert_eq!(history.counts(&code, Product::Adult).len(), 1);
}

#[test]
fn a_kiosk_day_from_08_to_22_fits_in_eight_megabytes() {
    let base = snapshot();
    let mut history = DayHistory::new();
    let mut poll = base.clone();
    for minutes in 0..=14 * 60 {
        let time =
            TaipeiDateTime::from_unix_seconds(at(8, 0).unix_seconds() + i64::from(minutes) * 60);
        for (i, p) in poll.pharmacies.iter_mut().enumerate() {
            let start = &base.pharmacies[i].stock;
            p.stock.adult = start.adult.map(|n| left(n, pace(i), minutes, 3));
            p.stock.child = start.child.map(|n| left(n, 2 * pace(i), minutes, 5));
        }
        assert_eq!(history.record(&poll, time), Recorded::Kept);
    }
    assert_eq!(history.polls(), 841);
    let bytes = history.bytes();
    println!("a day of 6,588 pharmacies: {bytes} bytes");
    assert!(bytes < 8 * 1024 * 1024, "{bytes}");
    // Still the whole day: the first count and the last.
    let k = selling_at(&base, 36);
    let counts = history.counts(&base.pharmacies[k].code, Product::Adult);
    assert_eq!(counts[0], (8 * 3600, base.pharmacies[k].stock.adult));
}

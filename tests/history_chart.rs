//! The details' chart of today's counts, drawn from a history of polls
//! derived from the real 2020-03-03 NHIA snapshot in ../shared/data: one
//! pharmacy's adult count stepped down 3 a minute from its real count, left
//! out of two polls, with every other pharmacy as in the file.

mod common;

use common::read_shared;
use mask_map::feed::{self, Inventory, Product};
use mask_map::history::chart::{chart, HEIGHT, WIDTH};
use mask_map::history::DayHistory;
use mask_map::time::{Date, TaipeiDateTime};

fn at(minutes: u32) -> TaipeiDateTime {
    TaipeiDateTime {
        date: Date::new(2020, 3, 3).unwrap(),
        hour: 8 + (minutes / 60) as u8,
        minute: (minutes % 60) as u8,
        second: 0,
    }
}

/// Polls from 08:00 to `until` minutes after; the pharmacy at `k` sells 3 a
/// minute and is left out at minutes 10 and 11.
fn history(base: &Inventory, k: usize, until: u32) -> DayHistory {
    let start = base.pharmacies[k].stock.adult.unwrap();
    let mut history = DayHistory::new();
    for minute in 0..=until {
        let mut poll = base.clone();
        poll.pharmacies[k].stock.adult = Some(start - 3 * minute);
        if (10..=11).contains(&minute) {
            poll.pharmacies.remove(k);
        }
        history.record(&poll, at(minute));
    }
    history
}

#[test]
fn the_line_steps_down_with_the_count_and_breaks_where_the_feed_left_it_out() {
    let base = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    let k = base
        .pharmacies
        .iter()
        .position(|p| p.stock.adult.is_some_and(|n| n >= 200))
        .unwrap();
    let code = base.pharmacies[k].code.clone();
    let start = base.pharmacies[k].stock.adult.unwrap();
    let history = history(&base, k, 30);
    let counts = history.counts(&code, Product::Adult);
    let drawn = chart(&counts, history.last_poll().unwrap()).unwrap();
    assert_eq!((drawn.from, drawn.until), (8 * 3600, 8 * 3600 + 30 * 60));
    assert_eq!(drawn.most, start);
    // Two runs of the line: 08:00–08:10, then 08:12 to the last poll.
    let runs: Vec<&str> = drawn.path.split('M').filter(|r| !r.is_empty()).collect();
    assert_eq!(runs.len(), 2, "{}", drawn.path);
    // It starts at the top left (the highest count) and ends at the right.
    assert!(runs[0].starts_with("0 0H"));
    assert!(drawn.path.ends_with(&format!("H{WIDTH}")));
    // The second run starts at 08:12 (12/30 of the width), its count then.
    let y_at_12 = u64::from(HEIGHT) - u64::from(start - 36) * u64::from(HEIGHT) / u64::from(start);
    assert!(runs[1].starts_with(&format!("{} {y_at_12}H", 12 * WIDTH / 30)));
    // The first run ends where the gap begins, at 08:10.
    assert!(runs[0].ends_with(&format!("H{}", 10 * WIDTH / 30)));
    // Each step goes down the box, never up: the count only fell.
    let ys: Vec<u64> = drawn
        .path
        .split('V')
        .skip(1)
        .map(|v| u64::from_str_radix(v.split('H').next().unwrap(), 10).unwrap())
        .collect();
    assert!(ys.windows(2).all(|w| w[0] <= w[1]), "{ys:?}");
    assert!(ys.iter().all(|y| *y <= u64::from(HEIGHT)));
}

#[test]
fn no_chart_before_there_is_time_to_show() {
    let base = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    let code = base.pharmacies[0].code.clone();
    let one_poll = history(&base, 0, 0);
    let counts = one_poll.counts(&code, Product::Adult);
    assert_eq!(chart(&counts, one_poll.last_poll().unwrap()), None);
    assert_eq!(chart(&[], 8 * 3600), None);
}

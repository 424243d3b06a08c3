//! Stock over the day, learned while the app is open: each poll's counts,
//! per pharmacy and product, for the current Taipei day. In memory only and
//! changes only: a count is kept when it differs from the one before, so a
//! kiosk open from 08:00 to 22:00 holds the day of 6,588 pharmacies in a few
//! megabytes (the encoding is in [`series`]). What the counts say (pace, sell-out estimate, a stalled count)
//! is in [`reading`].

pub mod chart;
pub mod reading;
mod series;

use std::collections::HashMap;

use crate::feed::{Inventory, Product};
use crate::time::{Date, TaipeiDateTime};
use series::{Point, Series, ABSENT};

/// Counts above this are kept as this (no pharmacy held 65,000 of anything).
const MOST: u16 = ABSENT - 1;

/// One pharmacy's counts, a series per product in [`Product::ALL`]'s order.
#[derive(Debug, Default)]
struct Track {
    series: [Series; 3],
    /// The last poll whose feed had it.
    seen: u16,
}

/// What became of a poll handed to [`DayHistory::record`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Kept as the day's newest poll.
    Kept,
    /// The first poll of a new Taipei day: the day before was let go.
    NewDay,
    /// Not newer than the newest poll kept (repeated, or a feed gone back
    /// in time): left out, and the history is as it was.
    NotNewer,
    /// More polls in one day than a count can index: left out.
    Full,
}

/// The counts of the day so far.
#[derive(Debug, Default)]
pub struct DayHistory {
    day: Option<Date>,
    /// The feed time of each poll kept, in seconds since the day's midnight,
    /// rising.
    polls: Vec<u32>,
    /// How many pharmacies' counts changed at each poll.
    changed: Vec<u32>,
    tracks: HashMap<Box<str>, Track>,
}

fn slot(product: Product) -> usize {
    match product {
        Product::Adult => 0,
        Product::Child => 1,
        Product::RapidTest => 2,
    }
}

fn seconds_of_day(at: TaipeiDateTime) -> u32 {
    u32::from(at.hour) * 3600 + u32::from(at.minute) * 60 + u32::from(at.second)
}

impl DayHistory {
    pub fn new() -> DayHistory {
        DayHistory::default()
    }

    /// Keeps the counts of `inventory`, whose data is of `at` (its newest
    /// row's time, the feed time). A pharmacy that was in an earlier poll
    /// and is not in this one gets a gap. (A rapid-test feed's sold-out
    /// sites are kept in the inventory as zeros before this: see
    /// [`Inventory::keep_sold_out_from`].)
    pub fn record(&mut self, inventory: &Inventory, at: TaipeiDateTime) -> Recorded {
        let mut outcome = Recorded::Kept;
        match self.day {
            Some(day) if at.date < day => return Recorded::NotNewer,
            Some(day) if at.date == day => {}
            _ => {
                if self.day.is_some() {
                    outcome = Recorded::NewDay;
                }
                *self = DayHistory {
                    day: Some(at.date),
                    ..DayHistory::default()
                };
            }
        }
        let time = seconds_of_day(at);
        if self.polls.last().is_some_and(|&last| time <= last) {
            return Recorded::NotNewer;
        }
        let Ok(poll) = u16::try_from(self.polls.len()) else {
            return Recorded::Full;
        };
        if poll == u16::MAX {
            return Recorded::Full;
        }
        let mut changed = 0;
        for pharmacy in &inventory.pharmacies {
            // Looked up before inserting: a key is made only for a newcomer.
            if !self.tracks.contains_key(pharmacy.code.as_str()) {
                self.tracks
                    .insert(pharmacy.code.as_str().into(), Track::default());
            }
            let Some(track) = self.tracks.get_mut(pharmacy.code.as_str()) else {
                continue;
            };
            track.seen = poll;
            let mut moved = false;
            for product in Product::ALL {
                let series = &mut track.series[slot(product)];
                let count = match pharmacy.stock.get(product) {
                    Some(count) => u16::try_from(count).unwrap_or(MOST).min(MOST),
                    // A product this pharmacy was never counted for stays out.
                    None if series.is_empty() => continue,
                    None => ABSENT,
                };
                let before = series.last_count();
                if series.push(poll, count) {
                    moved |= before.is_some_and(|b| b != ABSENT) && count != ABSENT;
                }
            }
            changed += u32::from(moved);
        }
        // Those this feed left out: a gap from here.
        for track in self.tracks.values_mut().filter(|t| t.seen != poll) {
            for series in track.series.iter_mut().filter(|s| !s.is_empty()) {
                series.push(poll, ABSENT);
            }
        }
        self.polls.push(time);
        self.changed.push(changed);
        outcome
    }

    /// The Taipei day the history is of.
    pub fn day(&self) -> Option<Date> {
        self.day
    }

    /// The feed time of the day's last poll, seconds since midnight.
    pub fn last_poll(&self) -> Option<u32> {
        self.polls.last().copied()
    }

    /// How many polls were kept today.
    pub fn polls(&self) -> usize {
        self.polls.len()
    }

    /// The counts of `code`'s `product` today, one per change: the feed
    /// time (seconds since midnight) and the count, `None` where the feed
    /// left the pharmacy out. Empty when it has none.
    pub fn counts(&self, code: &str, product: Product) -> Vec<(u32, Option<u32>)> {
        self.points(code, product)
            .iter()
            .map(|p| {
                let count = (p.count != ABSENT).then_some(u32::from(p.count));
                (self.polls[usize::from(p.poll)], count)
            })
            .collect()
    }

    /// The memory the history holds, in bytes: its vectors' capacities and
    /// the map's entries (keys, values and the table's own word per entry).
    pub fn bytes(&self) -> usize {
        use std::mem::size_of;
        let entry = size_of::<Box<str>>() + size_of::<Track>() + size_of::<u64>();
        let tracks: usize = self
            .tracks
            .iter()
            .map(|(code, track)| {
                code.len() + track.series.iter().map(Series::heap_bytes).sum::<usize>()
            })
            .sum();
        tracks
            + self.tracks.capacity() * entry
            + self.polls.capacity() * size_of::<u32>()
            + self.changed.capacity() * size_of::<u32>()
    }

    fn points(&self, code: &str, product: Product) -> Vec<Point> {
        self.tracks
            .get(code)
            .map_or_else(Vec::new, |t| t.series[slot(product)].points())
    }
}

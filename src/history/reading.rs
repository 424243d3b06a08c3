//! What a pharmacy's counts of the day say: how fast its shelf empties, when
//! it may be empty at that pace, and whether its count has stopped moving
//! while it is open (a sign it sells by numbered tickets, not as counted).
//! All in feed time: the polls' own times, not the device's clock.

use super::series::{Point, ABSENT};
use super::DayHistory;
use crate::feed::{OpeningPeriods, Product};
use crate::time::{Date, TaipeiDateTime};

/// Under this much history of a count (minutes), nothing is said of it.
pub const LEAST_MINUTES: u32 = 20;
/// The pace is measured over the last this many minutes (or since a restock).
pub const PACE_MINUTES: u32 = 30;
/// A count above 0 unchanged this long (minutes), while the pharmacy is open
/// and others' counts move, has stalled.
pub const STALL_MINUTES: u32 = 30;
/// Where the feed gives no hours, the stall notice takes these (seconds
/// since midnight): 08:00–21:00.
const USUAL_HOURS: std::ops::Range<u32> = 8 * 3600..21 * 3600;

/// Which way a count is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Leaving the shelf at 1 an hour or more.
    Falling,
    Steady,
    /// Restocked within the last [`LEAST_MINUTES`].
    Rising,
    /// Under [`LEAST_MINUTES`] of history, or not in the feed now.
    Unknown,
}

impl Trend {
    /// The `data-trend` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Falling => "falling",
            Trend::Steady => "steady",
            Trend::Rising => "rising",
            Trend::Unknown => "unknown",
        }
    }
}

/// What the counts of one pharmacy and product say now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub trend: Trend,
    /// Items an hour leaving the shelf, rounded, when known.
    pub rate_per_hour: Option<u32>,
    /// When it would be sold out at that pace: an estimate, made only after
    /// [`LEAST_MINUTES`] of falling counts, and only if it falls today.
    pub sellout: Option<TaipeiDateTime>,
    /// How long (minutes) the count has not moved, when that is a stall.
    pub stalled_minutes: Option<u32>,
}

impl Reading {
    /// Nothing known: too little history, or not in the feed now.
    pub const UNKNOWN: Reading = Reading {
        trend: Trend::Unknown,
        rate_per_hour: None,
        sellout: None,
        stalled_minutes: None,
    };
}

const UNKNOWN: Reading = Reading::UNKNOWN;

impl DayHistory {
    /// What `code`'s counts of `product` say at the day's newest poll.
    /// `opening`: when it sells, if the feed says (for the stall notice).
    pub fn reading(
        &self,
        code: &str,
        product: Product,
        opening: Option<&OpeningPeriods>,
    ) -> Reading {
        let (Some(&now), Some(day)) = (self.polls.last(), self.day) else {
            return UNKNOWN;
        };
        let series = self.points(code, product);
        // Only the stretch since the feed last left it out, if it did.
        let run = &series[series
            .iter()
            .rposition(|p| p.count == ABSENT)
            .map_or(0, |gap| gap + 1)..];
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return UNKNOWN;
        };
        let time = |point: &Point| self.polls[usize::from(point.poll)];
        if now - time(first) < LEAST_MINUTES * 60 {
            return UNKNOWN;
        }
        // A restock starts the pace's window again.
        let restocked = run
            .windows(2)
            .rev()
            .find(|pair| pair[1].count > pair[0].count)
            .map(|pair| time(&pair[1]));
        let from = now
            .saturating_sub(PACE_MINUTES * 60)
            .max(restocked.unwrap_or(0));
        let at_start = run
            .iter()
            .take_while(|p| time(p) <= from)
            .last()
            .unwrap_or(first)
            .count;
        let count = last.count;
        let span = now - from;
        let mut reading = UNKNOWN;
        if span < LEAST_MINUTES * 60 {
            // Only a restock makes the window this short.
            reading.trend = Trend::Rising;
        } else {
            let per_hour = f64::from(at_start.saturating_sub(count)) * 3600.0 / f64::from(span);
            reading.rate_per_hour = Some(per_hour.round() as u32);
            reading.trend = if per_hour >= 1.0 {
                Trend::Falling
            } else {
                Trend::Steady
            };
            if reading.trend == Trend::Falling && count > 0 {
                let empty = f64::from(now) + f64::from(count) / per_hour * 3600.0;
                reading.sellout = (empty < 86_400.0).then(|| clock(day, empty as u32));
            }
        }
        let still_since = time(last);
        let stalled = count > 0
            && now - still_since >= STALL_MINUTES * 60
            && selling(opening, day, now)
            && selling(opening, day, now - STALL_MINUTES * 60)
            && self.others_moved(code, still_since, now);
        if stalled {
            reading.stalled_minutes = Some((now - still_since) / 60);
        }
        reading
    }

    /// Whether a pharmacy other than `code` had a count change in a poll
    /// after `after` and up to `until` (seconds since midnight).
    fn others_moved(&self, code: &str, after: u32, until: u32) -> bool {
        let own_points: Vec<Vec<Point>> = self
            .tracks
            .get(code)
            .map_or_else(Vec::new, |t| t.series.iter().map(|s| s.points()).collect());
        self.polls.iter().enumerate().any(|(poll, &t)| {
            if t <= after || t > until {
                return false;
            }
            let poll = poll as u16;
            let own_moved = own_points.iter().any(|points| {
                points.windows(2).any(|pair| {
                    pair[1].poll == poll && pair[0].count != ABSENT && pair[1].count != ABSENT
                })
            });
            self.changed[usize::from(poll)] > u32::from(own_moved)
        })
    }
}

/// Whether a pharmacy sells at `seconds` after `day`'s midnight: in its
/// opening periods, or 08:00–21:00 when the feed gives none.
fn selling(opening: Option<&OpeningPeriods>, day: Date, seconds: u32) -> bool {
    match opening {
        Some(periods) => periods.open_at(clock(day, seconds)),
        None => USUAL_HOURS.contains(&seconds),
    }
}

fn clock(date: Date, seconds: u32) -> TaipeiDateTime {
    TaipeiDateTime {
        date,
        hour: (seconds / 3600) as u8,
        minute: (seconds / 60 % 60) as u8,
        second: (seconds % 60) as u8,
    }
}

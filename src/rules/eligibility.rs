//! The verdict for one product, one Taipei calendar day and (when the user
//! gave one) one ID parity, optionally with the day of their last purchase.

use crate::feed::Product;
use crate::time::Date;

use super::id::Parity;
use super::timeline::{Limit, Period, Rules, Scheme};

/// How far ahead to look for the next allowed day (a decade; rules files
/// span a few years).
const SEARCH_DAYS: i64 = 3660;

/// Who may buy on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Buyers {
    Anyone,
    Only(Parity),
    Nobody,
}

impl Buyers {
    pub fn admit(self, parity: Option<Parity>) -> bool {
        match self {
            Buyers::Anyone => true,
            Buyers::Only(p) => parity == Some(p),
            Buyers::Nobody => false,
        }
    }
}

impl Scheme {
    pub fn buyers_on(&self, date: Date) -> Buyers {
        match self {
            Scheme::None => Buyers::Anyone,
            Scheme::Weekday { odd, even, anyone } => {
                let day = date.weekday();
                match (
                    anyone.contains(&day),
                    odd.contains(&day),
                    even.contains(&day),
                ) {
                    (true, _, _) | (_, true, true) => Buyers::Anyone,
                    (_, true, false) => Buyers::Only(Parity::Odd),
                    (_, false, true) => Buyers::Only(Parity::Even),
                    _ => Buyers::Nobody,
                }
            }
            Scheme::CalendarDay { anyone } if anyone.contains(&date.day) => Buyers::Anyone,
            Scheme::CalendarDay { .. } => Buyers::Only(Parity::of_digit(date.day % 10)),
        }
    }
}

/// A period's dates, for "no rationing that day; the nearest ran …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: Date,
    pub until: Option<Date>,
}

impl From<&Period> for Span {
    fn from(p: &Period) -> Span {
        Span {
            from: p.from,
            until: p.until,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Yes,
    /// Not on this day. `next` is the first allowed day (`None`: none left
    /// under these rules).
    No {
        next: Option<Date>,
        because: NoBecause,
    },
    /// No rationing in force on this day; the periods either side, if any.
    NoRule {
        before: Option<Span>,
        after: Option<Span>,
    },
    /// Rationing by parity, and the user has not given theirs.
    NeedsId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoBecause {
    /// The other parity's day.
    Parity,
    /// A day on which nobody may buy.
    Nobody,
    /// Still inside the quota window of the last purchase.
    Quota,
}

/// When a recorded purchase allows the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextPurchase {
    pub bought: Date,
    /// The quota window's end (`None`: the rules don't say: limit unknown,
    /// or rounds without dates).
    pub window_opens: Option<Date>,
    /// The first day from then (and not before the day checked) on which the
    /// parity rule also allows it.
    pub first_day: Option<Date>,
}

/// Everything the panel shows for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Check<'r> {
    pub date: Date,
    pub period: Option<&'r Period>,
    /// Who may buy that day, whatever the user typed.
    pub buyers: Option<Buyers>,
    pub verdict: Verdict,
    pub next_purchase: Option<NextPurchase>,
}

/// The day after.
pub fn next_day(date: Date) -> Date {
    add_days(date, 1)
}

pub fn add_days(date: Date, days: i64) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + days)
}

impl Rules {
    /// The verdict for `date`. `bought` is the day of the last purchase; it is
    /// ignored when it falls after `date`.
    pub fn check(
        &self,
        product: Product,
        date: Date,
        parity: Option<Parity>,
        bought: Option<Date>,
    ) -> Check<'_> {
        let period = self.period_on(product, date);
        let next_purchase = bought.filter(|b| *b <= date).map(|bought| {
            let window_opens = self.quota_window(product, bought);
            NextPurchase {
                bought,
                window_opens,
                first_day: window_opens
                    .and_then(|w| self.first_allowed(product, w.max(date), parity)),
            }
        });
        let Some(period) = period else {
            let timeline = self.timeline(product);
            return Check {
                date,
                period: None,
                buyers: None,
                verdict: Verdict::NoRule {
                    before: timeline
                        .iter()
                        .rev()
                        .find(|p| p.from < date)
                        .map(Span::from),
                    after: timeline.iter().find(|p| p.from > date).map(Span::from),
                },
                next_purchase,
            };
        };
        let buyers = period.scheme.buyers_on(date);
        let in_window = next_purchase
            .and_then(|n| n.window_opens)
            .is_some_and(|opens| date < opens);
        let verdict = if in_window {
            Verdict::No {
                next: next_purchase.and_then(|n| n.first_day),
                because: NoBecause::Quota,
            }
        } else {
            match (buyers, parity) {
                (Buyers::Anyone, _) => Verdict::Yes,
                (Buyers::Only(_), None) => Verdict::NeedsId,
                (Buyers::Only(p), Some(q)) if p == q => Verdict::Yes,
                (Buyers::Only(_), Some(q)) => Verdict::No {
                    next: self.first_allowed(product, next_day(date), Some(q)),
                    because: NoBecause::Parity,
                },
                (Buyers::Nobody, _) => Verdict::No {
                    next: self.first_allowed(product, next_day(date), parity),
                    because: NoBecause::Nobody,
                },
            }
        };
        Check {
            date,
            period: Some(period),
            buyers: Some(buyers),
            verdict,
            next_purchase,
        }
    }

    /// The first day from `from` on which this parity may buy under the
    /// rules (without a parity: a day open to anyone). Days without rules are
    /// skipped: rationing that has ended allows nothing more here.
    pub fn first_allowed(
        &self,
        product: Product,
        from: Date,
        parity: Option<Parity>,
    ) -> Option<Date> {
        let mut day = from;
        let last = from.days_since_epoch() + SEARCH_DAYS;
        while day.days_since_epoch() <= last {
            match self.period_on(product, day) {
                Some(period) => {
                    if period.scheme.buyers_on(day).admit(parity) {
                        return Some(day);
                    }
                    day = next_day(day);
                }
                None => {
                    day = self.timeline(product).iter().find(|p| p.from > day)?.from;
                }
            }
        }
        None
    }

    /// When the limit in force on `bought` allows the next purchase.
    fn quota_window(&self, product: Product, bought: Date) -> Option<Date> {
        match &self.period_on(product, bought)?.limit {
            Some(Limit::PerDays { days, .. }) => Some(add_days(bought, i64::from(*days))),
            Some(Limit::PerRound { rounds, .. }) => {
                let round = rounds
                    .iter()
                    .find(|r| r.from <= bought && bought <= r.until)?;
                rounds
                    .iter()
                    .filter(|r| r.from > round.until)
                    .map(|r| r.from)
                    .min()
            }
            None => None,
        }
    }
}

//! The eligibility result box as plain data: which verdict to show, why,
//! the next day, and the purchase line, worked out from a [`Check`] and what
//! the user gave. The words are `i18n`'s; the panel only lays them out.

use super::{Check, IdProblem, NextPurchase, NoBecause, Parity, Period, Scheme, Span, Verdict};
use crate::time::Date;

/// What the user gave: a digit (typed or part of a whole ID), a remembered
/// parity, or something unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    Nothing,
    Digit(u8),
    Remembered(Parity),
    Invalid(IdProblem),
}

impl Given {
    pub fn parity(self) -> Option<Parity> {
        match self {
            Given::Digit(d) => Some(Parity::of_digit(d)),
            Given::Remembered(p) => Some(p),
            Given::Nothing | Given::Invalid(_) => None,
        }
    }

    /// The digit typed, if one was.
    pub fn digit(self) -> Option<u8> {
        match self {
            Given::Digit(d) => Some(d),
            _ => None,
        }
    }
}

/// The verdict the box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Yes,
    No,
    NoRule,
    Invalid,
    /// Waiting for an ID: no verdict yet.
    NeedsId,
}

impl Shown {
    /// `data-verdict`: `yes|no|no-rule|invalid`; `None` while an ID is needed.
    pub fn as_attribute(self) -> Option<&'static str> {
        match self {
            Shown::Yes => Some("yes"),
            Shown::No => Some("no"),
            Shown::NoRule => Some("no-rule"),
            Shown::Invalid => Some("invalid"),
            Shown::NeedsId => None,
        }
    }
}

/// Why the verdict is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason<'r> {
    /// What is wrong with the ID typed.
    Id(IdProblem),
    /// The days of the user's parity under the period's scheme (with the
    /// digit, when one was typed).
    Parity {
        digit: Option<u8>,
        parity: Parity,
        scheme: &'r Scheme,
    },
    /// No rationing on the day: the nearest periods either side.
    NoRule {
        before: Option<Span>,
        after: Option<Span>,
    },
    /// Nobody may buy on the day.
    Nobody,
}

/// Everything the result box says, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'r> {
    pub shown: Shown,
    /// For [`Shown::No`]: the next allowed day (`Some(None)`: none is left).
    pub next: Option<Option<Date>>,
    pub reason: Option<Reason<'r>>,
    /// The period in force: its limit, note and sources.
    pub period: Option<&'r Period>,
    /// When the last purchase allows the next one.
    pub purchase: Option<NextPurchase>,
    /// Whether the user's parity is known, so the purchase line can name
    /// the first day their ID allows.
    pub parity_known: bool,
}

impl Explanation<'_> {
    /// `data-next`: the next allowed day, when the verdict is `no` and one exists.
    pub fn next_day(&self) -> Option<Date> {
        self.next.flatten()
    }
}

pub fn explain<'r>(check: &Check<'r>, given: Given) -> Explanation<'r> {
    let parity_reason = |period: &'r Period| {
        given.parity().map(|parity| Reason::Parity {
            digit: given.digit(),
            parity,
            scheme: &period.scheme,
        })
    };
    let (shown, reason, next) = match (given, check.verdict) {
        (Given::Invalid(problem), _) => (Shown::Invalid, Some(Reason::Id(problem)), None),
        (_, Verdict::Yes) => (Shown::Yes, check.period.and_then(parity_reason), None),
        (_, Verdict::NeedsId) => (Shown::NeedsId, None, None),
        (_, Verdict::NoRule { before, after }) => {
            (Shown::NoRule, Some(Reason::NoRule { before, after }), None)
        }
        (_, Verdict::No { next, because }) => {
            let reason = match because {
                NoBecause::Parity => check.period.and_then(parity_reason),
                NoBecause::Nobody => Some(Reason::Nobody),
                // The purchase line explains the window.
                NoBecause::Quota => None,
            };
            (Shown::No, reason, Some(next))
        }
    };
    Explanation {
        shown,
        next,
        reason,
        period: check.period,
        purchase: check.next_purchase,
        parity_known: given.parity().is_some(),
    }
}

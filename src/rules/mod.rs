//! Rationing rules: the timeline of periods per product ([`timeline`]), the
//! ID the user typed ([`id`]), the verdict for a day ([`eligibility`]) and
//! the result box it makes ([`explain`]).
//! Pure Rust, no browser types; dates are Taipei calendar days
//! ([`crate::time`]), so "today" never depends on the device's zone.

use crate::fetch_error::FetchError;

pub mod eligibility;
pub mod explain;
mod file;
pub mod id;
pub mod timeline;

pub use eligibility::{add_days, next_day, Buyers, Check, NextPurchase, NoBecause, Span, Verdict};
pub use explain::{explain, Explanation, Given, Reason, Shown};
pub use file::{PeriodProblem, RulesError};
pub use id::{read_id, IdKind, IdProblem, IdReading, Parity};
pub use timeline::{Limit, Localized, Period, Round, Rules, Scheme, BUNDLED};

/// Why a rules file was not used (the bundled rules apply instead).
#[derive(Debug, Clone, PartialEq)]
pub enum RulesProblem {
    Load(FetchError),
    Invalid(RulesError),
}

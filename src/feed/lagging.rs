//! Freshness per pharmacy: a row's own update time against the feed's
//! newest. A pharmacy whose row stopped moving may still show a count that
//! left the shelf long ago (2020's maps showed stock for weeks where the
//! shop's sign said none: kiang/pharmacies#41).

use super::Pharmacy;
use crate::time::TaipeiDateTime;

/// A row this many minutes or more behind the feed's newest is lagging.
pub const LAGGING_MINUTES: i64 = 60;

impl Pharmacy {
    /// Whether its row lags `as_of` (the feed's newest row time) by
    /// [`LAGGING_MINUTES`] or more. A feed without row times lags nowhere.
    pub fn lagging(&self, as_of: Option<TaipeiDateTime>) -> bool {
        match (self.updated, as_of) {
            (Some(updated), Some(newest)) => {
                newest.unix_seconds() - updated.unix_seconds() >= LAGGING_MINUTES * 60
            }
            _ => false,
        }
    }
}

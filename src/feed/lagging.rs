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
        self.lagging_since(as_of).is_some()
    }

    /// Its row's time, when the row lags `as_of` (what a lagging mark says).
    pub fn lagging_since(&self, as_of: Option<TaipeiDateTime>) -> Option<TaipeiDateTime> {
        let newest = as_of?;
        self.updated.filter(|updated| {
            newest.unix_seconds() - updated.unix_seconds() >= LAGGING_MINUTES * 60
        })
    }
}

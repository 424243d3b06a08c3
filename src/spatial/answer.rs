//! The one-answer card's pharmacy: the nearest that is open now, has stock
//! and whose count is fresh, within walking reach; else why there is none,
//! so the card can say what to do instead.

use super::nearest::{Nearby, StockIndex, USEFUL_RADIUS_M};
use crate::coords::LatLng;
use crate::feed::{Filters, Pharmacy, Product};
use crate::time::TaipeiDateTime;

/// What the card names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pick {
    /// Open now, with stock, fresh: go there.
    Go(Nearby),
    /// Pharmacies open now have stock within reach, but every one's count
    /// lags the feed: the nearest of them, to call before going.
    OnlyLagging(Nearby),
    /// Stock within reach, but only where it is closed now.
    ClosedNow,
    /// No pharmacy with stock within [`USEFUL_RADIUS_M`].
    NoStockInReach,
}

impl StockIndex {
    /// The card's pick for `product` from `from` at Taipei time `now`,
    /// among the pharmacies `filters` admit. "Open now" is the `opennow`
    /// filter's: a pharmacy whose hours the feed doesn't give counts as open.
    pub fn one_answer(
        &self,
        product: Option<Product>,
        filters: &Filters,
        from: LatLng,
        now: TaipeiDateTime,
    ) -> Pick {
        let as_of = self.inventory().as_of;
        let stocked = |p: &Pharmacy| p.has_stock(product) && filters.admits(p, product, now);
        let open = |p: &Pharmacy| p.opening.is_none_or(|o| o.open_at(now));
        let reach = USEFUL_RADIUS_M;
        let fresh = |p: &Pharmacy| stocked(p) && open(p) && !p.lagging(as_of);
        if let Some(found) = self.nearest_pharmacy(from, &fresh, reach) {
            return Pick::Go(found);
        }
        if let Some(found) = self.nearest_pharmacy(from, &|p| stocked(p) && open(p), reach) {
            return Pick::OnlyLagging(found);
        }
        match self.nearest_pharmacy(from, &stocked, reach) {
            Some(_) => Pick::ClosedNow,
            None => Pick::NoStockInReach,
        }
    }
}

//! Which pharmacies to show: the product, only those with stock, only those
//! open now, a county and a town. Pure; the map and lists both use it.

use super::model::{Inventory, Pharmacy, Product};
use crate::coords::LatLng;
use crate::time::TaipeiDateTime;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// `None`: the feed's first product.
    pub product: Option<Product>,
    pub only_in_stock: bool,
    pub only_open_now: bool,
    /// As the registry writes it (臺, not 台).
    pub county: Option<String>,
    pub town: Option<String>,
}

impl Filters {
    /// Whether `pharmacy` passes, for `product` at Taipei time `now`. A
    /// pharmacy whose hours are unknown is not hidden by "open now": the
    /// feeds give hours for few, and hiding the rest would mislead.
    pub fn admits(
        &self,
        pharmacy: &Pharmacy,
        product: Option<Product>,
        now: TaipeiDateTime,
    ) -> bool {
        let open = || pharmacy.opening.is_none_or(|o| o.open_at(now));
        (!self.only_in_stock || pharmacy.has_stock(product))
            && (!self.only_open_now || open())
            && self
                .county
                .as_deref()
                .is_none_or(|c| pharmacy.county == Some(c))
            && self
                .town
                .as_deref()
                .is_none_or(|t| pharmacy.town.as_deref() == Some(t))
    }
}

impl Inventory {
    /// The centre (mean position) of the located pharmacies in the county
    /// and town the filters name: a place to measure from when the device
    /// gives none. `None` without a county or without located pharmacies.
    /// The south-west and north-east corners around the located pharmacies of
    /// the chosen county (and town), for fitting the map to it.
    pub fn area_bounds(&self, filters: &Filters) -> Option<(LatLng, LatLng)> {
        let county = filters.county.as_deref()?;
        let town = filters.town.as_deref();
        self.located()
            .filter(|(p, _)| {
                p.county == Some(county) && town.is_none_or(|t| p.town.as_deref() == Some(t))
            })
            .fold(None, |bounds: Option<(LatLng, LatLng)>, (_, at)| {
                let (sw, ne) = bounds.unwrap_or((at, at));
                Some((
                    LatLng {
                        lat: sw.lat.min(at.lat),
                        lng: sw.lng.min(at.lng),
                    },
                    LatLng {
                        lat: ne.lat.max(at.lat),
                        lng: ne.lng.max(at.lng),
                    },
                ))
            })
    }

    pub fn area_centre(&self, filters: &Filters) -> Option<LatLng> {
        let county = filters.county.as_deref()?;
        let town = filters.town.as_deref();
        let (n, lat, lng) = self
            .located()
            .filter(|(p, _)| {
                p.county == Some(county) && town.is_none_or(|t| p.town.as_deref() == Some(t))
            })
            .fold((0.0, 0.0, 0.0), |(n, lat, lng), (_, at)| {
                (n + 1.0, lat + at.lat, lng + at.lng)
            });
        (n > 0.0).then(|| LatLng {
            lat: lat / n,
            lng: lng / n,
        })
    }
}

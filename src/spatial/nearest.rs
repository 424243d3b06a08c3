//! The k nearest pharmacies to a place, by great-circle distance (the `geo`
//! crate's haversine), exactly. A planar search (longitude scaled by the
//! cosine of the query's latitude) on a KD-tree finds k good candidates; the
//! farthest of them bounds the true k-th distance, so every point inside a
//! box that surely holds that circle is ranked by its true distance. The
//! planar guess never decides the answer, it only bounds the search.
//!
//! [`StockIndex`] keeps one index per inventory, of every located pharmacy:
//! a new place, product or filters asks it again instead of building another.

use std::sync::Arc;

use super::kdtree::KdTree;
use crate::coords::{distance_m, LatLng};
use crate::feed::{Filters, Inventory, Pharmacy, Product};
use crate::time::TaipeiDateTime;

/// Metres in one degree of latitude on the sphere `geo`'s haversine uses.
const METRES_PER_DEGREE: f64 = 6_371_008.8 * std::f64::consts::PI / 180.0;
/// Farther than any two places on that sphere (half its circumference).
const WHOLE_EARTH_M: f64 = 180.0 * METRES_PER_DEGREE;
/// The smallest circle a filtered search starts from (several pharmacies
/// can share one address, a circle of almost nothing).
const MIN_RADIUS_M: f64 = 100.0;

/// One answer: which point (its index in the slice the index was built
/// from) and how far, in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearby {
    pub index: usize,
    pub metres: f64,
}

pub struct NearestIndex {
    points: Vec<LatLng>,
    /// Ties in distance go to the smaller key (the institution code).
    keys: Vec<String>,
    tree: KdTree,
}

impl NearestIndex {
    /// Indexes `points`, each with the key that breaks distance ties.
    pub fn new(points: Vec<(LatLng, String)>) -> NearestIndex {
        let tree = KdTree::new(points.iter().map(|(p, _)| (p.lng, p.lat)));
        let (points, keys) = points.into_iter().unzip();
        NearestIndex { points, keys, tree }
    }

    /// The `k` nearest points to `from`, nearest first.
    pub fn nearest(&self, from: LatLng, k: usize) -> Vec<Nearby> {
        let k = k.min(self.points.len());
        if k == 0 {
            return Vec::new();
        }
        let radius = self.guessed_radius(from, k);
        self.ranked(self.within(from, radius), k)
    }

    /// The `k` nearest points to `from` that `admit` (given a point's index)
    /// lets through, nearest first: the search widens from the circle that
    /// holds the `k` nearest of all points until it holds `k` admitted ones
    /// (or the whole Earth), so the index serves every filter unchanged.
    pub fn nearest_where(
        &self,
        from: LatLng,
        k: usize,
        admit: &dyn Fn(usize) -> bool,
    ) -> Vec<Nearby> {
        self.nearest_where_within(from, k, admit, WHOLE_EARTH_M)
    }

    /// As [`NearestIndex::nearest_where`], only within `limit_m` metres:
    /// a rare `admit` then stops the search there instead of at the Earth.
    pub fn nearest_where_within(
        &self,
        from: LatLng,
        k: usize,
        admit: &dyn Fn(usize) -> bool,
        limit_m: f64,
    ) -> Vec<Nearby> {
        let all = k.min(self.points.len());
        if all == 0 {
            return Vec::new();
        }
        let mut radius = self.guessed_radius(from, all).max(MIN_RADIUS_M);
        loop {
            let mut found = self.within(from, radius.min(limit_m));
            found.retain(|n| admit(n.index));
            // Every admitted point within the radius is in `found`, so once
            // it holds k of them, the k nearest admitted are among them.
            if found.len() >= k || radius >= limit_m {
                return self.ranked(found, k);
            }
            radius *= 4.0;
        }
    }

    /// A radius that surely holds the `k` (> 0) nearest points to `from`:
    /// the farthest of `k` planar guesses, since they are real points.
    fn guessed_radius(&self, from: LatLng, k: usize) -> f64 {
        let x_scale = from.lat.to_radians().cos().max(1e-6);
        self.tree
            .nearest(from.lng, from.lat, k, x_scale)
            .iter()
            .map(|&i| distance_m(from, self.points[i as usize]))
            .fold(0.0, f64::max)
            * (1.0 + 1e-9)
            + 1e-6
    }

    /// Every point within `radius` metres of `from`, unordered.
    fn within(&self, from: LatLng, radius: f64) -> Vec<Nearby> {
        // A box that holds the whole circle: latitude degrees are the same
        // length everywhere; longitude degrees shrink towards the pole, so
        // widen by the box's most poleward latitude.
        let dlat = radius / METRES_PER_DEGREE;
        let poleward = (from.lat.abs() + dlat).min(89.9).to_radians().cos();
        let dlng = (dlat / poleward).min(360.0);
        let mut found = Vec::new();
        self.tree.range(
            from.lng - dlng,
            from.lat - dlat,
            from.lng + dlng,
            from.lat + dlat,
            &mut found,
        );
        found
            .iter()
            .map(|&i| Nearby {
                index: i as usize,
                metres: distance_m(from, self.points[i as usize]),
            })
            .filter(|n| n.metres <= radius)
            .collect()
    }

    /// The first `k` of `found` by distance, ties to the smaller key.
    fn ranked(&self, mut found: Vec<Nearby>, k: usize) -> Vec<Nearby> {
        // Keys are unique (rows skip a repeated code), so (metres, key)
        // orders any two and the unstable sort, smaller in the wasm, gives
        // the stable sort's answer; the index breaks ties only in an index
        // built with repeated keys.
        found.sort_unstable_by(|a, b| {
            a.metres
                .total_cmp(&b.metres)
                .then_with(|| self.keys[a.index].cmp(&self.keys[b.index]))
                .then(a.index.cmp(&b.index))
        });
        found.truncate(k);
        found
    }
}

/// Beyond this, "nearest with stock" is no help on foot: say so.
pub const USEFUL_RADIUS_M: f64 = 20_000.0;
/// A pharmacy whose row lags (its count may be old) goes after every fresh
/// one at most this much farther away.
pub const LAGGING_DETOUR_M: f64 = 200.0;

/// The answer to "where is the nearest pharmacy with stock?".
#[derive(Debug, Clone, PartialEq)]
pub struct NearestStock {
    /// Indexes into `inventory.pharmacies`, nearest first, with metres.
    pub items: Vec<Nearby>,
    /// Nothing with stock within [`USEFUL_RADIUS_M`]: the items are the
    /// nearest regardless of distance.
    pub none_within_reach: bool,
}

/// The nearest-stock index of one inventory: every located pharmacy,
/// built once per inventory and asked again for each place, product and
/// filters.
pub struct StockIndex {
    inventory: Arc<Inventory>,
    index: NearestIndex,
    /// Point in the index → pharmacy in the inventory.
    pharmacy_of: Vec<usize>,
}

impl StockIndex {
    pub fn new(inventory: Arc<Inventory>) -> StockIndex {
        let (pharmacy_of, points): (Vec<usize>, Vec<(LatLng, String)>) = inventory
            .pharmacies
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, (p.location?, p.code.clone()))))
            .unzip();
        StockIndex {
            index: NearestIndex::new(points),
            pharmacy_of,
            inventory,
        }
    }

    /// The inventory it indexes.
    pub fn inventory(&self) -> &Arc<Inventory> {
        &self.inventory
    }

    /// The located pharmacy nearest to `from` within `limit_m` metres that
    /// `admit` lets through: its index in the inventory, and how far.
    pub fn nearest_pharmacy(
        &self,
        from: LatLng,
        admit: &dyn Fn(&Pharmacy) -> bool,
        limit_m: f64,
    ) -> Option<Nearby> {
        let pharmacies = &self.inventory.pharmacies;
        let admit_point = |point: usize| admit(&pharmacies[self.pharmacy_of[point]]);
        let found = self
            .index
            .nearest_where_within(from, 1, &admit_point, limit_m);
        found.first().map(|n| Nearby {
            index: self.pharmacy_of[n.index],
            metres: n.metres,
        })
    }

    /// The `k` nearest located pharmacies with stock of `product` that pass
    /// `filters` (so "open now" applies when it is on), from `from`; one
    /// whose row lags goes after every fresh one at most
    /// [`LAGGING_DETOUR_M`] farther, and the `k` are taken after that.
    pub fn nearest_stock(
        &self,
        product: Option<Product>,
        filters: &Filters,
        from: LatLng,
        k: usize,
        now: TaipeiDateTime,
    ) -> NearestStock {
        let pharmacies = &self.inventory.pharmacies;
        let admit = |point: usize| {
            let p = &pharmacies[self.pharmacy_of[point]];
            p.has_stock(product) && filters.admits(p, product, now)
        };
        let as_of = self.inventory.as_of;
        // Ranked by distance, plus the detour for a lagging row: a
        // candidate farther than the k-th rank can't be among the k, so
        // more are asked for until the farthest asked is past it.
        let rank = |n: &Nearby| {
            let lagging = pharmacies[self.pharmacy_of[n.index]].lagging(as_of);
            (
                n.metres + if lagging { LAGGING_DETOUR_M } else { 0.0 },
                lagging,
            )
        };
        let mut asked = k.max(1);
        let items: Vec<Nearby> = loop {
            let found = self.index.nearest_where(from, asked, &admit);
            let exhausted = found.len() < asked;
            let farthest = found.last().map_or(0.0, |n| n.metres);
            let mut ranked: Vec<((f64, bool), Nearby)> =
                found.into_iter().map(|n| (rank(&n), n)).collect();
            // On equal ranks a fresh one first, then distance order (stable).
            ranked.sort_by(|(a, _), (b, _)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            ranked.truncate(k);
            let kth = ranked.last().map_or(0.0, |r| r.0 .0);
            if exhausted || k == 0 || farthest > kth {
                break ranked
                    .into_iter()
                    .map(|(_, n)| Nearby {
                        index: self.pharmacy_of[n.index],
                        metres: n.metres,
                    })
                    .collect();
            }
            asked *= 2;
        };
        let none_within_reach = items.first().is_none_or(|n| n.metres > USEFUL_RADIUS_M);
        NearestStock {
            items,
            none_within_reach,
        }
    }
}

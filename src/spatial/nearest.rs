//! The k nearest pharmacies to a place, by great-circle distance (the `geo`
//! crate's haversine), exactly. A planar search (longitude scaled by the
//! cosine of the query's latitude) on a KD-tree finds k good candidates; the
//! farthest of them bounds the true k-th distance, so every point inside a
//! box that surely holds that circle is ranked by its true distance. The
//! planar guess never decides the answer, it only bounds the search.

use super::kdtree::KdTree;
/// Re-exported for the list panel, which names it from here.
pub use crate::coords::distance_m;
use crate::coords::LatLng;
use crate::feed::{Filters, Inventory, Product};
use crate::sorting::sort_with;
use crate::time::TaipeiDateTime;

/// Metres in one degree of latitude on the sphere `geo`'s haversine uses.
const METRES_PER_DEGREE: f64 = 6_371_008.8 * std::f64::consts::PI / 180.0;

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
        let x_scale = from.lat.to_radians().cos().max(1e-6);
        let guesses = self.tree.nearest(from.lng, from.lat, k, x_scale);
        // k real points lie within this distance, so the true k nearest do too.
        let radius = guesses
            .iter()
            .map(|&i| distance_m(from, self.points[i as usize]))
            .fold(0.0, f64::max)
            * (1.0 + 1e-9)
            + 1e-6;
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
        let mut ranked: Vec<Nearby> = found
            .iter()
            .map(|&i| Nearby {
                index: i as usize,
                metres: distance_m(from, self.points[i as usize]),
            })
            .filter(|n| n.metres <= radius)
            .collect();
        sort_with(&mut ranked, &|a, b| {
            a.metres
                .total_cmp(&b.metres)
                .then_with(|| self.keys[a.index].cmp(&self.keys[b.index]))
        });
        ranked.truncate(k);
        ranked
    }
}

/// Beyond this, "nearest with stock" is no help on foot: say so.
pub const USEFUL_RADIUS_M: f64 = 20_000.0;

/// The answer to "where is the nearest pharmacy with stock?".
#[derive(Debug, Clone, PartialEq)]
pub struct NearestStock {
    /// Indexes into `inventory.pharmacies`, nearest first, with metres.
    pub items: Vec<Nearby>,
    /// Nothing with stock within [`USEFUL_RADIUS_M`]: the items are the
    /// nearest regardless of distance.
    pub none_within_reach: bool,
}

/// The `k` nearest located pharmacies with stock of `product` that pass
/// `filters` (so "open now" applies when it is on), from `from`.
pub fn nearest_stock(
    inventory: &Inventory,
    product: Option<Product>,
    filters: &Filters,
    from: LatLng,
    k: usize,
    now: TaipeiDateTime,
) -> NearestStock {
    let (pharmacy_of, points): (Vec<usize>, Vec<(LatLng, String)>) = inventory
        .pharmacies
        .iter()
        .enumerate()
        .filter(|(_, p)| p.has_stock(product) && filters.admits(p, product, now))
        .filter_map(|(i, p)| Some((i, (p.location?, p.code.clone()))))
        .unzip();
    let items: Vec<Nearby> = NearestIndex::new(points)
        .nearest(from, k)
        .into_iter()
        .map(|n| Nearby {
            index: pharmacy_of[n.index],
            metres: n.metres,
        })
        .collect();
    let none_within_reach = items.first().is_none_or(|n| n.metres > USEFUL_RADIUS_M);
    NearestStock {
        items,
        none_within_reach,
    }
}

//! The pharmacy list's order and matches, worked out a bounded step at a
//! time so that a browser can draw and take keystrokes between steps: at
//! 200,000 pharmacies one sort or one pass over them is several frames.
//!
//! The order is built once per inventory (by county, town and name) and once
//! per place (by distance, the by-name order breaking ties); a query then
//! only filters that order. The result is what a plain stable sort of the
//! matching pharmacies gives (tests/feed_listing.rs checks it on real data).

use std::cmp::Ordering;
use std::sync::Arc;

use super::{fold, Filters, Inventory, Pharmacy, Product, Search};
use crate::coords::{distance_m, LatLng};
use crate::time::TaipeiDateTime;

/// Items sorted by the standard sort in one step, before runs are merged.
const RUN: usize = 256;
/// Items merged, measured or matched in one step: each step is well under a
/// millisecond on a phone, so the caller can stop close to its time budget.
const MERGE_STEP: usize = 2048;
const MEASURE_STEP: usize = 1024;
const MATCH_STEP: usize = 128;

/// How a [`StepSort`] compares two items. One comparator type for every
/// order, so the standard sort is compiled into the wasm once.
pub type Compare<'a> = &'a dyn Fn(&u32, &u32) -> Ordering;

/// A stable merge sort of indexes done a step at a time: runs of [`RUN`]
/// items sorted by `sort_by`, then merged pairwise, [`MERGE_STEP`] items a
/// step.
pub struct StepSort {
    items: Vec<u32>,
    merged: Vec<u32>,
    /// Phase one: where the next unsorted run starts.
    unsorted: usize,
    /// Phase two: the length of the sorted runs being merged in pairs.
    width: usize,
    /// The pair being merged: the next item of its left and its right run.
    left: usize,
    right: usize,
    /// Where the pair's left run starts.
    pair: usize,
}

impl StepSort {
    pub fn new(items: Vec<u32>) -> StepSort {
        StepSort {
            merged: vec![0; items.len()],
            items,
            unsorted: 0,
            width: RUN,
            left: 0,
            right: 0,
            pair: 0,
        }
    }

    /// One bounded piece of the sort; true once `sorted` may be called.
    pub fn step(&mut self, compare: Compare) -> bool {
        let n = self.items.len();
        if self.unsorted < n {
            let end = (self.unsorted + RUN).min(n);
            self.items[self.unsorted..end].sort_by(compare);
            self.unsorted = end;
            self.right = self.width.min(n);
            return false;
        }
        if self.width >= n {
            return true;
        }
        let mid = (self.pair + self.width).min(n);
        let end = (self.pair + 2 * self.width).min(n);
        let mut out = self.left + self.right - mid;
        let stop = (out + MERGE_STEP).min(end);
        while out < stop {
            // The left run's item on ties: stable.
            let take_left = self.left < mid
                && (self.right >= end
                    || compare(&self.items[self.right], &self.items[self.left]) != Ordering::Less);
            self.merged[out] = if take_left {
                self.left += 1;
                self.items[self.left - 1]
            } else {
                self.right += 1;
                self.items[self.right - 1]
            };
            out += 1;
        }
        if out == end {
            self.pair = end;
            if self.pair >= n {
                std::mem::swap(&mut self.items, &mut self.merged);
                self.width *= 2;
                self.pair = 0;
            }
            self.left = self.pair;
            self.right = (self.pair + self.width).min(n);
        }
        self.width >= n
    }

    /// The items in order, once [`StepSort::step`] has returned true.
    pub fn sorted(self) -> Vec<u32> {
        self.items
    }
}

/// What the list shows: the pharmacies that pass `filters` for `product` at
/// `now` and match `search`; nearest first from `from` when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct ListQuery {
    pub filters: Filters,
    pub product: Option<Product>,
    pub now: TaipeiDateTime,
    pub search: String,
    pub from: Option<LatLng>,
}

impl ListQuery {
    /// Whether everything `self` lists is among what `older` listed, in the
    /// same order: the same filters, place and (for "open now") hour, and a
    /// search each of whose words contains one of `older`'s words. Typing on
    /// then only sifts the older answer.
    fn narrows(&self, older: &ListQuery) -> bool {
        let words = fold(&self.search);
        let same_hour = !self.filters.only_open_now
            || (self.now.date, self.now.hour) == (older.now.date, older.now.hour);
        self.filters == older.filters
            && self.product == older.product
            && self.from == older.from
            && same_hour
            && fold(&older.search)
                .split_whitespace()
                .all(|old| words.split_whitespace().any(|new| new.contains(old)))
    }
}

/// An order of the inventory's pharmacies (their indexes), being built.
enum Order {
    ByName(StepSort),
    /// Distances from a place, one per pharmacy in by-name order (the
    /// first `measured` of them done; unlocated pharmacies stay infinitely
    /// far, so last); then the by-name positions sorted by them (ties keep
    /// the by-name order: the sort is stable).
    Measuring {
        metres: Vec<f64>,
        measured: usize,
    },
    ByDistance {
        sort: StepSort,
        metres: Vec<f64>,
    },
    Done(Arc<[u32]>),
}

/// The filtering of an order for one query, a few rows a step.
struct Matching {
    candidates: Arc<[u32]>,
    next: usize,
    found: Vec<u32>,
    search: Search,
}

/// The list of one inventory: ask it a [`ListQuery`], then call
/// [`Lister::step`] until it returns true and read [`Lister::answer`]. A new
/// query drops the unfinished matching of the older one but keeps the orders
/// built so far, so no work on them is lost to fast typing.
pub struct Lister {
    inventory: Arc<Inventory>,
    by_name: Order,
    /// The order from the last place asked for.
    by_distance: Option<(LatLng, Order)>,
    query: Option<ListQuery>,
    matching: Option<Matching>,
    /// The latest answer and its query.
    answered: Option<(ListQuery, Arc<[u32]>)>,
}

impl Lister {
    pub fn new(inventory: Arc<Inventory>) -> Lister {
        let all = (0..inventory.pharmacies.len() as u32).collect();
        Lister {
            inventory,
            by_name: Order::ByName(StepSort::new(all)),
            by_distance: None,
            query: None,
            matching: None,
            answered: None,
        }
    }

    pub fn inventory(&self) -> &Arc<Inventory> {
        &self.inventory
    }

    /// The inventory, for its holder to free as it sees fit.
    pub fn into_inventory(self) -> Arc<Inventory> {
        self.inventory
    }

    pub fn ask(&mut self, query: ListQuery) {
        if self.query.as_ref() != Some(&query) {
            self.query = Some(query);
            self.matching = None;
        }
    }

    /// The matching pharmacies' indexes in list order, if the last query
    /// asked is answered.
    pub fn answer(&self) -> Option<&Arc<[u32]>> {
        let (query, found) = self.answered.as_ref()?;
        (Some(query) == self.query.as_ref()).then_some(found)
    }

    /// One bounded piece of the work; true once the query is answered.
    pub fn step(&mut self) -> bool {
        let Some(query) = &self.query else {
            return true;
        };
        if self.answer().is_some() {
            return true;
        }
        let pharmacies = &self.inventory.pharmacies;
        let by_name = match &mut self.by_name {
            Order::Done(order) => order.clone(),
            order => {
                advance(order, pharmacies, None);
                return false;
            }
        };
        let order = match query.from {
            None => by_name,
            Some(from) => {
                let current = self.by_distance.as_ref().is_some_and(|(at, _)| *at == from);
                if !current {
                    let metres = vec![f64::INFINITY; by_name.len()];
                    let measuring = Order::Measuring {
                        metres,
                        measured: 0,
                    };
                    self.by_distance = Some((from, measuring));
                }
                match self.by_distance.as_mut().map(|(_, order)| order) {
                    Some(Order::Done(order)) => order.clone(),
                    Some(order) => {
                        advance(order, pharmacies, Some((from, &by_name)));
                        return false;
                    }
                    None => return false,
                }
            }
        };
        let matching = self.matching.get_or_insert_with(|| {
            let candidates = match &self.answered {
                Some((older, found)) if query.narrows(older) => found.clone(),
                _ => order,
            };
            Matching {
                candidates,
                next: 0,
                found: Vec::new(),
                search: Search::new(&query.search),
            }
        });
        let end = (matching.next + MATCH_STEP).min(matching.candidates.len());
        for &i in &matching.candidates[matching.next..end] {
            let p = &pharmacies[i as usize];
            if query.filters.admits(p, query.product, query.now) && matching.search.matches(p) {
                matching.found.push(i);
            }
        }
        matching.next = end;
        if end < matching.candidates.len() {
            return false;
        }
        let found = std::mem::take(&mut matching.found);
        self.matching = None;
        self.answered = Some((query.clone(), found.into()));
        true
    }
}

/// One step of building `order`; it becomes [`Order::Done`] at the end.
/// An order by distance is measured `from` a place, over `by_name`.
fn advance(order: &mut Order, pharmacies: &[Pharmacy], from: Option<(LatLng, &[u32])>) {
    let key = |i: u32| {
        let p = &pharmacies[i as usize];
        (
            p.county.unwrap_or("~"),
            p.town.as_deref().unwrap_or_default(),
            p.name.as_str(),
        )
    };
    let done = match (&mut *order, from) {
        (Order::ByName(sort), _) => {
            if !sort.step(&|a, b| key(*a).cmp(&key(*b))) {
                return;
            }
            std::mem::replace(sort, StepSort::new(Vec::new())).sorted()
        }
        (Order::Measuring { metres, measured }, Some((from, by_name))) => {
            let end = (*measured + MEASURE_STEP).min(metres.len());
            for (m, &i) in metres[*measured..end]
                .iter_mut()
                .zip(&by_name[*measured..end])
            {
                if let Some(at) = pharmacies[i as usize].location {
                    *m = distance_m(from, at);
                }
            }
            *measured = end;
            if end == metres.len() {
                let positions = (0..metres.len() as u32).collect();
                let metres = std::mem::take(metres);
                *order = Order::ByDistance {
                    sort: StepSort::new(positions),
                    metres,
                };
            }
            return;
        }
        (Order::ByDistance { sort, metres }, Some((_, by_name))) => {
            if !sort.step(&|a, b| metres[*a as usize].total_cmp(&metres[*b as usize])) {
                return;
            }
            let positions = std::mem::replace(sort, StepSort::new(Vec::new())).sorted();
            positions
                .into_iter()
                .map(|at| by_name[at as usize])
                .collect()
        }
        _ => return,
    };
    *order = Order::Done(done.into());
}

//! One sort for the whole app. Each `sort_by` call site compiles its own copy
//! of the standard sort (2-3 KB of wasm apiece; seven copies were 25 KB, for
//! issue 8's size budget); here the comparison goes through `dyn`, so one
//! copy serves every caller. For lists of a few thousand: the cluster and
//! nearest indexes, which sort 100,000 points, keep their own.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items (stable).
pub fn sort_with<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// 0..len ordered by `compare`, ties by index (so stable).
#[inline(never)]
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

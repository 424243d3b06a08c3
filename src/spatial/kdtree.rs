//! A static 2-D KD-tree over points in the unit square (like `kdbush`):
//! built once by median partitioning, then queried by box or by radius.
//! Leaves of up to [`NODE_SIZE`] points are scanned linearly.

const NODE_SIZE: usize = 64;

/// A point and the caller's index for it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    x: f64,
    y: f64,
    index: u32,
}

#[derive(Debug, Clone, Default)]
pub struct KdTree {
    entries: Vec<Entry>,
}

impl KdTree {
    /// Indexes `points`; queries return positions in that slice.
    pub fn new(points: impl IntoIterator<Item = (f64, f64)>) -> KdTree {
        let mut entries: Vec<Entry> = points
            .into_iter()
            .enumerate()
            .map(|(i, (x, y))| Entry {
                x,
                y,
                index: i as u32,
            })
            .collect();
        sort(&mut entries, 0);
        KdTree { entries }
    }

    /// Indexes of the points with `min_x <= x <= max_x` and `min_y <= y <= max_y`.
    pub fn range(&self, min_x: f64, min_y: f64, max_x: f64, max_y: f64, out: &mut Vec<u32>) {
        self.visit(
            |e| e.x >= min_x && e.x <= max_x && e.y >= min_y && e.y <= max_y,
            |value, axis| {
                if axis == 0 {
                    (min_x <= value, max_x >= value)
                } else {
                    (min_y <= value, max_y >= value)
                }
            },
            out,
        );
    }

    /// Indexes of the points within `r` of `(x, y)`.
    pub fn within(&self, x: f64, y: f64, r: f64, out: &mut Vec<u32>) {
        let r2 = r * r;
        self.visit(
            |e| (e.x - x).powi(2) + (e.y - y).powi(2) <= r2,
            |value, axis| {
                let centre = if axis == 0 { x } else { y };
                (centre - r <= value, centre + r >= value)
            },
            out,
        );
    }

    /// Indexes of the `k` points nearest to `(x, y)` in the plane where x
    /// distances count `x_scale` times (an equirectangular view of the
    /// sphere near the query, with `x_scale` = cos latitude). Nearest first.
    pub fn nearest(&self, x: f64, y: f64, k: usize, x_scale: f64) -> Vec<u32> {
        let mut best: Vec<(f64, u32)> = Vec::with_capacity(k + 1);
        if k > 0 {
            self.nearest_in(0, self.entries.len(), 0, (x, y, x_scale), k, &mut best);
        }
        best.into_iter().map(|(_, i)| i).collect()
    }

    fn nearest_in(
        &self,
        start: usize,
        end: usize,
        axis: usize,
        q: (f64, f64, f64),
        k: usize,
        best: &mut Vec<(f64, u32)>,
    ) {
        let (x, y, x_scale) = q;
        let consider = |e: &Entry, best: &mut Vec<(f64, u32)>| {
            let d = ((e.x - x) * x_scale).powi(2) + (e.y - y).powi(2);
            if best.len() < k || d < best[best.len() - 1].0 {
                let at = best.partition_point(|(bd, _)| *bd <= d);
                best.insert(at, (d, e.index));
                best.truncate(k);
            }
        };
        let slice = &self.entries[start..end];
        if slice.len() <= NODE_SIZE {
            for e in slice {
                consider(e, best);
            }
            return;
        }
        let mid = slice.len() / 2;
        let median = &slice[mid];
        consider(median, best);
        let diff = if axis == 0 {
            (x - median.x) * x_scale
        } else {
            y - median.y
        };
        let lower = (start, start + mid);
        let upper = (start + mid + 1, end);
        let (near, far) = if diff <= 0.0 {
            (lower, upper)
        } else {
            (upper, lower)
        };
        self.nearest_in(near.0, near.1, 1 - axis, q, k, best);
        if best.len() < k || diff * diff < best[best.len() - 1].0 {
            self.nearest_in(far.0, far.1, 1 - axis, q, k, best);
        }
    }

    /// Walks the tree: `hit` tests a point; `sides(split, axis)` says whether
    /// the query reaches the (lower, upper) side of a split value.
    fn visit(
        &self,
        hit: impl Fn(&Entry) -> bool,
        sides: impl Fn(f64, usize) -> (bool, bool),
        out: &mut Vec<u32>,
    ) {
        let mut stack = vec![(0usize, self.entries.len(), 0usize)];
        while let Some((start, end, axis)) = stack.pop() {
            let slice = &self.entries[start..end];
            if slice.len() <= NODE_SIZE {
                out.extend(slice.iter().filter(|e| hit(e)).map(|e| e.index));
                continue;
            }
            let mid = slice.len() / 2;
            let median = &slice[mid];
            if hit(median) {
                out.push(median.index);
            }
            let value = if axis == 0 { median.x } else { median.y };
            let (lower, upper) = sides(value, axis);
            if lower {
                stack.push((start, start + mid, 1 - axis));
            }
            if upper {
                stack.push((start + mid + 1, end, 1 - axis));
            }
        }
    }
}

/// Orders `entries` so each node's median sits in the middle, smaller
/// coordinates (on alternating axes) before it and larger after.
fn sort(entries: &mut [Entry], axis: usize) {
    if entries.len() <= NODE_SIZE {
        return;
    }
    let mid = entries.len() / 2;
    let key = |e: &Entry| if axis == 0 { e.x } else { e.y };
    entries.select_nth_unstable_by(mid, |a, b| key(a).total_cmp(&key(b)));
    let (lower, rest) = entries.split_at_mut(mid);
    sort(lower, 1 - axis);
    sort(&mut rest[1..], 1 - axis);
}

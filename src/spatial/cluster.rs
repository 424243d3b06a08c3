//! A hierarchical cluster index, after mapbox's supercluster: points are
//! projected to Web Mercator; from the deepest zoom up, each level greedily
//! merges the previous level's items that lie within `radius` pixels, using a
//! KD-tree per level. Every item carries how many pharmacies it holds and how
//! many of them have stock of the product the index was built for.

use super::kdtree::KdTree;
use crate::coords::LatLng;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterOptions {
    /// Merge radius in screen pixels.
    pub radius: f64,
    /// Tile size in pixels.
    pub extent: f64,
    pub min_zoom: u8,
    /// Deepest zoom that still clusters; beyond it every point stands alone.
    pub max_zoom: u8,
    /// Fewest points that make a cluster.
    pub min_points: u32,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            // Leaflet.markercluster's default, what the 2020 maps showed. Over
            // supercluster's 60 px, a third fewer markers in a phone's view:
            // more room between 44 px targets for a thumb, and less for each
            // frame of a pan to lay out, paint and composite.
            radius: 80.0,
            extent: 256.0,
            min_zoom: 0,
            max_zoom: 16,
            min_points: 2,
        }
    }
}

/// One point to index: where, and whether it has stock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterPoint {
    pub at: LatLng,
    pub has_stock: bool,
}

/// A cluster's identity: the zoom it shows at and its place in that level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClusterId {
    pub zoom: u8,
    pub index: u32,
}

/// What a query returns: a cluster, or a single point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub at: LatLng,
    pub count: u32,
    pub with_stock: u32,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Cluster(ClusterId),
    /// The index of the point in the slice the index was built from.
    Point(u32),
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    x: f64,
    y: f64,
    count: u32,
    with_stock: u32,
    /// The point's index for a single point; [`NONE`] for a cluster.
    point: u32,
    /// Its node in the level above (one zoom out).
    parent: u32,
}

#[derive(Debug, Clone, Default)]
struct Level {
    nodes: Vec<Node>,
    tree: KdTree,
    /// `children[child_start[i]..child_start[i + 1]]` are node `i`'s nodes in
    /// the level below (one zoom in).
    child_start: Vec<u32>,
    children: Vec<u32>,
}

#[derive(Debug, Clone)]
pub struct ClusterIndex {
    options: ClusterOptions,
    /// `levels[z - min_zoom]` for `z` in `min_zoom..=max_zoom + 1`; the last
    /// holds the points themselves.
    levels: Vec<Level>,
}

/// Web Mercator x in [0, 1].
fn project_x(lng: f64) -> f64 {
    lng / 360.0 + 0.5
}

/// Web Mercator y in [0, 1] (north at 0).
fn project_y(lat: f64) -> f64 {
    let sin = lat.to_radians().sin();
    let y = 0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / std::f64::consts::PI;
    y.clamp(0.0, 1.0)
}

fn unproject(x: f64, y: f64) -> LatLng {
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    LatLng {
        lat,
        lng: (x - 0.5) * 360.0,
    }
}

/// A [`ClusterIndex`] built one zoom level per [`ClusterBuild::step`], so a
/// page can spread a rebuild over several tasks instead of one long one.
#[derive(Debug, Clone)]
pub struct ClusterBuild {
    options: ClusterOptions,
    levels: Vec<Level>,
    /// The zoom whose level the next step builds; `None` once all are built.
    next: Option<u8>,
}

impl ClusterBuild {
    /// Projects the points and indexes them; no clustering yet.
    pub fn new(points: &[ClusterPoint], options: ClusterOptions) -> ClusterBuild {
        let leaves: Vec<Node> = points
            .iter()
            .enumerate()
            .map(|(i, p)| Node {
                x: project_x(p.at.lng),
                y: project_y(p.at.lat),
                count: 1,
                with_stock: u32::from(p.has_stock),
                point: i as u32,
                parent: NONE,
            })
            .collect();
        let depth = usize::from(options.max_zoom - options.min_zoom) + 2;
        let mut levels = vec![Level::default(); depth];
        levels[depth - 1] = Level::of(leaves);
        ClusterBuild {
            options,
            levels,
            next: Some(options.max_zoom),
        }
    }

    /// Builds the next level up; true once every level is built.
    pub fn step(&mut self) -> bool {
        let Some(z) = self.next else {
            return true;
        };
        let options = self.options;
        let k = usize::from(z - options.min_zoom);
        let radius = options.radius / (options.extent * 2f64.powi(i32::from(z)));
        let (up, down) = self.levels.split_at_mut(k + 1);
        let below = &mut down[0];
        let nodes = cluster(&mut below.nodes, &below.tree, radius, options.min_points);
        up[k] = Level::of(nodes);
        up[k].link_children(&below.nodes);
        self.next = (z > options.min_zoom).then(|| z - 1);
        self.next.is_none()
    }

    /// The index, after building whatever levels are left.
    pub fn into_index(mut self) -> ClusterIndex {
        while !self.step() {}
        ClusterIndex {
            options: self.options,
            levels: self.levels,
        }
    }
}

impl ClusterIndex {
    pub fn new(points: &[ClusterPoint], options: ClusterOptions) -> ClusterIndex {
        ClusterBuild::new(points, options).into_index()
    }

    fn level(&self, zoom: u8) -> (u8, &Level) {
        let zoom = zoom.clamp(self.options.min_zoom, self.options.max_zoom + 1);
        (
            zoom,
            &self.levels[usize::from(zoom - self.options.min_zoom)],
        )
    }

    fn item(zoom: u8, index: u32, node: &Node) -> Item {
        let kind = if node.point == NONE {
            ItemKind::Cluster(ClusterId { zoom, index })
        } else {
            ItemKind::Point(node.point)
        };
        Item {
            at: unproject(node.x, node.y),
            count: node.count,
            with_stock: node.with_stock,
            kind,
        }
    }

    /// The clusters and single points at `zoom` within the box from
    /// `south_west` to `north_east`.
    pub fn items_in(&self, south_west: LatLng, north_east: LatLng, zoom: u8) -> Vec<Item> {
        let (zoom, level) = self.level(zoom);
        let mut found = Vec::new();
        level.tree.range(
            project_x(south_west.lng),
            project_y(north_east.lat),
            project_x(north_east.lng),
            project_y(south_west.lat),
            &mut found,
        );
        found
            .iter()
            .map(|&i| Self::item(zoom, i, &level.nodes[i as usize]))
            .collect()
    }

    /// What a cluster splits into one zoom in.
    pub fn children(&self, id: ClusterId) -> Vec<Item> {
        let (zoom, level) = self.level(id.zoom);
        if zoom != id.zoom || zoom > self.options.max_zoom || id.index as usize >= level.nodes.len()
        {
            return Vec::new();
        }
        let below = &self.levels[usize::from(zoom - self.options.min_zoom) + 1];
        level
            .children_of(id.index)
            .iter()
            .map(|&c| Self::item(zoom + 1, c, &below.nodes[c as usize]))
            .collect()
    }

    /// The zoom at which a cluster first splits into more than one item.
    pub fn expansion_zoom(&self, id: ClusterId) -> u8 {
        let mut id = id;
        loop {
            let children = self.children(id);
            match children.as_slice() {
                [only] if id.zoom < self.options.max_zoom => match only.kind {
                    ItemKind::Cluster(child) => id = child,
                    ItemKind::Point(_) => return id.zoom + 1,
                },
                _ => return id.zoom + 1,
            }
        }
    }

    /// The indexes of every point a cluster holds.
    pub fn leaves(&self, id: ClusterId) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            for child in self.children(id) {
                match child.kind {
                    ItemKind::Cluster(c) => stack.push(c),
                    ItemKind::Point(p) => out.push(p),
                }
            }
        }
        out
    }
}

impl Level {
    fn of(nodes: Vec<Node>) -> Level {
        let tree = KdTree::new(nodes.iter().map(|n| (n.x, n.y)));
        Level {
            nodes,
            tree,
            child_start: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Indexes `below`'s nodes by their parent in this level.
    fn link_children(&mut self, below: &[Node]) {
        let mut counts = vec![0u32; self.nodes.len() + 1];
        for node in below {
            counts[node.parent as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut next = counts.clone();
        let mut children = vec![0u32; below.len()];
        for (i, node) in below.iter().enumerate() {
            let slot = &mut next[node.parent as usize];
            children[*slot as usize] = i as u32;
            *slot += 1;
        }
        self.child_start = counts;
        self.children = children;
    }

    fn children_of(&self, index: u32) -> &[u32] {
        let i = index as usize;
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.children[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// One level up: greedily merges `below`'s nodes within `radius` of each
/// other, in order, and records each node's parent.
fn cluster(below: &mut [Node], tree: &KdTree, radius: f64, min_points: u32) -> Vec<Node> {
    let mut above = Vec::with_capacity(below.len() / 2);
    let mut neighbours = Vec::new();
    for i in 0..below.len() {
        if below[i].parent != NONE {
            continue;
        }
        let seed = below[i];
        neighbours.clear();
        tree.within(seed.x, seed.y, radius, &mut neighbours);
        neighbours.retain(|&n| n as usize != i && below[n as usize].parent == NONE);
        let count = seed.count
            + neighbours
                .iter()
                .map(|&n| below[n as usize].count)
                .sum::<u32>();
        if count >= min_points && !neighbours.is_empty() {
            let parent = above.len() as u32;
            let (mut wx, mut wy, mut with_stock) = (
                seed.x * f64::from(seed.count),
                seed.y * f64::from(seed.count),
                seed.with_stock,
            );
            below[i].parent = parent;
            for &n in &neighbours {
                let node = &mut below[n as usize];
                node.parent = parent;
                wx += node.x * f64::from(node.count);
                wy += node.y * f64::from(node.count);
                with_stock += node.with_stock;
            }
            let total = f64::from(count);
            above.push(Node {
                x: wx / total,
                y: wy / total,
                count,
                with_stock,
                point: NONE,
                parent: NONE,
            });
        } else {
            // Too few to cluster: the seed (and, for min_points > 2, its
            // neighbours) go up alone.
            for n in std::iter::once(i as u32).chain(neighbours.iter().copied()) {
                let node = &mut below[n as usize];
                node.parent = above.len() as u32;
                above.push(Node {
                    parent: NONE,
                    ..*node
                });
            }
        }
    }
    above
}

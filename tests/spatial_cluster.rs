//! The cluster index and its KD-tree on real points: the 5,861 located
//! pharmacies of the findmasks-shape file in ../shared/data, with their real
//! adult-mask stock. Every expectation is checked against a plain scan.

mod common;

use std::collections::HashSet;

use common::read_shared;
use mask_map::coords::LatLng;
use mask_map::feed::{self, Product};
use mask_map::spatial::cluster::{
    ClusterBuild, ClusterIndex, ClusterOptions, ClusterPoint, Item, ItemKind,
};
use mask_map::spatial::kdtree::KdTree;
use mask_map::spatial::WORLD;

fn real_points() -> Vec<ClusterPoint> {
    let inventory = feed::parse(&read_shared("alt-geojson-masksLeft-2020-08-01.json")).unwrap();
    inventory
        .located()
        .map(|(p, at)| ClusterPoint {
            at,
            has_stock: p.stock.get(Product::Adult).unwrap_or(0) > 0,
        })
        .collect()
}

fn all_items(index: &ClusterIndex, zoom: u8) -> Vec<Item> {
    index.items_in(WORLD.0, WORLD.1, zoom)
}

#[test]
fn every_pharmacy_is_in_exactly_one_item_at_every_zoom() {
    let points = real_points();
    assert_eq!(points.len(), 5861);
    let in_stock = points.iter().filter(|p| p.has_stock).count() as u32;
    let options = ClusterOptions::default();
    let index = ClusterIndex::new(&points, options);
    for zoom in options.min_zoom..=options.max_zoom + 1 {
        let items = all_items(&index, zoom);
        assert_eq!(
            items.iter().map(|i| i.count).sum::<u32>(),
            points.len() as u32,
            "zoom {zoom}: counts add up"
        );
        assert_eq!(
            items.iter().map(|i| i.with_stock).sum::<u32>(),
            in_stock,
            "zoom {zoom}: stock adds up"
        );
        let mut seen = HashSet::new();
        for item in &items {
            let leaves = match item.kind {
                ItemKind::Point(p) => vec![p],
                ItemKind::Cluster(id) => {
                    assert_eq!(id.zoom, zoom);
                    index.leaves(id)
                }
            };
            assert_eq!(leaves.len() as u32, item.count);
            let stocked = leaves
                .iter()
                .filter(|&&p| points[p as usize].has_stock)
                .count() as u32;
            assert_eq!(
                stocked, item.with_stock,
                "a cluster's stock count is its pharmacies'"
            );
            for leaf in leaves {
                assert!(
                    seen.insert(leaf),
                    "zoom {zoom}: pharmacy {leaf} in two items"
                );
            }
        }
        assert_eq!(seen.len(), points.len());
    }
    // Zoomed right in, nothing is clustered; zoomed right out, Taiwan is a handful of clusters.
    assert!(all_items(&index, options.max_zoom + 1)
        .iter()
        .all(|i| matches!(i.kind, ItemKind::Point(_))));
    assert!(all_items(&index, 5).len() < 20);
}

#[test]
fn a_cluster_splits_at_its_expansion_zoom() {
    let index = ClusterIndex::new(&real_points(), ClusterOptions::default());
    for zoom in [6, 9, 12, 15] {
        for item in all_items(&index, zoom) {
            let ItemKind::Cluster(id) = item.kind else {
                continue;
            };
            let expansion = index.expansion_zoom(id);
            assert!(expansion > zoom);
            // Follow the single-child chain down to the zoom before expansion.
            let mut current = id;
            while current.zoom + 1 < expansion {
                let children = index.children(current);
                assert_eq!(children.len(), 1, "no split before the expansion zoom");
                let ItemKind::Cluster(child) = children[0].kind else {
                    panic!("a lone point cannot be a cluster's only child")
                };
                current = child;
            }
            assert!(
                index.children(current).len() > 1,
                "it splits at the expansion zoom"
            );
        }
    }
}

#[test]
fn a_box_query_returns_exactly_the_items_inside_it() {
    let index = ClusterIndex::new(&real_points(), ClusterOptions::default());
    // Greater Taipei, and a box around Kinmen.
    for (sw, ne) in [
        ((24.9, 121.4), (25.2, 121.7)),
        ((24.3, 118.1), (24.6, 118.5)),
    ] {
        let (sw, ne) = (
            LatLng {
                lat: sw.0,
                lng: sw.1,
            },
            LatLng {
                lat: ne.0,
                lng: ne.1,
            },
        );
        for zoom in [8, 11, 14, 17] {
            let inside = |i: &Item| {
                (sw.lat..=ne.lat).contains(&i.at.lat) && (sw.lng..=ne.lng).contains(&i.at.lng)
            };
            let mut expected: Vec<String> = all_items(&index, zoom)
                .iter()
                .filter(|i| inside(i))
                .map(|i| format!("{:?}", i.kind))
                .collect();
            let mut found: Vec<String> = index
                .items_in(sw, ne, zoom)
                .iter()
                .map(|i| format!("{:?}", i.kind))
                .collect();
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "zoom {zoom}");
            assert!(!found.is_empty());
        }
    }
}

#[test]
fn pharmacies_at_the_same_address_part_only_past_the_deepest_zoom() {
    // The real points three times over: every place now holds three pharmacies.
    let points: Vec<ClusterPoint> = real_points().into_iter().flat_map(|p| [p; 3]).collect();
    let options = ClusterOptions::default();
    let index = ClusterIndex::new(&points, options);
    for item in all_items(&index, options.max_zoom) {
        let ItemKind::Cluster(id) = item.kind else {
            panic!("a lone point at the deepest clustering zoom")
        };
        assert!(item.count >= 3);
        assert_eq!(index.expansion_zoom(id), options.max_zoom + 1);
    }
}

#[test]
fn the_kd_tree_answers_like_a_scan_on_real_points() {
    let points = real_points();
    let projected: Vec<(f64, f64)> = points.iter().map(|p| (p.at.lng, p.at.lat)).collect();
    let tree = KdTree::new(projected.iter().copied());
    // Around 臺北車站, 高雄車站, 馬公 and 南竿.
    for (x, y, r) in [
        (121.517, 25.048, 0.02),
        (120.302, 22.639, 0.05),
        (119.566, 23.565, 0.1),
        (119.938, 26.156, 0.3),
    ] {
        let mut within = Vec::new();
        tree.within(x, y, r, &mut within);
        within.sort_unstable();
        let scan: Vec<u32> = (0..projected.len() as u32)
            .filter(|&i| {
                (projected[i as usize].0 - x).powi(2) + (projected[i as usize].1 - y).powi(2)
                    <= r * r
            })
            .collect();
        assert_eq!(within, scan);
        assert!(!scan.is_empty());
        let mut boxed = Vec::new();
        tree.range(x - r, y - r, x + r, y + r, &mut boxed);
        boxed.sort_unstable();
        let scan: Vec<u32> = (0..projected.len() as u32)
            .filter(|&i| {
                let (px, py) = projected[i as usize];
                (x - r..=x + r).contains(&px) && (y - r..=y + r).contains(&py)
            })
            .collect();
        assert_eq!(boxed, scan);
    }
}

#[test]
fn a_build_in_steps_takes_one_per_zoom_and_gives_the_same_index() {
    // The map spreads a rebuild over tasks, a level per step.
    let points = real_points();
    let options = ClusterOptions::default();
    let whole = ClusterIndex::new(&points, options);
    let mut build = ClusterBuild::new(&points, options);
    let mut steps = 1;
    while !build.step() {
        steps += 1;
    }
    assert_eq!(steps, usize::from(options.max_zoom - options.min_zoom) + 1);
    assert!(build.step(), "a finished build stays finished");
    let same_as_whole = |index: &ClusterIndex| {
        (options.min_zoom..=options.max_zoom + 1)
            .all(|zoom| all_items(index, zoom) == all_items(&whole, zoom))
    };
    assert!(same_as_whole(&build.into_index()));
    // Stopping part-way still gives the whole index: the rest is built then.
    let mut partial = ClusterBuild::new(&points, options);
    for _ in 0..5 {
        partial.step();
    }
    assert!(same_as_whole(&partial.into_index()));
}

//! The registry placement decision (`src/feed/placement.rs`): when the
//! poller asks for the registry, and how a feed and a registry are combined,
//! on the real snapshots in ../shared/data (see its SOURCES.md) with the
//! real findmasks-shape registry `alt-geojson-masksLeft-2020-08-01.json`.

mod common;

use common::{data_dir, read_shared};
use mask_map::feed::placement::{ask_with_feed, join, needs_registry, place, Placement};
use mask_map::feed::{self, Inventory, LoadError, Registry};
use mask_map::fetch_error::FetchError;

const REGISTRY: &str = "alt-geojson-masksLeft-2020-08-01.json";
/// Where `scripts/serve.mjs` serves the registry beside the snapshots.
const REGISTRY_URL: &str = "data/registry-compact.csv";

fn registry() -> Registry {
    Registry::parse(&read_shared(REGISTRY)).unwrap()
}

fn snapshot(name: &str) -> Inventory {
    feed::parse(&read_shared(name)).unwrap()
}

/// Every real snapshot, by file name.
fn snapshots() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// Before any byte arrives, the poller asks for the registry with the feed
/// exactly when the feed will turn out to need it, and never again once a
/// registry is kept.
#[test]
fn the_registry_is_asked_for_with_the_feed_exactly_when_it_will_be_needed() {
    let names = snapshots();
    assert!(names.len() >= 8, "{names:?}");
    for name in &names {
        let inventory = snapshot(name);
        let url = format!("data/{name}");
        assert_eq!(
            ask_with_feed(&url, REGISTRY_URL, false),
            needs_registry(&inventory),
            "{name}"
        );
        assert!(!ask_with_feed(&url, REGISTRY_URL, true), "{name}");
    }
    let masks = snapshot("maskdata-2020-03-03.csv");
    assert!(needs_registry(&masks));
    assert_eq!(masks.located().count(), 0);
    // NHIA's own addresses for the two CSVs, and a feed that is its own registry.
    let nhia = "https://data.nhi.gov.tw/resource/mask/maskdata.csv";
    assert!(ask_with_feed(nhia, REGISTRY_URL, false));
    let tests = "https://data.nhi.gov.tw/resource/Nhi_Fst/Fstdata.csv";
    assert!(!ask_with_feed(tests, REGISTRY_URL, false));
    assert!(!ask_with_feed(nhia, nhia, false));
    assert!(!ask_with_feed(
        "data/maskdata/points.json",
        REGISTRY_URL,
        false
    ));
}

/// NHIA's mask CSV has no coordinates: joined to the registry that arrived
/// with it, every pharmacy the registry knows is placed and the rest are
/// counted, none lost.
#[test]
fn a_mask_csv_is_joined_to_the_registry_that_arrived_with_it() {
    let registry = registry();
    let mut inventory = snapshot("maskdata-2020-03-03.csv");
    let pharmacies = inventory.pharmacies.len();
    let placement = place(&mut inventory, None, Some(Ok(&registry)));
    let Some(Placement::Joined(stats)) = placement else {
        panic!("expected a join, got {placement:?}");
    };
    assert_eq!(stats.matched + stats.unmatched, pharmacies);
    assert_eq!(inventory.located().count(), stats.matched);
    assert_eq!(inventory.pharmacies.len(), pharmacies);
    // SOURCES.md: 5,329-5,764 of the CSV codes are in the registry.
    assert!((5_329..=5_764).contains(&stats.matched), "{stats:?}");
}

/// With no registry at hand the decision is "fetch it", and the fetched
/// one places the feed as one that arrived with it would have.
#[test]
fn without_a_registry_at_hand_the_poller_fetches_one_then_joins() {
    let registry = registry();
    let mut waiting = snapshot("maskdata-2020-02-11.csv");
    assert_eq!(place(&mut waiting, None, None), None);
    assert_eq!(waiting.located().count(), 0, "nothing placed yet");
    let fetched = join(&mut waiting, Ok(&registry));

    let mut arrived = snapshot("maskdata-2020-02-11.csv");
    assert_eq!(
        place(&mut arrived, None, Some(Ok(&registry))),
        Some(fetched.clone())
    );
    assert_eq!(waiting.pharmacies, arrived.pharmacies);
    assert!(matches!(fetched, Placement::Joined(s) if s.matched > 5_000));
}

/// A registry kept from an earlier poll is used before anything else, so a
/// failed registry request on this poll does not unplace the pharmacies.
#[test]
fn a_kept_registry_comes_first() {
    let registry = registry();
    let failed = LoadError::Fetch(FetchError::Network);
    let mut inventory = snapshot("maskdata-2020-03-08.csv");
    let placement = place(&mut inventory, Some(&registry), Some(Err(&failed)));
    assert!(matches!(placement, Some(Placement::Joined(s)) if s.matched > 5_000));
}

/// A registry that fails to load is reported with its error, and the feed
/// is still shown (its pharmacies all there, none placed).
#[test]
fn a_registry_that_failed_is_reported_and_the_feed_kept() {
    for error in [
        LoadError::Fetch(FetchError::Http { status: 404 }),
        LoadError::Fetch(FetchError::Timeout),
        LoadError::Feed(feed::FeedError::NoPharmacies),
    ] {
        let mut inventory = snapshot("maskdata-2020-05-28.csv");
        let before = inventory.pharmacies.clone();
        let placement = place(&mut inventory, None, Some(Err(&error)));
        assert_eq!(placement, Some(Placement::RegistryFailed(error)));
        assert_eq!(inventory.pharmacies, before);
    }
}

/// Feeds with coordinates of their own are placed by them, whatever
/// registry is at hand: the registry never moves a pharmacy they placed.
#[test]
fn feeds_with_their_own_coordinates_ignore_the_registry() {
    let registry = registry();
    for name in [
        "points-2021-02-28.json",
        "rapidtest-2022-04-28.csv",
        "alt-geojson-masksLeft-2020-08-01.json",
    ] {
        let mut inventory = snapshot(name);
        assert!(!needs_registry(&inventory), "{name}");
        let before = inventory.pharmacies.clone();
        for kept in [None, Some(&registry)] {
            let placement = place(&mut inventory, kept, Some(Ok(&registry)));
            assert_eq!(placement, Some(Placement::OwnCoordinates), "{name}");
            assert_eq!(inventory.pharmacies, before, "{name}");
        }
        assert_eq!(
            place(&mut inventory, None, None),
            Some(Placement::OwnCoordinates)
        );
    }
}

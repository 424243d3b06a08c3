//! The app's one sort (src/sorting.rs) orders as the standard stable sort
//! does: on the real 2020-03-03 NHIA snapshot's pharmacies, and on random
//! lists with many ties.

mod common;

use common::read_shared;
use mask_map::feed;
use mask_map::sorting::sort_with;
use proptest::prelude::*;

#[test]
fn real_pharmacies_sort_as_the_standard_stable_sort_sorts_them() {
    let inventory = feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap();
    // By county only: thousands of ties, whose file order must survive.
    let by_county = |a: &&feed::Pharmacy, b: &&feed::Pharmacy| a.county.cmp(&b.county);
    let mut ours: Vec<&feed::Pharmacy> = inventory.pharmacies.iter().collect();
    let mut standard = ours.clone();
    sort_with(&mut ours, &by_county);
    standard.sort_by(by_county);
    let codes = |list: &[&feed::Pharmacy]| list.iter().map(|p| p.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&ours), codes(&standard));
    assert_ne!(
        codes(&ours),
        codes(&inventory.pharmacies.iter().collect::<Vec<_>>())
    );
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_lists_sort_as_the_standard_stable_sort(list in prop::collection::vec((0u8..4, any::<u16>()), 0..300)) {
        let mut ours = list.clone();
        let mut standard = list;
        sort_with(&mut ours, &|a, b| a.0.cmp(&b.0));
        standard.sort_by_key(|a| a.0);
        prop_assert_eq!(ours, standard);
    }
}

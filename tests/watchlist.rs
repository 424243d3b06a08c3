//! Favourites and alerts: what the device keeps, and which polls alert. On
//! polls derived from the real 2020-03-03 NHIA snapshot in ../shared/data:
//! one pharmacy's adult count set to 0, taken out of the feed, then back.

mod common;

use common::read_shared;
use mask_map::feed::{self, Inventory, Product};
use mask_map::time::TaipeiDateTime;
use mask_map::watchlist::{Fired, Watchlist, ALERT_GAP_SECONDS};

fn snapshot() -> Inventory {
    feed::parse(&read_shared("maskdata-2020-03-03.csv")).unwrap()
}

/// The snapshot with the pharmacy `code`'s adult count set (`None`: the
/// pharmacy left out of the feed, as the rapid-test feed does when sold out).
fn poll(code: &str, adult: Option<u32>) -> Inventory {
    let mut inventory = snapshot();
    match adult {
        Some(n) => {
            let p = inventory
                .pharmacies
                .iter_mut()
                .find(|p| p.code == code)
                .unwrap();
            p.stock.adult = Some(n);
        }
        None => inventory.pharmacies.retain(|p| p.code != code),
    }
    inventory
}

fn minutes(m: i64) -> TaipeiDateTime {
    TaipeiDateTime::from_unix_seconds(1_583_200_800 + m * 60) // 2020-03-03 10:00
}

/// A pharmacy with over 100 adult and some child masks in the snapshot.
fn code_with_stock() -> String {
    snapshot()
        .pharmacies
        .iter()
        .find(|p| p.stock.adult.is_some_and(|n| n > 100) && p.stock.child.is_some_and(|n| n > 0))
        .unwrap()
        .code
        .clone()
}

#[test]
fn favourites_and_alerts_read_back_as_written_and_bad_lines_are_skipped() {
    let mut list = Watchlist::default();
    list.toggle_favourite("5901012345");
    list.toggle_alert("2301010001", Product::Child, Some(0));
    assert_eq!(list.favourites(), ["5901012345", "2301010001"]);
    let text = list.to_text();
    assert_eq!(text, "5901012345\n2301010001\tchild\n");
    let read = Watchlist::from_text(&text);
    assert!(read.is_favourite("5901012345"));
    assert!(read.is_alerting("2301010001", Product::Child));
    assert!(!read.is_alerting("2301010001", Product::Adult));
    // A hand-edited or foreign value: blank lines, repeats, unknown products.
    let odd = Watchlist::from_text("\n  \nA1\tnonsense\tadult\nA1\tchild\n<script>\n");
    assert_eq!(odd.favourites(), ["A1", "<script>"]);
    assert!(odd.is_alerting("A1", Product::Adult));
    assert!(!odd.is_alerting("A1", Product::Child));
}

#[test]
fn unstarring_drops_the_pharmacys_alerts() {
    let mut list = Watchlist::default();
    list.toggle_alert("A1", Product::Adult, None);
    assert!(list.is_favourite("A1"));
    list.toggle_favourite("A1");
    assert!(!list.is_favourite("A1"));
    assert!(!list.is_alerting("A1", Product::Adult));
    assert_eq!(list.to_text(), "");
}

#[test]
fn an_alert_fires_when_stock_comes_back_and_not_while_it_stays() {
    let code = code_with_stock();
    let mut list = Watchlist::default();
    // Armed while it has none.
    list.toggle_alert(&code, Product::Adult, Some(0));
    assert_eq!(list.observe(&poll(&code, Some(0)), minutes(0)), []);
    assert_eq!(
        list.observe(&poll(&code, Some(50)), minutes(1)),
        [Fired {
            code: code.clone(),
            product: Product::Adult,
            count: 50
        }]
    );
    // Still in stock, counts falling: nothing more.
    assert_eq!(list.observe(&poll(&code, Some(49)), minutes(2)), []);
    assert_eq!(list.observe(&poll(&code, Some(3)), minutes(3)), []);
}

#[test]
fn arming_while_in_stock_waits_for_the_stock_to_go_and_come_back() {
    let code = code_with_stock();
    let mut list = Watchlist::default();
    list.toggle_alert(&code, Product::Adult, Some(120));
    assert_eq!(list.observe(&snapshot(), minutes(0)), []);
    assert_eq!(list.observe(&poll(&code, Some(0)), minutes(1)), []);
    assert_eq!(list.observe(&poll(&code, Some(10)), minutes(2)).len(), 1);
}

#[test]
fn a_pharmacy_left_out_of_the_feed_counts_as_unknown_then_its_return_alerts() {
    let code = code_with_stock();
    let mut list = Watchlist::default();
    list.toggle_alert(&code, Product::Adult, Some(120));
    assert_eq!(list.observe(&poll(&code, None), minutes(0)), []);
    assert_eq!(list.observe(&snapshot(), minutes(1)).len(), 1);
}

#[test]
fn at_most_one_alert_per_pharmacy_and_product_an_hour() {
    let code = code_with_stock();
    let mut list = Watchlist::default();
    list.toggle_alert(&code, Product::Adult, Some(0));
    list.toggle_alert(&code, Product::Child, Some(0));
    let fired = list.observe(&snapshot(), minutes(0));
    // Both products came back: one alert each.
    assert_eq!(fired.len(), 2);
    // Gone and back within the hour: quiet.
    assert_eq!(list.observe(&poll(&code, Some(0)), minutes(10)), []);
    assert_eq!(list.observe(&poll(&code, Some(5)), minutes(20)), []);
    // Gone again, back an hour after the first alert: it fires.
    let gap = ALERT_GAP_SECONDS / 60;
    assert_eq!(list.observe(&poll(&code, Some(0)), minutes(gap - 1)), []);
    let again = list.observe(&poll(&code, Some(7)), minutes(gap));
    assert_eq!(
        again.iter().filter(|f| f.product == Product::Adult).count(),
        1
    );
}

#[test]
fn an_alert_restored_from_storage_does_not_fire_on_the_first_poll() {
    let code = code_with_stock();
    let mut list = Watchlist::from_text(&format!("{code}\tadult\n"));
    assert_eq!(list.observe(&snapshot(), minutes(0)), []);
    assert_eq!(list.observe(&poll(&code, Some(0)), minutes(1)), []);
    assert_eq!(list.observe(&snapshot(), minutes(2)).len(), 1);
}

#[test]
fn another_tabs_list_is_taken_with_what_this_tab_saw_of_each_alert() {
    let code = code_with_stock();
    let mut here = Watchlist::default();
    here.toggle_alert(&code, Product::Adult, Some(0));
    here.toggle_favourite("A1");
    // The other tab: read at the same time, then A1 removed and B2 armed.
    let mut there = Watchlist::from_text(&here.to_text());
    there.toggle_favourite("A1");
    there.toggle_alert("B2", Product::Child, Some(0));
    assert!(here.sync(&there.to_text()));
    assert_eq!(here.favourites(), [code.as_str(), "B2"]);
    assert!(!here.is_favourite("A1"));
    // The alert armed here while empty still fires when stock comes back.
    assert_eq!(here.observe(&snapshot(), minutes(0)).len(), 1);
    // Nothing new: nothing changes.
    assert!(!here.sync(&here.to_text()));
    // The other tab removes the favourite: no alert from here any more.
    assert!(here.sync(""));
    assert_eq!(here.observe(&poll(&code, Some(0)), minutes(1)), []);
    assert_eq!(here.observe(&snapshot(), minutes(2)), []);
}

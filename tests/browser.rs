//! Browser tests: the Leaflet glue in a real Chromium (wasm-bindgen-test),
//! on the real kiang snapshot from ../shared/data. Run by scripts/test.sh as
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use mask_map::config::Config;
use mask_map::feed::{self, Product, StockThresholds};
use mask_map::history::DayHistory;
use mask_map::map::{element_icon, PharmacyMap};
use mask_map::state::{AppState, FeedView, LoadState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KIANG: &[u8] = include_bytes!("../../shared/data/points-2021-02-28.json");

/// The runner's page has no Leaflet; load the same pinned file the app serves.
fn load_leaflet() {
    if js_sys::Reflect::has(&js_sys::global(), &"L".into()).unwrap_or(false) {
        return;
    }
    let source = include_str!("../node_modules/leaflet/dist/leaflet.js");
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::UNDEFINED)
        .expect("Leaflet evaluates");
}

/// A sized container for a map, attached to the page.
fn container() -> web_sys::HtmlElement {
    let element: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    element
        .set_attribute("style", "width: 400px; height: 400px")
        .unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets Leptos effects and Leaflet's own work run.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn element_icon_puts_our_element_in_the_marker_and_keeps_text_as_text() {
    load_leaflet();
    let map = leaflet::Map::new_with_element(&container(), &leaflet::MapOptions::new()).unwrap();
    map.set_view(&leaflet::LatLng::new(25.0, 121.5), 10.0);
    let body = document().create_element("span").unwrap();
    body.set_text_content(Some("<img src=x onerror=alert(1)>"));
    let options = leaflet::MarkerOptions::new();
    options.set_icon(element_icon(&body, "pin", 22.0).into());
    leaflet::Marker::new_with_options(&leaflet::LatLng::new(25.0, 121.5), &options).add_to(&map);

    let icon = body
        .parent_element()
        .expect("the element is inside the marker icon");
    assert!(icon.class_list().contains("leaflet-marker-icon"));
    assert!(icon.class_list().contains("pin"));
    assert!(icon.get_attribute("style").unwrap().contains("width: 22px"));
    assert_eq!(icon.query_selector("img").unwrap(), None);
    assert_eq!(body.text_content().unwrap(), "<img src=x onerror=alert(1)>");
}

/// Mounts the map on the real kiang snapshot with this link's parameters.
async fn mount_map(
    query: &str,
) -> (
    web_sys::HtmlElement,
    Arc<feed::Inventory>,
    RwSignal<Option<String>>,
) {
    load_leaflet();
    let inventory = Arc::new(feed::parse(KIANG).unwrap());
    let parent = container();
    let shown = inventory.clone();
    let config = Arc::new(Config::from_query(query));
    let selected = RwSignal::new(None::<String>);
    let mounted = leptos::mount::mount_to(parent.clone(), move || {
        let feed = RwSignal::new(FeedView {
            inventory: Some(shown.clone()),
            load: LoadState::Loaded,
            ..FeedView::default()
        });
        provide_context(AppState {
            lang: config.lang,
            mode: config.mode,
            levels: config.levels,
            feed,
            feed_later: feed.read_only(),
            filters: RwSignal::new(config.filters()),
            here: RwSignal::new(config.at),
            picking: RwSignal::new(false),
            selected,
            map_view: RwSignal::new(None),
            visit: RwSignal::new(0),
            link_problems: RwSignal::new(config.problems.clone()),
            rules_problem: RwSignal::new(false),
            blocked: RwSignal::new(Vec::new()),
            history: RwSignal::new(DayHistory::new()),
            stock_index: mask_map::state::stock_index(feed),
            parity: RwSignal::new(None),
            watchlist: RwSignal::new(Default::default()),
            alert_banner: RwSignal::new(Vec::new()),
        });
        view! { <PharmacyMap config=config.clone() /> }
    });
    mounted.forget();
    drawn(&parent).await;
    (parent, inventory, selected)
}

/// Waits until the map says its markers are all drawn (`data-drawn`, the
/// hook the e2e tests wait on too): the index and the markers come in later
/// tasks (at most two seconds).
async fn drawn(parent: &web_sys::HtmlElement) {
    for _ in 0..200 {
        next_tick().await;
        let done = parent
            .query_selector("[data-testid=map][data-drawn=true]")
            .ok()
            .flatten();
        if done.is_some() {
            return;
        }
    }
}

#[wasm_bindgen_test]
async fn pharmacy_map_shows_every_located_pharmacy_as_a_pin_or_in_a_cluster() {
    let (parent, inventory, _) = mount_map("tiles=none").await;
    let pins = parent.query_selector_all("[data-id]").unwrap();
    let clusters = parent.query_selector_all(".cluster").unwrap();
    let clustered: usize = (0..clusters.length())
        .map(|i| {
            clusters
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
        })
        .map(|c| usize::from_str_radix(&c.get_attribute("data-count").unwrap(), 10).unwrap())
        .sum();
    // Fitted to all of Taiwan in 400 px, every located pharmacy is in view.
    assert_eq!(
        pins.length() as usize + clustered,
        inventory.located().count()
    );
    assert!(clusters.length() > 0, "57 pharmacies over 400 px cluster");
}

#[wasm_bindgen_test]
async fn a_pin_shows_its_stock_level_and_name_and_selecting_it_reports_its_code() {
    // 易生藥局 (5945010289), the snapshot's first row, zoomed in past clustering.
    let (parent, inventory, selected) =
        mount_map("product=child&tiles=none&lat=23.975465&lng=121.604473&zoom=18").await;
    let pharmacy = &inventory.pharmacies[0];
    let pin = parent
        .query_selector(&format!("[data-id=\"{}\"]", pharmacy.code))
        .unwrap()
        .expect("the pharmacy at the centre is a pin");
    let expected =
        StockThresholds::default_for(Product::Child).level(pharmacy.stock.get(Product::Child));
    assert_eq!(
        pin.get_attribute("data-stock").as_deref(),
        Some(expected.as_str())
    );
    // The pin is the marker's one element: its title is the name, and it takes the click.
    let icon: web_sys::HtmlElement = pin.unchecked_into();
    assert!(icon.class_list().contains("leaflet-marker-icon"));
    assert_eq!(icon.text_content().as_deref(), Some(expected.glyph()));
    assert_eq!(
        icon.get_attribute("title").as_deref(),
        Some(pharmacy.name.as_str())
    );
    icon.click();
    assert_eq!(
        selected.get_untracked().as_deref(),
        Some(pharmacy.code.as_str())
    );
}

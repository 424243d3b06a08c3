//! The only module that talks to Leaflet: the map, its base tiles, and one
//! marker per located pharmacy (clustering arrives with issue 4).

mod bindings;

use std::sync::Arc;

use leaflet::{
    LatLng, LatLngBounds, LayerGroup, Map, MapOptions, Marker, MarkerOptions, TileLayer,
    TileLayerOptions,
};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

use crate::config::{Config, Tiles, MAX_ZOOM};
use crate::feed::{Inventory, Pharmacy, Product};
use crate::i18n;
use crate::spatial::TAIWAN_VIEW;

pub use bindings::element_icon;

/// Zoom for a single point of interest (`at=` without `zoom=`): a few streets.
const STREET_ZOOM: u8 = 15;
/// Pixel size of a pharmacy pin.
const PIN_SIZE: f64 = 22.0;

/// The Leaflet map with the pharmacies of `inventory` on it.
#[component]
pub fn PharmacyMap(
    config: Arc<Config>,
    inventory: Signal<Option<Arc<Inventory>>>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let lang = config.lang;
    let map: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    on_cleanup(move || map.update_value(|map| drop(map.take())));
    Effect::new(move |_| {
        // Runs once the container is in the page, then on every new inventory.
        let Some(element) = container.get() else {
            return;
        };
        let inventory = inventory.get();
        map.update_value(|map| {
            let map = map.get_or_insert_with(|| LeafletMap::new(&element, &config));
            if let Some(inventory) = inventory {
                map.show(&inventory, inventory.product_to_show(config.product));
            }
        });
    });
    view! { <div class="map" node_ref=container data-testid="map" role="region" aria-label=i18n::map_label(lang)></div> }
}

struct LeafletMap {
    map: Map,
    pins: LayerGroup,
    /// Tells Leaflet when its container changes size (a header that wraps, a
    /// rotated phone): Leaflet itself only watches the window.
    resize: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl Drop for LeafletMap {
    fn drop(&mut self) {
        self.resize.disconnect();
        bindings::destroy_map(&self.map);
    }
}

impl LeafletMap {
    fn new(element: &HtmlElement, config: &Config) -> LeafletMap {
        let options = MapOptions::new();
        options.set_max_zoom(f64::from(MAX_ZOOM));
        let map =
            Map::new_with_element(element, &options).expect("Leaflet is loaded before the app");
        set_initial_view(&map, config);
        if let Some(template) = config.tiles.template() {
            let tile_options = TileLayerOptions::new();
            tile_options.set_max_zoom(f64::from(MAX_ZOOM));
            if config.tiles == Tiles::OpenStreetMap {
                tile_options.set_attribution("&copy; OpenStreetMap contributors".into());
            }
            TileLayer::new_options(template, &tile_options).add_to(&map);
        }
        let pins = LayerGroup::new();
        pins.add_to(&map);
        let on_resize = Closure::<dyn FnMut()>::new({
            let map = map.clone();
            move || {
                map.invalidate_size(false);
            }
        });
        let resize =
            ResizeObserver::new(on_resize.as_ref().unchecked_ref()).expect("ResizeObserver exists");
        resize.observe(element);
        LeafletMap {
            map,
            pins,
            resize,
            _on_resize: on_resize,
        }
    }

    /// Replaces the pins with one per located pharmacy.
    fn show(&self, inventory: &Inventory, product: Option<Product>) {
        self.pins.clear_layers();
        for (pharmacy, at) in inventory.located() {
            let options = MarkerOptions::new();
            options.set_icon(element_icon(&pin(pharmacy, product), "pin", PIN_SIZE).into());
            // Leaflet sets `title` as a property: text, never markup.
            options.set_title(pharmacy.name.clone());
            options.set_keyboard(true);
            Marker::new_with_options(&LatLng::new(at.lat, at.lng), &options)
                .add_to_layer_group(&self.pins);
        }
    }
}

fn set_initial_view(map: &Map, config: &Config) {
    let zoom = config.zoom.map(f64::from);
    match (config.center.or(config.at), zoom) {
        (Some(c), zoom) => {
            map.set_view(
                &LatLng::new(c.lat, c.lng),
                zoom.unwrap_or(f64::from(STREET_ZOOM)),
            );
        }
        (None, zoom) => {
            let (sw, ne) = TAIWAN_VIEW;
            map.fit_bounds(&LatLngBounds::new(
                &LatLng::new(sw.lat, sw.lng),
                &LatLng::new(ne.lat, ne.lng),
            ));
            if let Some(zoom) = zoom {
                map.set_zoom(zoom);
            }
        }
    }
}

/// The pin's body: its stock state as a class, a glyph (so colour is not the
/// only cue) and the hook `data-id`.
fn pin(pharmacy: &Pharmacy, product: Option<Product>) -> web_sys::Element {
    let (state, glyph) = match product.and_then(|p| pharmacy.stock.get(p)) {
        Some(0) => ("none", "×"),
        Some(_) => ("some", "✓"),
        None => ("unknown", "?"),
    };
    let element = document()
        .create_element("span")
        .expect("a span can be created");
    element.set_class_name(&format!("pin__body pin--{state}"));
    let _ = element.set_attribute("data-id", &pharmacy.code);
    let _ = element.set_attribute("data-stock", state);
    element.set_text_content(Some(glyph));
    element
}

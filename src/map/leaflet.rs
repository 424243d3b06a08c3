//! The Leaflet map itself: its tiles, the view a link asks for, its events
//! (moves, clicks on markers and on the map, resizes), the reference
//! location's marker, and the hand-over of a new inventory to the markers
//! ([`Shown`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use leaflet::{
    FeatureGroup, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions, TileLayer,
    TileLayerOptions,
};
use leptos::prelude::{document, Callable, Callback};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

use super::bindings::{self, element_icon, event_marker_element, Listener};
use super::markers::{with_shown, Building, Shown};
use crate::config::{Config, Mode, Tiles, MAX_ZOOM};
use crate::feed::{Filters, Inventory};
use crate::i18n;
use crate::spatial::cluster::{ClusterBuild, ClusterOptions, ClusterPoint};
use crate::spatial::TAIWAN_VIEW;

/// Zoom for a single point of interest (`at=` without `zoom=`): a few streets.
const STREET_ZOOM: u8 = 15;

/// The map on the page and what it holds; dropping it destroys the map.
pub(super) struct LeafletMap {
    shared: Rc<RefCell<Shown>>,
    /// Tells Leaflet when its container changes size (a header that wraps, a
    /// rotated phone): Leaflet itself only watches the window.
    resize: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    _on_move: Listener,
    _on_click: Listener,
    _on_key: Listener,
    _on_user_move: Listener,
    _on_map_click: Listener,
    /// The reference location's marker.
    here: RefCell<Option<Marker>>,
    /// Whether a resize should fit all of Taiwan again (nobody moved the map).
    keep_fit: Rc<Cell<bool>>,
    /// Whether the link set the view (lat/lng/zoom or at=), which the first
    /// load must keep.
    link_view: bool,
    /// The county and town the view was last fitted to.
    area: RefCell<Option<(Option<String>, Option<String>)>>,
}

impl Drop for LeafletMap {
    fn drop(&mut self) {
        self.resize.disconnect();
        bindings::destroy_map(&self.shared.borrow().map);
    }
}

impl LeafletMap {
    pub(super) fn new(
        element: &HtmlElement,
        config: &Config,
        on_select: Callback<String>,
        on_pick: Callback<crate::coords::LatLng>,
        on_view: Callback<(crate::coords::LatLng, u8)>,
    ) -> LeafletMap {
        let options = MapOptions::new();
        options.set_max_zoom(f64::from(MAX_ZOOM));
        let map =
            Map::new_with_element(element, &options).expect("Leaflet is loaded before the app");
        // Leaflet's `.leaflet-dragging .leaflet-grab` rule (body class at a
        // drag's start and end) would restyle the whole map, every marker
        // included. Our stylesheet gives the grab cursor.
        let _ = element.class_list().remove_1("leaflet-grab");
        // While the view is the default "all of Taiwan" and nobody has moved
        // the map, a resize (the header wrapping once the feed loads, a
        // rotated phone) fits Taiwan again instead of cutting an island off.
        let keep_fit = Rc::new(Cell::new(set_initial_view(&map, config)));
        let keep_fit_kept = keep_fit.clone();
        let fitting = Rc::new(Cell::new(false));
        if let Some(template) = config.tiles.template() {
            let tile_options = TileLayerOptions::new();
            tile_options.set_max_zoom(f64::from(MAX_ZOOM));
            if config.tiles == Tiles::OpenStreetMap {
                tile_options.set_attribution("&copy; OpenStreetMap contributors".into());
            }
            TileLayer::new_options(template, &tile_options).add_to(&map);
        }
        if config.mode == Mode::Kiosk {
            bindings::plain_attribution_prefix(&map);
        }
        let pins = FeatureGroup::new();
        pins.add_to(&map);
        let shared = Shown::new(
            map.clone(),
            element.clone(),
            pins.clone(),
            config.lang,
            config.levels,
            on_select,
        );
        let weak = Rc::downgrade(&shared);
        let on_move = Listener::new(&map, "moveend", {
            let weak = weak.clone();
            let map = map.clone();
            move |_| {
                // Not in this task: the mouseup or touchend that ended a drag
                // also dispatches its click, which makes the browser lay out
                // whatever markers a render just added.
                with_shown(&weak, Shown::render_soon);
                let centre = map.get_center();
                if let Some(at) = crate::coords::LatLng::new(centre.lat(), centre.lng()) {
                    on_view.run((
                        at,
                        map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8,
                    ));
                }
            }
        });
        // A marker is a button: a click, or Enter or Space while it has the
        // focus (Leaflet itself answers only clicks).
        let press = Rc::new({
            let map = map.clone();
            move |event: &wasm_bindgen::JsValue| {
                let Some(element) = event_marker_element(event) else {
                    return;
                };
                let mut go_to = None;
                with_shown(&weak, |shown| go_to = shown.clicked(&element));
                // Outside the borrow: a long zoom jump fires moveend at once,
                // and its render needs the map's state.
                if let Some((at, zoom)) = go_to {
                    map.set_view(&at, zoom);
                }
            }
        });
        let on_click = Listener::new(&pins, "click", {
            let press = press.clone();
            move |event| press(&event)
        });
        let on_key = Listener::new(&pins, "keydown", move |event| {
            let key = js_sys::Reflect::get(&event, &"originalEvent".into())
                .ok()
                .and_then(|e| e.dyn_into::<web_sys::KeyboardEvent>().ok());
            if let Some(key) = key.filter(|k| k.key() == "Enter" || k.key() == " ") {
                key.prevent_default();
                press(&event);
            }
        });
        let on_user_move = Listener::new(&map, "movestart", {
            let (keep_fit, fitting) = (keep_fit.clone(), fitting.clone());
            move |_| {
                if !fitting.get() {
                    keep_fit.set(false);
                }
            }
        });
        let on_map_click = Listener::new(&map, "click", move |event| {
            let latlng = js_sys::Reflect::get(&event, &"latlng".into())
                .unwrap_or(wasm_bindgen::JsValue::NULL);
            let read = |k: &str| {
                js_sys::Reflect::get(&latlng, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            if let Some(at) = read("lat")
                .zip(read("lng"))
                .and_then(|(lat, lng)| crate::coords::LatLng::new(lat, lng))
            {
                on_pick.run(at);
            }
        });
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            fitting.set(true);
            map.invalidate_size(false);
            if keep_fit.get() {
                fit_taiwan(&map);
            }
            fitting.set(false);
        });
        let resize =
            ResizeObserver::new(on_resize.as_ref().unchecked_ref()).expect("ResizeObserver exists");
        resize.observe(element);
        LeafletMap {
            shared,
            resize,
            _on_resize: on_resize,
            _on_move: on_move,
            _on_click: on_click,
            _on_key: on_key,
            _on_user_move: on_user_move,
            _on_map_click: on_map_click,
            here: RefCell::new(None),
            link_view: !keep_fit_kept.get(),
            keep_fit: keep_fit_kept,
            area: RefCell::new(None),
        }
    }

    /// Back to the view the link asked for (a kiosk's reset).
    pub(super) fn reset_view(&self, config: &Config) {
        let map = self.shared.borrow().map.clone();
        self.keep_fit.set(set_initial_view(&map, config));
        // The link's area counts as shown: only a new choice moves the map.
        *self.area.borrow_mut() = Some((config.county.clone(), config.town.clone()));
    }

    /// Highlights a pharmacy and brings it into view as a single pin.
    pub(super) fn select(&self, code: Option<String>) {
        let mut shown = self.shared.borrow_mut();
        shown.selected = code;
        // The newest inventory, even while its index is still being built.
        let inventory = shown
            .building
            .as_ref()
            .map(|b| &b.inventory)
            .or(shown.inventory.as_ref());
        let at = shown.selected.as_ref().and_then(|code| {
            inventory?
                .pharmacies
                .iter()
                .find(|p| &p.code == code)?
                .location
        });
        match at {
            Some(at) => {
                let zoom = shown.map.get_zoom().max(f64::from(MAX_ZOOM - 1));
                // set_view fires moveend, which renders; the borrow must end first.
                let map = shown.map.clone();
                drop(shown);
                map.set_view(&LatLng::new(at.lat, at.lng), zoom);
            }
            None => shown.render(),
        }
    }

    /// Marks the reference location (a kiosk's place, a shared link, the
    /// device's or a picked place); `go` also brings the map there.
    pub(super) fn mark_here(&self, at: Option<crate::coords::LatLng>, go: bool) {
        if let Some(old) = self.here.borrow_mut().take() {
            old.remove();
        }
        let Some(at) = at else { return };
        let dot = element("span", "here__dot");
        let options = MarkerOptions::new();
        options.set_icon(element_icon(&dot, "here", 18.0).into());
        options.set_title(i18n::you_are_here(self.shared.borrow().lang).to_owned());
        options.set_z_index_offset(1000.0);
        options.set_interactive(false);
        let marker = Marker::new_with_options(&LatLng::new(at.lat, at.lng), &options);
        let map = self.shared.borrow().map.clone();
        marker.add_to(&map);
        if go {
            map.set_view(
                &LatLng::new(at.lat, at.lng),
                map.get_zoom().max(f64::from(STREET_ZOOM)),
            );
        }
        *self.here.borrow_mut() = Some(marker);
    }

    /// A new inventory or filters will be shown in a later task: until their
    /// markers are all there, the map does not say it is drawn (`data-drawn`,
    /// which tests and embedders wait for), whatever render of the current
    /// ones completes meanwhile.
    pub(super) fn expect_show(&self) {
        let mut shown = self.shared.borrow_mut();
        shown.show_pending = true;
        let _ = shown.container.set_attribute("data-drawn", "false");
    }

    /// Shows a new inventory: rebuilds the cluster index in slices, then
    /// updates the markers in view.
    pub(super) fn show(&self, inventory: Arc<Inventory>, filters: &Filters) {
        let mut shown = self.shared.borrow_mut();
        shown.show_pending = false;
        let product = inventory.product_to_show(filters.product);
        let now = crate::timers::taipei_now();
        let (pharmacy_of, points): (Vec<usize>, Vec<ClusterPoint>) = inventory
            .pharmacies
            .iter()
            .enumerate()
            .filter(|(_, p)| filters.admits(p, product, now))
            .filter_map(|(i, p)| {
                let has_stock = p.has_stock(product);
                p.location.map(|at| (i, ClusterPoint { at, has_stock }))
            })
            .unzip();
        shown.building = Some(Building {
            build: ClusterBuild::new(&points, ClusterOptions::default()),
            pharmacy_of,
            inventory: inventory.clone(),
            product,
        });
        shown.build_soon();
        drop(shown);
        self.follow_area(filters, &inventory);
    }

    /// A county (or town) just chosen brings the map to it; on the first
    /// load, only if the link did not set the view itself.
    fn follow_area(&self, filters: &Filters, inventory: &Inventory) {
        let area = (filters.county.clone(), filters.town.clone());
        let previous = self.area.replace(Some(area.clone()));
        let first = previous.is_none();
        if previous == Some(area) || filters.county.is_none() || (first && self.link_view) {
            return;
        }
        let map = self.shared.borrow().map.clone();
        if let Some((sw, ne)) = inventory.area_bounds(filters) {
            self.keep_fit.set(false);
            map.fit_bounds(&LatLngBounds::new(
                &LatLng::new(sw.lat, sw.lng),
                &LatLng::new(ne.lat, ne.lng),
            ));
        }
    }
}

/// Sets the view the link asks for; returns whether that is the default
/// "all of Taiwan" fit.
fn set_initial_view(map: &Map, config: &Config) -> bool {
    let zoom = config.zoom.map(f64::from);
    match (config.center.or(config.at), zoom) {
        (Some(c), zoom) => {
            map.set_view(
                &LatLng::new(c.lat, c.lng),
                zoom.unwrap_or(f64::from(STREET_ZOOM)),
            );
            false
        }
        (None, Some(zoom)) => {
            fit_taiwan(map);
            map.set_zoom(zoom);
            false
        }
        (None, None) => {
            fit_taiwan(map);
            true
        }
    }
}

fn fit_taiwan(map: &Map) {
    let (sw, ne) = TAIWAN_VIEW;
    map.fit_bounds(&LatLngBounds::new(
        &LatLng::new(sw.lat, sw.lng),
        &LatLng::new(ne.lat, ne.lng),
    ));
}

fn element(tag: &str, class: &str) -> web_sys::Element {
    let element = document()
        .create_element(tag)
        .expect("an element can be created");
    element.set_class_name(class);
    element
}

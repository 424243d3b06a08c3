//! The only module that talks to Leaflet: the map, its base tiles, and the
//! pharmacies as clusters from our own index (`spatial::cluster`). Only what
//! is in view (plus a margin) is on the map, and markers are kept and updated
//! in place as the view or the feed changes, so nothing flickers.

mod bindings;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use leaflet::{
    FeatureGroup, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions, TileLayer,
    TileLayerOptions,
};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

use crate::config::{Config, Tiles, MAX_ZOOM};
use crate::feed::{Filters, Inventory, Pharmacy, Product, StockThresholds};
use crate::i18n;
use crate::spatial::cluster::{
    ClusterBuild, ClusterId, ClusterIndex, ClusterOptions, ClusterPoint, Item, ItemKind,
};
use crate::spatial::TAIWAN_VIEW;
use crate::timers::Timer;

pub use bindings::element_icon;
use bindings::{bare_icon, event_marker_element, marker_element, Listener};

/// Zoom for a single point of interest (`at=` without `zoom=`): a few streets.
const STREET_ZOOM: u8 = 15;
/// Pixel size of a pharmacy pin's box: its 44 px target, the disc inside
/// (style/main.css).
const PIN_SIZE: f64 = 44.0;
/// What a cluster's box adds around its disc on each side, for a target
/// of at least 44 px (style/main.css).
const CLUSTER_MARGIN: f64 = 7.0;
/// How far beyond the visible map markers are kept, as a share of its size,
/// so a short pan shows markers that are already there.
const VIEW_MARGIN: f64 = 0.1;
/// How marker work (index levels, markers added or taken off) is split
/// into tasks, [`Shown::pace`].
#[derive(Clone, Copy)]
struct Pace {
    /// The longest stretch of work in one task.
    slice_ms: f64,
    /// The most markers one slice draws.
    most: usize,
    /// How long the next slice waits.
    gap_ms: u32,
}
/// Once the map has been drawn: 8 ms slices, so a pan over 100,000
/// pharmacies or a refreshed feed never holds a frame for long (the map
/// fills in over a few frames instead). At most 6 markers a slice, the next
/// slice a frame later (16 ms): the frame that shows new markers lays out
/// and paints each one, about 2 ms a marker at 4x CPU on top of its own
/// 20-30 ms, and back to back several slices ran before a frame, which then
/// showed 15 new markers in a 45-55 ms task.
const PACE: Pace = Pace {
    slice_ms: 8.0,
    most: 6,
    gap_ms: 16,
};
/// Until the map has drawn its first complete view (the first load):
/// nothing on it can stutter yet, so a slice may take as long as a task may
/// without being noticed, and the first map is not spread over many frames.
const FIRST_PACE: Pace = Pace {
    slice_ms: 40.0,
    most: usize::MAX,
    gap_ms: 0,
};
/// Markers a slice always draws, however long the rest of it took: a busy
/// device must still make progress. Few: a new marker costs 1.3-3 ms at 4x
/// CPU (Leaflet's marker, its element, our hooks), so 16 made a slice of
/// 20-50 ms whatever its budget.
const RENDER_MIN_PER_SLICE: usize = 2;

/// Pharmacies of a replaced inventory freed per task (about 4 ms at 4x CPU).
const OLD_PHARMACIES_PER_TASK: usize = 500;

/// The Leaflet map with the pharmacies of `inventory` on it.
#[component]
pub fn PharmacyMap(
    config: Arc<Config>,
    inventory: Signal<Option<Arc<Inventory>>>,
    filters: Signal<Filters>,
    /// The reference location, marked on the map.
    here: Signal<Option<crate::spatial::LatLng>>,
    /// The selected pharmacy's code: shown as a highlighted pin, in view.
    selected: Signal<Option<String>>,
    /// Called with a pharmacy's code when it is selected on the map.
    on_select: Callback<String>,
    /// Called with the place of a click on the map itself.
    on_pick: Callback<crate::spatial::LatLng>,
    /// Bumped when a kiosk resets: the view goes back to the link's.
    visit: Signal<u32>,
    /// Called with the centre and zoom after every move (for embed links).
    on_view: Callback<(crate::spatial::LatLng, u8)>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let lang = config.lang;
    let map: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    on_cleanup(move || map.update_value(|map| drop(map.take())));
    let reset_config = config.clone();
    // The next inventory or filters to draw, in a task of its own: the task
    // that brought them has already run every panel's update.
    let drawing: StoredValue<Option<Timer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        // Runs once the container is in the page, then on every new inventory.
        let Some(element) = container.get() else {
            return;
        };
        let inventory = inventory.get();
        let filters = filters.get();
        map.update_value(|map| {
            map.get_or_insert_with(|| {
                let map = LeafletMap::new(&element, &config, on_select, on_pick, on_view);
                crate::timers::mark("map-ready");
                map
            });
        });
        let Some(inventory) = inventory else { return };
        map.with_value(|map| {
            if let Some(map) = map {
                map.expect_show();
            }
        });
        drawing.set_value(Some(Timer::once(0, move || {
            map.with_value(|map| {
                if let Some(map) = map {
                    map.show(inventory.clone(), &filters);
                }
            })
        })));
    });
    Effect::new(move |previous: Option<Option<crate::spatial::LatLng>>| {
        // Marks the place; a place chosen after the start also brings the map there.
        let at = here.get();
        let _ = container.get();
        map.with_value(|map| {
            if let Some(map) = map {
                map.mark_here(at, previous.is_some() && previous != Some(at));
            }
        });
        at
    });
    Effect::new(move |_| {
        let code = selected.get();
        let _ = container.get();
        map.with_value(|map| {
            if let Some(map) = map {
                map.select(code);
            }
        });
    });
    crate::ui::on_next_visit(visit, move || {
        map.with_value(|map| {
            if let Some(map) = map {
                map.reset_view(&reset_config);
            }
        })
    });
    view! { <div class="map" node_ref=container data-testid="map" role="region" aria-label=i18n::map_label(lang)></div> }
}

struct LeafletMap {
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

/// What the map shows, shared with its event handlers.
struct Shown {
    map: Map,
    /// The map's element, which carries `data-zoom` for tests and embedders.
    container: HtmlElement,
    pins: FeatureGroup,
    lang: crate::config::Lang,
    levels: Option<StockThresholds>,
    on_select: Callback<String>,
    inventory: Option<Arc<Inventory>>,
    product: Option<Product>,
    index: Option<ClusterIndex>,
    /// Point index in the cluster index → pharmacy index in the inventory.
    pharmacy_of: Vec<usize>,
    markers: HashMap<MarkerKey, (Marker, Look)>,
    /// Markers that have left the view, taken off the map a slice at a time.
    leaving: Vec<Marker>,
    /// The selected pharmacy's code.
    selected: Option<String>,
    /// Itself, for a render in a later task ([`Shown::render_soon`]).
    this: Weak<RefCell<Shown>>,
    /// A render waiting for a later task (the rest of one that did not fit
    /// in a slice, or the first after a new index).
    rest: Option<Timer>,
    /// A new inventory or filters on their way to [`LeafletMap::show`].
    show_pending: bool,
    /// A new inventory's index while it is being built; the markers of the
    /// one before stay on the map until it is done.
    building: Option<Building>,
    /// The next slice of that build.
    build_rest: Option<Timer>,
    /// A view has been drawn completely (after that, slices stay short: a
    /// user may be panning, or reading the map while a refresh applies).
    drawn_once: bool,
}

/// A new inventory waiting for its index, built a zoom level at a time in
/// slices ([`Shown::pace`]; in one go it holds the main thread for
/// 30-50 ms on a mid-range phone, a dropped frame at every refresh).
struct Building {
    build: ClusterBuild,
    pharmacy_of: Vec<usize>,
    inventory: Arc<Inventory>,
    product: Option<Product>,
}

/// Which marker: a cluster of the current index, or a pharmacy by code.
#[derive(Clone, PartialEq, Eq, Hash)]
enum MarkerKey {
    Cluster(ClusterId),
    Pharmacy(String),
}

/// What a marker looks like and where; a changed look is redrawn in place.
#[derive(Clone, PartialEq)]
struct Look {
    lat: u64,
    lng: u64,
    count: u32,
    with_stock: u32,
    stock: Option<u32>,
    selected: bool,
}

impl Drop for LeafletMap {
    fn drop(&mut self) {
        self.resize.disconnect();
        bindings::destroy_map(&self.shared.borrow().map);
    }
}

impl LeafletMap {
    fn new(
        element: &HtmlElement,
        config: &Config,
        on_select: Callback<String>,
        on_pick: Callback<crate::spatial::LatLng>,
        on_view: Callback<(crate::spatial::LatLng, u8)>,
    ) -> LeafletMap {
        let options = MapOptions::new();
        options.set_max_zoom(f64::from(MAX_ZOOM));
        let map =
            Map::new_with_element(element, &options).expect("Leaflet is loaded before the app");
        // Leaflet's `.leaflet-dragging .leaflet-grab` rule (body class at a
        // drag's start and end) would restyle the whole map, every marker
        // included: 15-25 ms at 4x CPU. Our stylesheet gives the grab cursor.
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
        if config.mode == crate::config::Mode::Kiosk {
            bindings::plain_attribution_prefix(&map);
        }
        let pins = FeatureGroup::new();
        pins.add_to(&map);
        let shared = Rc::new(RefCell::new(Shown {
            map: map.clone(),
            container: element.clone(),
            pins: pins.clone(),
            lang: config.lang,
            levels: config.levels,
            on_select,
            inventory: None,
            product: None,
            index: None,
            pharmacy_of: Vec::new(),
            markers: HashMap::new(),
            leaving: Vec::new(),
            selected: None,
            this: Weak::new(),
            rest: None,
            show_pending: false,
            building: None,
            build_rest: None,
            drawn_once: false,
        }));
        let weak = Rc::downgrade(&shared);
        shared.borrow_mut().this = weak.clone();
        let on_move = Listener::new(&map, "moveend", {
            let weak = weak.clone();
            let map = map.clone();
            move |_| {
                // Not in this task: the mouseup or touchend that ended a drag
                // also dispatches its click, which makes the browser lay out
                // whatever markers a render just added.
                with_shown(&weak, Shown::render_soon);
                let centre = map.get_center();
                if let Some(at) = crate::spatial::LatLng::new(centre.lat(), centre.lng()) {
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
                .and_then(|(lat, lng)| crate::spatial::LatLng::new(lat, lng))
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
    fn reset_view(&self, config: &Config) {
        let map = self.shared.borrow().map.clone();
        self.keep_fit.set(set_initial_view(&map, config));
        // The link's area counts as shown: only a new choice moves the map.
        *self.area.borrow_mut() = Some((config.county.clone(), config.town.clone()));
    }

    /// Highlights a pharmacy and brings it into view as a single pin.
    fn select(&self, code: Option<String>) {
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
    fn mark_here(&self, at: Option<crate::spatial::LatLng>, go: bool) {
        if let Some(old) = self.here.borrow_mut().take() {
            old.remove();
        }
        let Some(at) = at else { return };
        let dot = self::element("span", "here__dot");
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
    fn expect_show(&self) {
        let mut shown = self.shared.borrow_mut();
        shown.show_pending = true;
        let _ = shown.container.set_attribute("data-drawn", "false");
    }

    /// Shows a new inventory: rebuilds the cluster index in slices, then
    /// updates the markers in view.
    fn show(&self, inventory: Arc<Inventory>, filters: &Filters) {
        let mut shown = self.shared.borrow_mut();
        shown.show_pending = false;
        let product = inventory.product_to_show(filters.product);
        let now = crate::ui::taipei_now();
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

fn with_shown(weak: &Weak<RefCell<Shown>>, f: impl FnOnce(&mut Shown)) {
    if let Some(shared) = weak.upgrade() {
        if let Ok(mut shown) = shared.try_borrow_mut() {
            f(&mut shown);
        }
    }
}

impl Shown {
    /// Whether newer markers than the current index's are on their way.
    fn waiting(&self) -> bool {
        self.show_pending || self.building.is_some()
    }

    /// `work` on this map in a task `ms` from now (until the timer is dropped).
    fn in_a_task(&self, ms: u32, work: fn(&mut Shown)) -> Timer {
        let this = self.this.clone();
        Timer::once(ms, move || with_shown(&this, work))
    }

    /// How marker work is split now ([`PACE`], [`FIRST_PACE`]).
    fn pace(&self) -> Pace {
        if self.drawn_once {
            PACE
        } else {
            FIRST_PACE
        }
    }

    /// Builds the next levels of the new index in the next task.
    fn build_soon(&mut self) {
        self.build_rest = Some(self.in_a_task(0, Shown::build));
    }

    /// Builds levels of the new index for up to a slice ([`Shown::pace`]); once it
    /// is complete, puts it in place and draws its markers in the next task.
    fn build(&mut self) {
        self.build_rest = None;
        let Some(mut done) = self.building.take() else {
            return;
        };
        let started = js_sys::Date::now();
        let slice = self.pace().slice_ms;
        while !done.build.step() {
            if js_sys::Date::now() - started >= slice {
                self.building = Some(done);
                self.build_soon();
                return;
            }
        }
        self.index = Some(done.build.into_index());
        self.pharmacy_of = done.pharmacy_of;
        if let Some(Ok(old)) = self.inventory.replace(done.inventory).map(Arc::try_unwrap) {
            crate::timers::drop_in_pieces(old.pharmacies, OLD_PHARMACIES_PER_TASK);
        }
        self.product = done.product;
        crate::timers::mark("shown");
        self.render_soon();
    }

    /// Renders in the next task (replacing any render already waiting).
    fn render_soon(&mut self) {
        self.render_in(0);
    }

    /// Renders in a task `ms` from now (replacing any render already waiting);
    /// until then the map does not say it is drawn.
    fn render_in(&mut self, ms: u32) {
        let _ = self.container.set_attribute("data-drawn", "false");
        self.rest = Some(self.in_a_task(ms, Shown::render));
    }

    /// Puts on the map exactly the items in view, reusing markers it has;
    /// what does not fit in a slice is done in a later task ([`Shown::pace`]).
    fn render(&mut self) {
        self.rest = None;
        let (Some(index), Some(inventory)) = (&self.index, &self.inventory) else {
            // Nothing to draw (no feed has loaded yet): nothing pending either.
            if !self.waiting() {
                let _ = self.container.set_attribute("data-drawn", "true");
            }
            return;
        };
        let started = js_sys::Date::now();
        let pace = self.pace();
        let mut drawn = 0;
        let mut unfinished = false;
        let bounds = self.map.get_bounds();
        let (sw, ne) = (bounds.get_south_west(), bounds.get_north_east());
        let (dlat, dlng) = (
            (ne.lat() - sw.lat()) * VIEW_MARGIN,
            (ne.lng() - sw.lng()) * VIEW_MARGIN,
        );
        let south_west = crate::spatial::LatLng {
            lat: (sw.lat() - dlat).max(-85.0),
            lng: (sw.lng() - dlng).max(-180.0),
        };
        let north_east = crate::spatial::LatLng {
            lat: (ne.lat() + dlat).min(85.0),
            lng: (ne.lng() + dlng).min(180.0),
        };
        let zoom = self.map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8;
        let _ = self.container.set_attribute("data-zoom", &zoom.to_string());

        let mut keep: HashMap<MarkerKey, (Marker, Look)> =
            HashMap::with_capacity(self.markers.len());
        for item in index.items_in(south_west, north_east, zoom) {
            let pharmacy = match item.kind {
                ItemKind::Point(p) => Some(&inventory.pharmacies[self.pharmacy_of[p as usize]]),
                ItemKind::Cluster(_) => None,
            };
            let key = match (item.kind, pharmacy) {
                (ItemKind::Cluster(id), _) => MarkerKey::Cluster(id),
                (_, Some(p)) => MarkerKey::Pharmacy(p.code.clone()),
                (ItemKind::Point(_), None) => continue,
            };
            let stock = pharmacy.and_then(|p| self.product.and_then(|pr| p.stock.get(pr)));
            let look = Look {
                lat: item.at.lat.to_bits(),
                lng: item.at.lng.to_bits(),
                count: item.count,
                with_stock: item.with_stock,
                stock,
                selected: pharmacy.is_some_and(|p| self.selected.as_ref() == Some(&p.code)),
            };
            let in_time = drawn < RENDER_MIN_PER_SLICE
                || (drawn < pace.most && js_sys::Date::now() - started < pace.slice_ms);
            let (marker, old) = match self.markers.remove(&key) {
                Some((marker, old)) if !in_time && old != look => {
                    unfinished = true;
                    keep.insert(key, (marker, old));
                    continue;
                }
                Some((marker, old)) => (marker, Some(old)),
                None if !in_time => {
                    unfinished = true;
                    continue;
                }
                None => {
                    let options = MarkerOptions::new();
                    options.set_keyboard(true);
                    // Leaflet sets `title` as a property: text, never markup.
                    // (A cluster's name is its aria-label, which follows its count.)
                    if let Some(p) = pharmacy {
                        options.set_title(p.name.clone());
                    }
                    // Its own icon from the start: without one Leaflet builds
                    // (and downloads) its default pin first.
                    let dress = self.dress(&item, pharmacy);
                    options.set_icon(dress.icon());
                    let marker =
                        Marker::new_with_options(&LatLng::new(item.at.lat, item.at.lng), &options);
                    marker.add_to_layer_group(self.pins.unchecked_ref());
                    dress.put_on(&marker);
                    drawn += 1;
                    (marker, None)
                }
            };
            if old.is_some() && old.as_ref() != Some(&look) {
                marker.set_lat_lng(&LatLng::new(item.at.lat, item.at.lng));
                let dress = self.dress(&item, pharmacy);
                marker.set_icon(&dress.icon());
                dress.put_on(&marker);
                drawn += 1;
            }
            keep.insert(key, (marker, look));
        }
        if unfinished {
            // Markers no longer in view stay until the view is complete:
            // never a blank patch while it fills in.
            keep.extend(self.markers.drain());
            self.markers = keep;
            self.render_in(pace.gap_ms);
            return;
        }
        // What left the view goes a slice at a time too: Leaflet removing
        // hundreds of markers at once (its events, the DOM) was one long task.
        let gone = std::mem::replace(&mut self.markers, keep);
        self.leaving
            .extend(gone.into_values().map(|(marker, _)| marker));
        self.drawn_once = true;
        self.remove_leaving_since(started);
    }

    /// Takes markers that left the view off the map, [`Shown::remove_leaving_since`].
    fn remove_leaving(&mut self) {
        self.remove_leaving_since(js_sys::Date::now());
    }

    /// Takes markers that left the view off the map until the slice begun at
    /// `started` is used up, the rest in a later task; the map is drawn once
    /// none is left.
    fn remove_leaving_since(&mut self, started: f64) {
        self.rest = None;
        let pace = self.pace();
        while let Some(marker) = self.leaving.pop() {
            marker.remove();
            if js_sys::Date::now() - started >= pace.slice_ms {
                break;
            }
        }
        if !self.leaving.is_empty() {
            self.rest = Some(self.in_a_task(pace.gap_ms, Shown::remove_leaving));
        } else if !self.waiting() {
            let _ = self.container.set_attribute("data-drawn", "true");
        }
    }

    /// What a marker shows, worked out once: one element (hundreds can be
    /// in view, and the browser restyles each at a drag's start and end). A
    /// cluster: its stock share as a class, its count, its name
    /// (`aria-label`), `data-count` and the id its click needs. A pin: its
    /// stock level as a class and a glyph (colour is never the only cue),
    /// `data-id`, `data-stock` and its name and level (`aria-label`; the name
    /// is its title too). All as text.
    fn dress(&self, item: &Item, pharmacy: Option<&Pharmacy>) -> Dress {
        match (item.kind, pharmacy) {
            (ItemKind::Cluster(id), _) => Dress {
                class: format!("cluster cluster--{}", cluster_stock(item)),
                size: cluster_size(item.count) + 2.0 * CLUSTER_MARGIN,
                text: item.count.to_string(),
                hooks: vec![
                    ("data-count", item.count.to_string()),
                    ("data-with-stock", item.with_stock.to_string()),
                    ("data-zoom", id.zoom.to_string()),
                    ("data-index", id.index.to_string()),
                    (
                        "aria-label",
                        i18n::cluster_label(self.lang, item.count, item.with_stock),
                    ),
                ],
            },
            (_, Some(pharmacy)) => {
                let level = pharmacy.stock_level(self.product, self.levels);
                let selected = self.selected.as_ref() == Some(&pharmacy.code);
                Dress {
                    class: format!(
                        "pin pin--{}{}",
                        level.as_str(),
                        if selected { " pin-selected" } else { "" }
                    ),
                    size: PIN_SIZE,
                    text: level.glyph().to_owned(),
                    hooks: vec![
                        ("data-id", pharmacy.code.clone()),
                        ("data-stock", level.as_str().to_owned()),
                        (
                            "aria-label",
                            format!("{}, {}", pharmacy.name, i18n::stock_level(self.lang, level)),
                        ),
                    ],
                }
            }
            (_, None) => unreachable!("a point marker always has its pharmacy"),
        }
    }

    /// A pharmacy is selected; a cluster gives the view where it splits.
    fn clicked(&mut self, element: &HtmlElement) -> Option<(LatLng, f64)> {
        if let Some(code) = element.get_attribute("data-id") {
            self.on_select.run(code);
            return None;
        }
        let zoom = element.get_attribute("data-zoom")?.parse::<u8>().ok()?;
        let index = element.get_attribute("data-index")?.parse::<u32>().ok()?;
        let id = ClusterId { zoom, index };
        let (marker, _) = self.markers.get(&MarkerKey::Cluster(id))?;
        let target = self.index.as_ref()?.expansion_zoom(id).min(MAX_ZOOM);
        Some((marker.get_lat_lng(), f64::from(target)))
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

/// A marker's look ([`Shown::dress`]): its class and box make its icon; its
/// text and hooks go on the element Leaflet makes from that icon.
struct Dress {
    class: String,
    size: f64,
    text: String,
    hooks: Vec<(&'static str, String)>,
}

impl Dress {
    fn icon(&self) -> leaflet::Icon {
        bare_icon(&self.class, self.size).into()
    }

    /// The text and hooks, on the marker's element once Leaflet has made it
    /// (again after each new icon, which empties it).
    fn put_on(&self, marker: &Marker) {
        let Some(element) = marker_element(marker) else {
            return;
        };
        for (name, value) in &self.hooks {
            let _ = element.set_attribute(name, value);
        }
        // Its cursor and taps come from our stylesheet, so the drag's body
        // class (`.leaflet-dragging .leaflet-interactive`) restyles none.
        let _ = element.class_list().remove_1("leaflet-interactive");
        element.set_text_content(Some(&self.text));
    }
}

/// A cluster's share with stock, as its class names it.
fn cluster_stock(item: &Item) -> &'static str {
    match f64::from(item.with_stock) / f64::from(item.count.max(1)) {
        s if s >= 0.5 => "many",
        s if s > 0.0 => "few",
        _ => "none",
    }
}

/// A cluster disc's pixel size, by its count.
fn cluster_size(count: u32) -> f64 {
    match count {
        0..=9 => 30.0,
        10..=99 => 36.0,
        100..=999 => 42.0,
        _ => 48.0,
    }
}

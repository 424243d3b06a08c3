//! The markers in view, kept in step with the map: the cluster index of
//! the shown inventory (built a zoom level at a time), and the diff that
//! adds, updates in place and takes off markers as the view or the feed
//! changes, paced in short tasks so a pan or a refresh never holds a frame.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use leaflet::{FeatureGroup, LatLng, Map, Marker, MarkerOptions};
use leptos::prelude::Callable;
use leptos::prelude::Callback;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::appearance::{self, Appearance};
use super::bindings::{bare_icon, marker_element};
use crate::config::{Lang, MAX_ZOOM};
use crate::feed::{Inventory, Pharmacy, Product, StockThresholds};
use crate::spatial::cluster::{ClusterBuild, ClusterId, ClusterIndex, Item, ItemKind};
use crate::timers::Timer;

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
/// Once the map has been drawn: short slices, so a pan or a refreshed feed
/// never holds a frame for long (the map fills in over a few frames
/// instead). Few markers a slice and the next slice a frame later: the
/// frame that shows new markers lays out and paints each of them too.
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
/// device must still make progress. Few, since each new marker (Leaflet's
/// marker, its element, our hooks) costs milliseconds on a slow phone.
const RENDER_MIN_PER_SLICE: usize = 2;

/// Pharmacies of a replaced inventory freed per task (a few milliseconds).
const OLD_PHARMACIES_PER_TASK: usize = 500;

/// What the map shows, shared with its event handlers.
pub(super) struct Shown {
    pub(super) map: Map,
    /// The map's element, which carries `data-zoom` for tests and embedders.
    pub(super) container: HtmlElement,
    pins: FeatureGroup,
    pub(super) lang: Lang,
    levels: Option<StockThresholds>,
    on_select: Callback<String>,
    pub(super) inventory: Option<Arc<Inventory>>,
    product: Option<Product>,
    index: Option<ClusterIndex>,
    /// Point index in the cluster index → pharmacy index in the inventory.
    pharmacy_of: Vec<usize>,
    markers: HashMap<MarkerKey, (Marker, Look)>,
    /// Markers that have left the view, taken off the map a slice at a time.
    leaving: Vec<Marker>,
    /// The selected pharmacy's code.
    pub(super) selected: Option<String>,
    /// Itself, for a render in a later task ([`Shown::render_soon`]).
    this: Weak<RefCell<Shown>>,
    /// A render waiting for a later task (the rest of one that did not fit
    /// in a slice, or the first after a new index).
    rest: Option<Timer>,
    /// A new inventory or filters on their way to [`LeafletMap::show`].
    pub(super) show_pending: bool,
    /// A new inventory's index while it is being built; the markers of the
    /// one before stay on the map until it is done.
    pub(super) building: Option<Building>,
    /// The next slice of that build.
    build_rest: Option<Timer>,
    /// A view has been drawn completely (after that, slices stay short: a
    /// user may be panning, or reading the map while a refresh applies).
    drawn_once: bool,
}

/// A new inventory waiting for its index, built a zoom level at a time in
/// slices ([`Shown::pace`]; in one go it would drop a frame at every
/// refresh on a mid-range phone).
pub(super) struct Building {
    pub(super) build: ClusterBuild,
    pub(super) pharmacy_of: Vec<usize>,
    pub(super) inventory: Arc<Inventory>,
    pub(super) product: Option<Product>,
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
    /// Its row lags the feed: the pin's ring and name say so.
    lagging: bool,
}

pub(super) fn with_shown(weak: &Weak<RefCell<Shown>>, f: impl FnOnce(&mut Shown)) {
    if let Some(shared) = weak.upgrade() {
        if let Ok(mut shown) = shared.try_borrow_mut() {
            f(&mut shown);
        }
    }
}

impl Shown {
    /// Nothing shown yet on `map`, whose element is `container`; markers go
    /// in `pins`, and a pin's click reports its code to `on_select`.
    pub(super) fn new(
        map: Map,
        container: HtmlElement,
        pins: FeatureGroup,
        lang: Lang,
        levels: Option<StockThresholds>,
        on_select: Callback<String>,
    ) -> Rc<RefCell<Shown>> {
        let shared = Rc::new(RefCell::new(Shown {
            map,
            container,
            pins,
            lang,
            levels,
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
        shared.borrow_mut().this = Rc::downgrade(&shared);
        shared
    }

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
    pub(super) fn build_soon(&mut self) {
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
    pub(super) fn render_soon(&mut self) {
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
    pub(super) fn render(&mut self) {
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
        let south_west = crate::coords::LatLng {
            lat: (sw.lat() - dlat).max(-85.0),
            lng: (sw.lng() - dlng).max(-180.0),
        };
        let north_east = crate::coords::LatLng {
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
                lagging: pharmacy.is_some_and(|p| p.lagging(inventory.as_of)),
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
                    let appearance = self.appearance(&item, pharmacy);
                    options.set_icon(icon(&appearance));
                    let marker =
                        Marker::new_with_options(&LatLng::new(item.at.lat, item.at.lng), &options);
                    marker.add_to_layer_group(self.pins.unchecked_ref());
                    put_on(&appearance, &marker);
                    drawn += 1;
                    (marker, None)
                }
            };
            if old.is_some() && old.as_ref() != Some(&look) {
                marker.set_lat_lng(&LatLng::new(item.at.lat, item.at.lng));
                let appearance = self.appearance(&item, pharmacy);
                marker.set_icon(&icon(&appearance));
                put_on(&appearance, &marker);
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

    /// What the marker of `item` shows ([`appearance`]).
    fn appearance(&self, item: &Item, pharmacy: Option<&Pharmacy>) -> Appearance {
        match (item.kind, pharmacy) {
            (ItemKind::Cluster(id), _) => {
                appearance::cluster(id, item.count, item.with_stock, self.lang)
            }
            (_, Some(pharmacy)) => appearance::pin(
                pharmacy,
                self.product,
                self.levels,
                self.selected.as_ref() == Some(&pharmacy.code),
                self.inventory.as_ref().and_then(|i| i.as_of),
                self.lang,
            ),
            (_, None) => unreachable!("a point marker always has its pharmacy"),
        }
    }

    /// A pharmacy is selected; a cluster gives the view where it splits.
    pub(super) fn clicked(&mut self, element: &HtmlElement) -> Option<(LatLng, f64)> {
        if let Some(code) = element.get_attribute("data-id") {
            self.on_select.run(code);
            return None;
        }
        let zoom = u8::from_str_radix(&element.get_attribute("data-zoom")?, 10).ok()?;
        let index = u32::from_str_radix(&element.get_attribute("data-index")?, 10).ok()?;
        let id = ClusterId { zoom, index };
        let (marker, _) = self.markers.get(&MarkerKey::Cluster(id))?;
        let target = self.index.as_ref()?.expansion_zoom(id).min(MAX_ZOOM);
        Some((marker.get_lat_lng(), f64::from(target)))
    }
}

/// A marker's icon: an element with the appearance's class, in its box.
fn icon(look: &Appearance) -> leaflet::Icon {
    bare_icon(&look.class, look.size).into()
}

/// The appearance's text and hooks, on the marker's element once Leaflet
/// has made it (again after each new icon, which empties it).
fn put_on(look: &Appearance, marker: &Marker) {
    let Some(element) = marker_element(marker) else {
        return;
    };
    for (name, value) in &look.hooks {
        let _ = element.set_attribute(name, value);
    }
    // Its cursor and taps come from our stylesheet, so the drag's body
    // class (`.leaflet-dragging .leaflet-interactive`) restyles none.
    let _ = element.class_list().remove_1("leaflet-interactive");
    element.set_text_content(Some(&look.text));
}

//! The only module that talks to Leaflet: the map, its base tiles, and the
//! pharmacies as clusters from our own index (`spatial::cluster`). Only what
//! is in view (plus a margin) is on the map, and markers are kept and updated
//! in place as the view or the feed changes, so nothing flickers.
//!
//! - [`appearance`]: what a marker shows (pure, tested natively);
//! - `markers`: the markers in view, their diff and its pacing;
//! - `leaflet`: the map, its view and its events;
//! - `bindings`: the Leaflet calls the `leaflet` crate lacks;
//! - this file: the component, which feeds them the app's state.

pub mod appearance;
#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod leaflet;
#[cfg(target_arch = "wasm32")]
mod markers;

#[cfg(target_arch = "wasm32")]
pub use bindings::element_icon;
#[cfg(target_arch = "wasm32")]
pub use component::PharmacyMap;

#[cfg(target_arch = "wasm32")]
mod component {
    use std::sync::Arc;

    use leptos::html;
    use leptos::prelude::*;

    use super::leaflet::LeafletMap;
    use crate::config::Config;
    use crate::coords::LatLng;
    use crate::i18n;
    use crate::state::AppState;
    use crate::timers::Timer;

    /// The Leaflet map with the pharmacies of the app's feed on it, as its
    /// filters admit them; the reference location and the selected pharmacy
    /// marked. Reads [`AppState`] from context.
    #[component]
    pub fn PharmacyMap(config: Arc<Config>) -> impl IntoView {
        let state = AppState::get();
        let container = NodeRef::<html::Div>::new();
        let map: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
        on_cleanup(move || map.update_value(|map| drop(map.take())));
        let with_map = move |f: &dyn Fn(&LeafletMap)| {
            map.with_value(|map| {
                if let Some(map) = map {
                    f(map);
                }
            })
        };
        let on_select = Callback::new(move |code| state.selected.set(Some(code)));
        let on_pick = Callback::new(move |at| state.pick(at));
        let on_view = Callback::new(move |view| state.map_view.set(Some(view)));
        let lang = config.lang;
        let reset_config = config.clone();
        // The next inventory or filters to draw, in a task of its own: the task
        // that brought them has already run every panel's update.
        let drawing: StoredValue<Option<Timer>, LocalStorage> = StoredValue::new_local(None);
        Effect::new(move |_| {
            // Runs once the container is in the page, then on every new inventory.
            let Some(element) = container.get() else {
                return;
            };
            let inventory = state.feed.with(|f| f.inventory.clone());
            let filters = state.filters.get();
            map.update_value(|map| {
                map.get_or_insert_with(|| {
                    let map = LeafletMap::new(&element, &config, on_select, on_pick, on_view);
                    crate::timers::mark("map-ready");
                    map
                });
            });
            let Some(inventory) = inventory else { return };
            with_map(&|map| map.expect_show());
            drawing.set_value(Some(Timer::once(0, move || {
                with_map(&|map| map.show(inventory.clone(), &filters));
            })));
        });
        Effect::new(move |previous: Option<Option<LatLng>>| {
            // Marks the place; a place chosen after the start also brings the map there.
            let at = state.here.get();
            let _ = container.get();
            with_map(&|map| map.mark_here(at, previous.is_some() && previous != Some(at)));
            at
        });
        Effect::new(move |_| {
            let code = state.selected.get();
            let _ = container.get();
            with_map(&|map| map.select(code.clone()));
        });
        state.on_next_visit(move || with_map(&|map| map.reset_view(&reset_config)));
        view! { <div class="map" node_ref=container data-testid="map" role="region" aria-label=i18n::map_label(lang)></div> }
    }
}

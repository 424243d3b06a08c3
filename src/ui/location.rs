//! Choosing the reference location: "use my location" (the browser asks only
//! on that tap, never in kiosk mode) or "pick on the map". Each failure of
//! geolocation gets its own message and points to picking instead.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::config::Mode;
use crate::coords::LatLng;
use crate::i18n::{self, LocateProblem};
use crate::state::AppState;

/// How long to wait for a position, and how old a cached one may be.
const LOCATE_TIMEOUT_MS: u32 = 10_000;
const LOCATE_MAX_AGE_MS: u32 = 60_000;

#[component]
pub fn LocationControls() -> impl IntoView {
    let AppState {
        here,
        picking,
        feed,
        filters,
        mode,
        lang,
        ..
    } = AppState::get();
    // The chosen county (and town) in the filters gives a place too: its centre.
    let area_centre = move || {
        let filters = filters.get();
        feed.with(|f| f.inventory.as_ref().and_then(|i| i.area_centre(&filters)))
    };
    let problem = RwSignal::new(None::<LocateProblem>);
    let locating = RwSignal::new(false);
    let locate = move |_| {
        problem.set(None);
        let Some(geolocation) = window().navigator().geolocation().ok() else {
            problem.set(Some(LocateProblem::Unavailable));
            return;
        };
        locating.set(true);
        let found = Closure::once_into_js(move |position: JsValue| {
            locating.set(false);
            let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or(JsValue::NULL);
            let read = |key: &str| {
                js_sys::Reflect::get(&coords, &key.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            match read("latitude")
                .zip(read("longitude"))
                .and_then(|(lat, lng)| LatLng::new(lat, lng))
            {
                Some(at) => here.set(Some(at)),
                None => problem.set(Some(LocateProblem::Unavailable)),
            }
        });
        let failed = Closure::once_into_js(move |error: JsValue| {
            locating.set(false);
            let code = js_sys::Reflect::get(&error, &"code".into())
                .ok()
                .and_then(|c| c.as_f64());
            problem.set(Some(match code {
                Some(1.0) => LocateProblem::Denied,
                Some(3.0) => LocateProblem::TimedOut,
                _ => LocateProblem::Unavailable,
            }));
        });
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &LOCATE_TIMEOUT_MS.into());
        let _ = js_sys::Reflect::set(&options, &"maximumAge".into(), &LOCATE_MAX_AGE_MS.into());
        let asked = geolocation.get_current_position_with_error_callback_and_options(
            found.unchecked_ref(),
            Some(failed.unchecked_ref()),
            options.unchecked_ref(),
        );
        if asked.is_err() {
            locating.set(false);
            problem.set(Some(LocateProblem::Unavailable));
        }
    };
    view! {
        <div class="locate" data-testid="locate">
            // A kiosk has its own place (at=) and no one to answer a permission prompt.
            {(mode != Mode::Kiosk)
                .then(|| {
                    view! {
                        <button class="locate__button" on:click=locate prop:disabled=move || locating.get()>
                            {i18n::use_my_location(lang)}
                        </button>
                    }
                })}
            <button
                class="locate__button"
                aria-pressed=move || picking.get().to_string()
                on:click=move |_| picking.update(|p| *p = !*p)
            >
                {i18n::pick_on_map(lang)}
            </button>
            {move || {
                area_centre()
                    .map(|at| {
                        view! {
                            <button class="locate__button" on:click=move |_| here.set(Some(at))>
                                {i18n::use_area_centre(lang)}
                            </button>
                        }
                    })
            }}
            <Show when=move || picking.get()>
                <p class="locate__hint">{i18n::tap_the_map(lang)}</p>
            </Show>
            {move || {
                problem
                    .get()
                    .map(|p| view! { <p class="locate__problem" data-testid="locate-problem" role="alert">{i18n::locate_problem(lang, p)}</p> })
            }}
        </div>
    }
}

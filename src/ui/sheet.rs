//! The panel holder: on a phone a bottom sheet over the map, dragged (or
//! tapped) between a peek and full height; on a wide screen a side panel
//! beside the map (CSS only: the handle is hidden there).

use leptos::ev::PointerEvent;
use leptos::html;
use leptos::prelude::*;

use crate::i18n;
use crate::state::AppState;

/// Movement (px) below which a press on the handle is a tap.
const TAP_SLOP: f64 = 6.0;

#[component]
pub fn Sheet(full: RwSignal<bool>, children: Children) -> impl IntoView {
    let lang = AppState::get().lang;
    let sheet = NodeRef::<html::Section>::new();
    // While dragging: (pointer y at the start, sheet height at the start).
    let drag = StoredValue::new(None::<(f64, f64)>);
    let moved = StoredValue::new(false);
    let height = RwSignal::new(None::<f64>);
    let on_down = move |e: PointerEvent| {
        let Some(element) = sheet.get() else { return };
        let start = f64::from(element.offset_height());
        drag.set_value(Some((f64::from(e.client_y()), start)));
        moved.set_value(false);
        if let Some(target) = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = target.set_pointer_capture(e.pointer_id());
        }
    };
    let on_move = move |e: PointerEvent| {
        let Some((start_y, start_height)) = drag.get_value() else {
            return;
        };
        let delta = start_y - f64::from(e.client_y());
        if delta.abs() > TAP_SLOP {
            moved.set_value(true);
        }
        if moved.get_value() {
            let max = sheet
                .get()
                .and_then(|s| s.parent_element())
                .map_or(start_height, |p| f64::from(p.client_height()));
            // Not f64::clamp: it panics if max < 48 (a tiny window), and its
            // panic message alone brings float formatting into the wasm.
            height.set(Some((start_height + delta).min(max).max(48.0)));
        }
    };
    let on_up = move |_: PointerEvent| {
        let Some((_, _)) = drag.get_value() else {
            return;
        };
        drag.set_value(None);
        if let Some(h) = height.get_untracked() {
            // Snap to the nearer of peek and full.
            let parent = sheet
                .get()
                .and_then(|s| s.parent_element())
                .map_or(h, |p| f64::from(p.client_height()));
            full.set(h > parent * 0.6);
            height.set(None);
        }
    };
    let on_click = move |_| {
        // A drag already decided; a tap toggles (also the keyboard's Enter).
        if !moved.get_value() {
            full.update(|f| *f = !*f);
        }
        moved.set_value(false);
    };
    view! {
        <section
            class="sheet"
            class:sheet--full=move || full.get()
            data-testid="sheet"
            data-state=move || if full.get() { "full" } else { "peek" }
            node_ref=sheet
            style:height=move || height.get().map(|h| format!("{}px", h.round() as i32))
        >
            <button
                class="sheet__handle"
                aria-expanded=move || full.get().to_string()
                aria-label=move || i18n::sheet_handle(lang, full.get())
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:click=on_click
            >
                <span class="sheet__grip"></span>
            </button>
            <div class="sheet__body">{children()}</div>
        </section>
    }
}

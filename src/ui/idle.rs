//! Kiosk idle reset: after a while without a touch, click, key or scroll,
//! `reset` puts the view back as the kiosk's link set it up, so nothing of
//! the last visitor stays on screen.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::timers::Timer;

const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "input"];

/// Watches for activity until the calling component is cleaned up.
pub fn reset_when_idle(seconds: u32, reset: impl Fn() + 'static) {
    let milliseconds = seconds.saturating_mul(1000);
    let reset = Rc::new(reset);
    let timer = Rc::new(RefCell::new(None::<Timer>));
    let arm = {
        let timer = timer.clone();
        move || {
            let reset = reset.clone();
            *timer.borrow_mut() = Some(Timer::once(milliseconds, move || reset()));
        }
    };
    arm();
    let on_activity = Closure::<dyn FnMut()>::new(arm);
    let Some(window) = web_sys::window() else {
        return;
    };
    for event in ACTIVITY {
        // Capture: a control that stops propagation still counts as a touch.
        let _ = window.add_event_listener_with_callback_and_bool(
            event,
            on_activity.as_ref().unchecked_ref(),
            true,
        );
    }
    let kept = StoredValue::new_local(Some((on_activity, timer)));
    on_cleanup(move || {
        kept.update_value(|kept| {
            if let Some((on_activity, timer)) = kept.take() {
                for event in ACTIVITY {
                    let _ = window.remove_event_listener_with_callback_and_bool(
                        event,
                        on_activity.as_ref().unchecked_ref(),
                        true,
                    );
                }
                drop(timer.borrow_mut().take());
            }
        })
    });
}

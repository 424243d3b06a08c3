//! Browser timers that are cancelled when dropped, and the clock.
//!
//! Handles are kept as opaque JS values: web-sys types them `i32`, which
//! truncates the large ids some environments (fake clocks in tests) return,
//! and then `clearTimeout` misses its timer.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(handler: &js_sys::Function, milliseconds: u32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(handler: &js_sys::Function, milliseconds: u32) -> JsValue;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(handle: &JsValue);
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// Calls `scheduler.NAME(...args)` (the Prioritized Task Scheduling API)
/// where the browser has it; `None` where it has not.
fn call_scheduler(name: &str, args: &js_sys::Array) -> Option<JsValue> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    let method = js_sys::Reflect::get(&scheduler, &name.into()).ok()?;
    method
        .dyn_ref::<js_sys::Function>()?
        .apply(&scheduler, args)
        .ok()
}

/// The longest [`in_background`] work waits for a busy page.
const BACKGROUND_AT_MOST_MS: u32 = 1000;

/// One piece of [`in_background`] work, boxed: one copy of its callers.
type Work = Box<dyn FnOnce()>;

/// Runs `work` in a task of its own behind every task of normal priority
/// waiting now or queued meanwhile (`scheduler.postTask` at background
/// priority), or after [`BACKGROUND_AT_MOST_MS`] if the page stays that busy
/// (a news site embedding the map may share its main thread, and background
/// tasks can wait behind it indefinitely); a plain task where the browser
/// has no such scheduler.
pub fn in_background(work: impl FnOnce() + 'static) {
    let work: Work = Box::new(work);
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(work)));
    // Two callers of one `work`, whichever comes first; each is called once
    // (so each frees itself).
    let caller = |work: std::rc::Rc<std::cell::Cell<Option<Work>>>| {
        Closure::once_into_js(move || {
            if let Some(work) = work.take() {
                work();
            }
        })
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
    let posted = call_scheduler(
        "postTask",
        &js_sys::Array::of2(&caller(work.clone()), &options),
    );
    let deadline = if posted.is_some() {
        BACKGROUND_AT_MOST_MS
    } else {
        0
    };
    set_timeout(caller(work).unchecked_ref(), deadline);
}

/// Resolves in a later task: long work split at these points lets the
/// browser draw frames and answer taps in between. `scheduler.yield()` where
/// the browser has it (chained `setTimeout`s are clamped to 4 ms each).
pub async fn next_task() {
    let promise = call_scheduler("yield", &js_sys::Array::new())
        .and_then(|yielded| yielded.dyn_into::<js_sys::Promise>().ok())
        .unwrap_or_else(|| {
            js_sys::Promise::new(&mut |resolve, _| {
                set_timeout(&resolve, 0);
            })
        });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves at the start of the next frame, before its layout: what changes
/// the page then is laid out in that frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.request_animation_frame(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a task after the next frame has been laid out and painted:
/// a change made then goes into the frame after.
pub async fn after_next_frame() {
    next_frame().await;
    next_task().await;
}

/// Frees a large collection `per_task` items at a time, a task each: an old
/// inventory's thousands of pharmacies (and their strings) freed at once
/// would hold the main thread for several frames on a mid-range phone.
pub fn drop_in_pieces<T: 'static>(mut items: Vec<T>, per_task: usize) {
    wasm_bindgen_futures::spawn_local(async move {
        while !items.is_empty() {
            items.truncate(items.len().saturating_sub(per_task.max(1)));
            next_task().await;
        }
    });
}

/// Seconds since the Unix epoch, by the device's clock.
pub fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The Taipei wall-clock time now, whatever the device's zone.
pub fn taipei_now() -> crate::time::TaipeiDateTime {
    crate::time::TaipeiDateTime::from_unix_seconds(now_unix_seconds())
}

/// A User Timing mark (`mask-map:NAME`): the load benchmark reads them to
/// show where the time to the first map goes. Costs a few microseconds.
pub fn mark(name: &str) {
    performance_mark(&format!("mask-map:{name}"));
}

/// A one-shot or repeating timer; dropping it cancels it.
pub struct Timer {
    handle: JsValue,
    repeats: bool,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn once(milliseconds: u32, callback: impl FnMut() + 'static) -> Timer {
        Timer::start(false, milliseconds, callback)
    }

    pub fn every(milliseconds: u32, callback: impl FnMut() + 'static) -> Timer {
        Timer::start(true, milliseconds, callback)
    }

    fn start(repeats: bool, milliseconds: u32, callback: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let function = callback.as_ref().unchecked_ref();
        let handle = if repeats {
            set_interval(function, milliseconds)
        } else {
            set_timeout(function, milliseconds)
        };
        Timer {
            handle,
            repeats,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if self.repeats {
            clear_interval(&self.handle);
        } else {
            clear_timeout(&self.handle);
        }
    }
}

//! Browser timers that are cancelled when dropped.
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
    #[wasm_bindgen(js_name = requestIdleCallback, catch)]
    fn request_idle_callback(
        handler: &js_sys::Function,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// Runs `work` once the page has nothing else to do (the map drawn, say), or
/// after `at_most_ms` whatever it is doing; after `at_most_ms` where the
/// browser has no idle callbacks (Safari).
pub fn when_idle(at_most_ms: u32, work: impl FnOnce() + 'static) {
    let work = Closure::once_into_js(work);
    let function = work.unchecked_ref();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &at_most_ms.into());
    if request_idle_callback(function, &options).is_err() {
        set_timeout(function, at_most_ms);
    }
}

/// Resolves in a later task: long work split at these points lets the
/// browser draw frames and answer taps in between. `scheduler.yield()` where
/// the browser has it (chained `setTimeout`s are clamped to 4 ms each).
pub async fn next_task() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let yielding = scheduler.as_ref().and_then(|scheduler| {
        let function = js_sys::Reflect::get(scheduler, &"yield".into()).ok()?;
        let function = function.dyn_into::<js_sys::Function>().ok()?;
        function
            .call0(scheduler)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let promise = yielding.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            set_timeout(&resolve, 0);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Frees a large collection `per_task` items at a time, a task each: an old
/// inventory's 5,800 pharmacies (some 30,000 strings) freed at once hold the
/// main thread for 15-50 ms on a mid-range phone.
pub fn drop_in_pieces<T: 'static>(mut items: Vec<T>, per_task: usize) {
    wasm_bindgen_futures::spawn_local(async move {
        while !items.is_empty() {
            items.truncate(items.len().saturating_sub(per_task.max(1)));
            next_task().await;
        }
    });
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

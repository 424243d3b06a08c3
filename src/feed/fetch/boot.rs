//! The hand-off from `public/boot.js`, which on a repeat visit asks for the
//! feed before the app's wasm has even loaded.

use wasm_bindgen::JsCast;
use web_sys::AbortController;

use super::window;

/// The feed `public/boot.js` already asked for on a repeat visit, when the
/// service worker serves the app from the device and the feed need not wait
/// for it, with the controller that stops it; taken once.
pub(super) fn take_early(url: &str) -> Option<(js_sys::Promise, AbortController)> {
    let early = js_sys::Reflect::get(&window(), &"__maskMapEarly".into()).ok()?;
    let early = early.dyn_into::<js_sys::Object>().ok()?;
    let request = js_sys::Reflect::get(&early, &url.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &url.into());
    let field = |name: &str| js_sys::Reflect::get(&request, &name.into()).ok();
    let response = field("response")?.dyn_into::<js_sys::Promise>().ok()?;
    let controller = field("controller")?.dyn_into::<AbortController>().ok()?;
    Some((response, controller))
}

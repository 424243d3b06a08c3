//! The page's own fallback: the last good copy the service worker saved
//! (public/sw.js), read straight from Cache Storage. The worker answers
//! with it when the network fails before its answer starts; this covers the
//! rest (an answer that broke off or stalled once started, or no worker in
//! charge of this load), so that a reload during an outage is never empty.

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};

use super::window;
use crate::time::TaipeiDateTime;

/// The worker's cache of answers the page could read: the same name as
/// `DATA` in public/sw.js.
const DATA_CACHE: &str = "mask-map-data-v3";

/// The saved copy of `url`'s answer, if this device has one.
pub(super) async fn saved_answer(url: &str) -> Option<Response> {
    let caches = js_sys::Reflect::get(&window(), &"caches".into())
        .ok()
        .filter(|c| !c.is_undefined())?;
    let find: js_sys::Function = js_sys::Reflect::get(&caches, &"match".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"cacheName".into(), &DATA_CACHE.into());
    let _ = js_sys::Reflect::set(&options, &"ignoreVary".into(), &JsValue::TRUE);
    let found = find.call2(&caches, &url.into(), &options).ok()?;
    let found = wasm_bindgen_futures::JsFuture::from(found.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    found
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(Response::from)
}

/// The time of the data in the saved copy of `url`, as the page told the
/// worker when it confirmed the copy (`x-mask-map-as-of`): known without
/// reading the copy itself.
pub(super) async fn saved_as_of(url: &str) -> Option<TaipeiDateTime> {
    let seconds = saved_answer(url).await?.headers().get("x-mask-map-as-of")?;
    let seconds = i64::from_str_radix(seconds.trim(), 10).ok()?;
    Some(TaipeiDateTime::from_unix_seconds(seconds))
}

//! Leaflet calls the `leaflet` crate 0.5.0 lacks or gets wrong.
//!
//! `L.divIcon` is bound here because the crate binds `DivIcon::new` to
//! `new L.Icon(...)`, which throws "iconUrl not set in Icon options". Our
//! icons' content is a DOM element we built, never an HTML string, so feed
//! text cannot become markup.

use js_sys::{Object, Reflect};
use leaflet::DivIcon;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &Object) -> DivIcon;

    /// An `L.Map`, for the methods the crate does not bind.
    type RawMap;

    #[wasm_bindgen(method, js_name = remove)]
    fn remove(this: &RawMap);
}

/// `map.remove()`: destroys the map and its DOM listeners.
pub fn destroy_map(map: &leaflet::Map) {
    map.unchecked_ref::<RawMap>().remove();
}

/// A Leaflet icon whose body is `content`, with `class_name` on its wrapper
/// and its anchor at the centre of a `size`×`size` pixel box.
pub fn element_icon(content: &Element, class_name: &str, size: f64) -> DivIcon {
    let options = Object::new();
    let pair = |n: f64| js_sys::Array::of2(&n.into(), &n.into());
    // Reflect::set only fails on a frozen or non-object target; ours is neither.
    for (key, value) in [
        ("html", JsValue::from(content)),
        ("className", class_name.into()),
        ("iconSize", pair(size).into()),
        ("iconAnchor", pair(size / 2.0).into()),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value);
    }
    div_icon(&options)
}

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

    #[wasm_bindgen(method, getter, js_name = attributionControl)]
    fn attribution_control(this: &RawMap) -> Option<AttributionControl>;

    type AttributionControl;

    #[wasm_bindgen(method, js_name = setPrefix)]
    fn set_prefix(this: &AttributionControl, prefix: &str);
}

/// Replaces Leaflet's linked "Leaflet" credit with plain text (a kiosk must
/// offer no link to follow away from the app). The text is escaped by us.
pub fn plain_attribution_prefix(map: &leaflet::Map) {
    if let Some(control) = map.unchecked_ref::<RawMap>().attribution_control() {
        control.set_prefix("Leaflet");
    }
}

/// `map.remove()`: destroys the map and its DOM listeners.
pub fn destroy_map(map: &leaflet::Map) {
    map.unchecked_ref::<RawMap>().remove();
}

/// A Leaflet icon whose body is `content`, with `class_name` on its wrapper
/// and its anchor at the centre of a `size`×`size` pixel box.
pub fn element_icon(content: &Element, class_name: &str, size: f64) -> DivIcon {
    div_icon(&icon_options(JsValue::from(content), class_name, size))
}

/// A Leaflet icon that is one element with `class_name` and nothing inside
/// (its marker's owner fills it in, [`marker_element`]), its anchor at the
/// centre of a `size`×`size` pixel box.
pub fn bare_icon(class_name: &str, size: f64) -> DivIcon {
    div_icon(&icon_options(JsValue::FALSE, class_name, size))
}

fn icon_options(html: JsValue, class_name: &str, size: f64) -> Object {
    let options = Object::new();
    let pair = |n: f64| js_sys::Array::of2(&n.into(), &n.into());
    // Reflect::set only fails on a frozen or non-object target; ours is neither.
    for (key, value) in [
        ("html", html),
        ("className", class_name.into()),
        ("iconSize", pair(size).into()),
        ("iconAnchor", pair(size / 2.0).into()),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value);
    }
    options
}

#[wasm_bindgen]
extern "C" {
    /// Any Leaflet object with `on`/`off` (maps, layers, groups).
    type RawEvented;

    #[wasm_bindgen(method)]
    fn on(this: &RawEvented, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method)]
    fn off(this: &RawEvented, event: &str, handler: &js_sys::Function);

    /// A Leaflet event that came from a layer of a group.
    type LayerEvent;

    #[wasm_bindgen(method, getter)]
    fn layer(this: &LayerEvent) -> JsValue;

    /// A marker, for `getElement` (not bound by the crate).
    type RawMarker;

    #[wasm_bindgen(method, js_name = getElement)]
    fn get_element(this: &RawMarker) -> Option<web_sys::HtmlElement>;
}

/// A Leaflet event handler that is removed when dropped (the crate's own
/// helpers leak their closures).
pub struct Listener {
    target: JsValue,
    event: &'static str,
    handler: Closure<dyn FnMut(JsValue)>,
}

impl Listener {
    pub fn new(
        target: &JsValue,
        event: &'static str,
        handler: impl FnMut(JsValue) + 'static,
    ) -> Listener {
        let handler = Closure::<dyn FnMut(JsValue)>::new(handler);
        target
            .unchecked_ref::<RawEvented>()
            .on(event, handler.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            event,
            handler,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.target
            .unchecked_ref::<RawEvented>()
            .off(self.event, self.handler.as_ref().unchecked_ref());
    }
}

/// A marker's icon element, once the marker is on the map.
pub fn marker_element(marker: &leaflet::Marker) -> Option<web_sys::HtmlElement> {
    marker.unchecked_ref::<RawMarker>().get_element()
}

/// The element of the marker a group event came from.
pub fn event_marker_element(event: &JsValue) -> Option<web_sys::HtmlElement> {
    event
        .unchecked_ref::<LayerEvent>()
        .layer()
        .unchecked_ref::<RawMarker>()
        .get_element()
}

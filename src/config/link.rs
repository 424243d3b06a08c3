//! The app's own links: the query string of the view on screen, for the
//! address bar, the other language, the full app and the embed snippet.

use super::Lang;
use crate::coords::{degrees_rounded, LatLng};
use crate::feed::Filters;
use crate::time::Date;

/// `query` with the parameters `names` replaced by `pairs` (the others kept
/// as they were, in order), so the address bar always reproduces the view.
fn with_params(query: &str, names: &[&str], pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if !names.contains(&key.as_ref()) {
            out.append_pair(&key, &value);
        }
    }
    for (key, value) in pairs {
        out.append_pair(key, value);
    }
    out.finish()
}

/// `query` with the filter parameters set to `filters`.
pub fn query_with_filters(query: &str, filters: &Filters) -> String {
    let mut pairs = Vec::new();
    if let Some(product) = filters.product {
        pairs.push(("product", product.as_param()));
    }
    if filters.only_in_stock {
        pairs.push(("instock", "1"));
    }
    if filters.only_open_now {
        pairs.push(("opennow", "1"));
    }
    if let Some(county) = &filters.county {
        pairs.push(("county", county));
    }
    if let Some(town) = &filters.town {
        pairs.push(("town", town));
    }
    with_params(
        query,
        &["product", "instock", "opennow", "county", "town"],
        &pairs,
    )
}

/// `query` with `date` set to the day checked (`None`: today, no parameter).
pub fn query_with_date(query: &str, date: Option<Date>) -> String {
    let day = date.map(|d| d.to_string());
    let pairs: Vec<(&str, &str)> = day.iter().map(|d| ("date", d.as_str())).collect();
    with_params(query, &["date"], &pairs)
}

/// `query` in another language (a full reload with `lang` set).
pub fn query_with_lang(query: &str, lang: Lang) -> String {
    with_params(query, &["lang"], &[("lang", lang.tag())])
}

/// `query` without `lang`: the same page in whatever language.
pub fn query_without_lang(query: &str) -> String {
    with_params(query, &["lang"], &[])
}

/// The full app's link from an embed or a kiosk: the same view and filters,
/// in the default mode.
pub fn full_app_query(query: &str) -> String {
    with_params(query, &["mode", "idle"], &[])
}

/// The `<iframe>` link for the view on screen: the filters and settings of
/// `query`, the map's `center` and `zoom`, `mode=embed`; not `at`, `date` or
/// `idle`, which belong to one visitor or one kiosk.
pub fn embed_query(query: &str, center: Option<LatLng>, zoom: Option<u8>) -> String {
    let at = center.map(|c| (degrees_rounded(c.lat, 5), degrees_rounded(c.lng, 5)));
    let zoom = zoom.map(|z| z.to_string());
    let mut pairs = vec![("mode", "embed")];
    if let (Some((lat, lng)), Some(zoom)) = (&at, &zoom) {
        pairs.extend([
            ("lat", lat.as_str()),
            ("lng", lng.as_str()),
            ("zoom", zoom.as_str()),
        ]);
    }
    with_params(
        query,
        &["mode", "at", "date", "idle", "lat", "lng", "zoom"],
        &pairs,
    )
}

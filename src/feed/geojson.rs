//! GeoJSON stock feeds (kiang's `points.json`, the findmasks shape) and
//! location registries.
//!
//! Read leniently through a [`json::Value`] tree: these files were written in
//! a hurry by many hands, and one odd feature must cost that feature only.

use std::borrow::Cow;

use crate::json::{self, Value};

use super::model::{FeedError, FeedFormat, Inventory, OpeningPeriods, RowProblem};
use super::rows::{RawRow, Rows};

/// The features of a GeoJSON FeatureCollection.
pub(super) fn features(text: &str) -> Result<Vec<Value<'_>>, FeedError> {
    let root = json::parse(text).map_err(|e| FeedError::BadJson {
        detail: e.to_string(),
    })?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(FeedError::NotAStockFeed);
    }
    let Value::Object(members) = root else {
        return Err(FeedError::NotAStockFeed);
    };
    // The last `features`, as `get` reads a repeated key.
    match members.into_iter().rev().find(|(k, _)| k == "features") {
        Some((_, Value::Array(features))) => Ok(features),
        _ => Err(FeedError::NotAStockFeed),
    }
}

pub fn parse(text: &str) -> Result<Inventory, FeedError> {
    let features = features(text)?;
    let format = detect(&features).ok_or(FeedError::NotAStockFeed)?;
    let (adult, child) = match format {
        FeedFormat::KiangGeoJson => ("mask_adult", "mask_child"),
        _ => ("masksLeft", "childMasksLeft"),
    };
    let mut rows = Rows::new(format);
    for (index, feature) in features.iter().enumerate() {
        let Some(props) = properties(feature) else {
            rows.skip(index + 1, RowProblem::Malformed);
            continue;
        };
        let mut raw = point_row(feature, props);
        raw.address = text_of(props, "address");
        raw.phone = text_of(props, "phone");
        raw.adult = count_of(props, adult);
        raw.child = count_of(props, child);
        raw.county = props.get("county").and_then(Value::as_str);
        raw.town = props.get("town").and_then(Value::as_str);
        raw.notes = ["note", "custom_note"]
            .iter()
            .map(|k| text_of(props, k))
            .collect();
        raw.opening = props
            .get("service_periods")
            .and_then(Value::as_str)
            .and_then(OpeningPeriods::from_kiang);
        raw.updated = props.get("updated").and_then(Value::as_str);
        rows.add(index + 1, raw);
    }
    rows.finish()
}

/// kiang's files carry `mask_adult`; findmasks' carry `masksLeft`.
fn detect(features: &[Value]) -> Option<FeedFormat> {
    let has = |key: &str| {
        features
            .iter()
            .any(|f| f.get("properties").and_then(|p| p.get(key)).is_some())
    };
    if has("mask_adult") {
        Some(FeedFormat::KiangGeoJson)
    } else if has("masksLeft") {
        Some(FeedFormat::FindmasksGeoJson)
    } else {
        None
    }
}

/// A feature's `properties`, if they are an object.
pub(super) fn properties<'v>(feature: &'v Value<'_>) -> Option<&'v Value<'v>> {
    feature
        .get("properties")
        .filter(|p| p.as_object().is_some())
}

/// A feature's code, name and point: all a registry needs, and where every
/// GeoJSON row starts.
pub(super) fn point_row<'a>(feature: &'a Value<'_>, props: &'a Value<'_>) -> RawRow<'a> {
    let code = match props.get("id") {
        Some(Value::String(s)) => Some(Cow::Borrowed(&**s)),
        Some(n @ Value::Number(written)) if n.as_u64().is_some() => Some(Cow::Borrowed(*written)),
        _ => None,
    };
    let mut row = RawRow {
        code,
        name: text_of(props, "name"),
        ..RawRow::default()
    };
    let geometry = feature.get("geometry").filter(|g| !g.is_null());
    if let Some(geometry) = geometry {
        let coords = geometry
            .get("coordinates")
            .and_then(Value::as_array)
            .filter(|_| geometry.get("type").and_then(Value::as_str) == Some("Point"));
        match coords.map(|c| {
            (
                c.first().and_then(Value::as_f64),
                c.get(1).and_then(Value::as_f64),
            )
        }) {
            // GeoJSON is [longitude, latitude].
            Some((Some(lng), Some(lat))) => row.lat_lng = Some((lat, lng)),
            _ => row.coordinates_unreadable = true,
        }
    }
    row
}

fn text_of<'a>(props: &'a Value<'_>, key: &str) -> &'a str {
    props.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A count as text: numbers as written, strings as given, absent as `None`.
fn count_of<'a>(props: &'a Value<'_>, key: &str) -> Option<Cow<'a, str>> {
    match props.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Number(written) => Some(Cow::Borrowed(written)),
        // Not a count; shown as what it is.
        other => Some(Cow::Owned(other.describe())),
    }
}

//! GeoJSON stock feeds: kiang's `points.json` and the findmasks shape.
//!
//! Read leniently through `serde_json::Value`: these files were written in a
//! hurry by many hands, and one odd feature must cost that feature only.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::model::{FeedError, FeedFormat, Inventory, Pharmacy, SkipReason, SkippedRow, Stock};
use crate::spatial::LatLng;
use crate::time::TaipeiDateTime;

pub fn parse(text: &str) -> Result<Inventory, FeedError> {
    let root: Value = serde_json::from_str(text).map_err(|e| FeedError::BadJson {
        detail: e.to_string(),
    })?;
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .filter(|_| root.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
        .ok_or(FeedError::NotAStockFeed)?;
    let format = detect(features).ok_or(FeedError::NotAStockFeed)?;

    let mut pharmacies = Vec::with_capacity(features.len());
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for (index, feature) in features.iter().enumerate() {
        let row = index + 1;
        match read_feature(feature, format) {
            Ok(pharmacy) if !seen.insert(pharmacy.code.clone()) => skipped.push(SkippedRow {
                row,
                reason: SkipReason::DuplicateCode(pharmacy.code),
            }),
            Ok(pharmacy) => pharmacies.push(pharmacy),
            Err(reason) => skipped.push(SkippedRow { row, reason }),
        }
    }
    if pharmacies.is_empty() {
        return Err(FeedError::NoPharmacies);
    }
    let as_of = pharmacies.iter().filter_map(|p| p.updated).max();
    Ok(Inventory {
        format,
        pharmacies,
        as_of,
        skipped,
    })
}

/// kiang's files carry `mask_adult`; findmasks' carry `masksLeft`.
fn detect(features: &[Value]) -> Option<FeedFormat> {
    let has = |key: &str| {
        features
            .iter()
            .any(|f| f.pointer(&format!("/properties/{key}")).is_some())
    };
    if has("mask_adult") {
        Some(FeedFormat::KiangGeoJson)
    } else if has("masksLeft") {
        Some(FeedFormat::FindmasksGeoJson)
    } else {
        None
    }
}

fn read_feature(feature: &Value, format: FeedFormat) -> Result<Pharmacy, SkipReason> {
    let props = feature
        .get("properties")
        .and_then(Value::as_object)
        .ok_or(SkipReason::NotAnObject)?;
    let code = institution_code(props.get("id")).ok_or(SkipReason::MissingCode)?;
    let name = text(props, "name");
    if name.is_empty() {
        return Err(SkipReason::MissingName);
    }
    let (adult_key, child_key) = match format {
        FeedFormat::KiangGeoJson => ("mask_adult", "mask_child"),
        FeedFormat::FindmasksGeoJson => ("masksLeft", "childMasksLeft"),
    };
    Ok(Pharmacy {
        code,
        name,
        address: text(props, "address"),
        phone: text(props, "phone"),
        location: point(feature),
        stock: Stock {
            adult: count(props.get(adult_key)),
            child: count(props.get(child_key)),
            rapidtest: None,
        },
        updated: props
            .get("updated")
            .and_then(Value::as_str)
            .and_then(TaipeiDateTime::parse_feed),
    })
}

fn text(props: &Map<String, Value>, key: &str) -> String {
    props
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default()
        .to_owned()
}

/// NHIA institution codes are 10 characters; copies that went through a
/// spreadsheet lost the leading zero, so a 9-digit number gets it back.
pub fn institution_code(value: Option<&Value>) -> Option<String> {
    let raw = match value? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) if n.is_u64() => n.to_string(),
        _ => return None,
    };
    match raw.len() {
        0 => None,
        9 if raw.bytes().all(|b| b.is_ascii_digit()) => Some(format!("0{raw}")),
        _ => Some(raw),
    }
}

/// A stock count: a whole number ≥ 0 (numeric strings accepted), else unknown.
fn count(value: Option<&Value>) -> Option<u32> {
    match value? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A GeoJSON Point's `[lng, lat]`; `None` for anything else, or for `[0, 0]`,
/// which hurried exports wrote for "unknown".
fn point(feature: &Value) -> Option<LatLng> {
    let geometry = feature.get("geometry")?;
    if geometry.get("type")?.as_str()? != "Point" {
        return None;
    }
    let coords = geometry.get("coordinates")?.as_array()?;
    let (lng, lat) = (coords.first()?.as_f64()?, coords.get(1)?.as_f64()?);
    if lat == 0.0 && lng == 0.0 {
        return None;
    }
    LatLng::new(lat, lng)
}

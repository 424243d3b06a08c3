//! GeoJSON stock feeds (kiang's `points.json`, the findmasks shape) and
//! location registries.
//!
//! Read leniently: these files were written in a hurry by many hands. Each
//! feature is read on its own, so that one odd feature costs that feature
//! only, and each property for what it should be, so that an odd property (a
//! phone written as a number) costs that property only.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::model::{FeedError, FeedFormat, Inventory, OpeningPeriods, RowProblem};
use super::rows::{RawRow, Rows};

/// A FeatureCollection, its features left as written until each is read.
#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    features: Option<Vec<&'a RawValue>>,
}

/// One feature: its properties must be an object; its geometry, if any, is
/// read as a point when a row needs it.
#[derive(Deserialize)]
pub(super) struct Feature<'a> {
    #[serde(borrow)]
    properties: Properties<'a>,
    #[serde(borrow)]
    geometry: Option<&'a RawValue>,
}

/// The properties either feed shape has; others are skipped.
#[derive(Deserialize)]
struct Properties<'a> {
    #[serde(borrow, default)]
    id: Code<'a>,
    #[serde(borrow, default)]
    name: Text<'a>,
    #[serde(borrow, default)]
    address: Text<'a>,
    #[serde(borrow, default)]
    phone: Text<'a>,
    #[serde(borrow, default)]
    county: Text<'a>,
    #[serde(borrow, default)]
    town: Text<'a>,
    #[serde(borrow, default)]
    note: Text<'a>,
    #[serde(borrow, default)]
    custom_note: Text<'a>,
    #[serde(borrow, default)]
    service_periods: Text<'a>,
    #[serde(borrow, default)]
    updated: Text<'a>,
    // kiang's counts.
    #[serde(borrow, default, deserialize_with = "given")]
    mask_adult: Option<Count<'a>>,
    #[serde(borrow, default, deserialize_with = "given")]
    mask_child: Option<Count<'a>>,
    // findmasks' counts.
    #[serde(borrow, default, rename = "masksLeft", deserialize_with = "given")]
    masks_left: Option<Count<'a>>,
    #[serde(borrow, default, rename = "childMasksLeft", deserialize_with = "given")]
    child_masks_left: Option<Count<'a>>,
}

/// A GeoJSON Point; any other geometry has no usable coordinates.
#[derive(Deserialize)]
struct Point<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    /// `[longitude, latitude]`, perhaps with an altitude.
    coordinates: Vec<f64>,
}

/// A property that should be text; anything else reads as absent.
#[derive(Default)]
struct Text<'a>(Option<Cow<'a, str>>);

/// A count as text, for the row checks: a number as written, a string as
/// given; `None` for null.
struct Count<'a>(Option<Cow<'a, str>>);

/// An institution code: a string, or a whole number as written.
#[derive(Default)]
struct Code<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(value: D) -> Result<Self, D::Error> {
        <&RawValue>::deserialize(value).map(|written| Text(text(written)))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Count<'a> {
    fn deserialize<D: Deserializer<'de>>(value: D) -> Result<Self, D::Error> {
        let written = <&RawValue>::deserialize(value)?;
        Ok(Count(match written.get().as_bytes().first() {
            Some(b'n') => None,
            Some(b'"') => text(written),
            // Not a count; shown as what it is.
            Some(b'[') => Some(Cow::Borrowed("a list")),
            Some(b'{') => Some(Cow::Borrowed("an object")),
            _ => Some(Cow::Borrowed(written.get())),
        }))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Code<'a> {
    fn deserialize<D: Deserializer<'de>>(value: D) -> Result<Self, D::Error> {
        let written = <&RawValue>::deserialize(value)?;
        Ok(Code(match u64::from_str_radix(written.get(), 10) {
            Ok(_) => Some(Cow::Borrowed(written.get())),
            Err(_) => text(written),
        }))
    }
}

/// A JSON string's text (borrowed unless it has escapes); `None` for any
/// other value.
fn text(written: &RawValue) -> Option<Cow<'_, str>> {
    let written = written.get();
    if !written.starts_with('"') {
        return None;
    }
    serde_json::from_str::<&str>(written)
        .map(Cow::Borrowed)
        .or_else(|_| serde_json::from_str::<String>(written).map(Cow::Owned))
        .ok()
}

/// A property given at all is `Some`, even if null: a feed's shape is told
/// from its properties' names.
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(value: D) -> Result<Option<T>, D::Error> {
    T::deserialize(value).map(Some)
}

/// The features of a GeoJSON FeatureCollection, each as written.
pub(super) fn features(text: &str) -> Result<Vec<&RawValue>, FeedError> {
    let collection: Collection = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            // JSON, but not shaped like a FeatureCollection.
            FeedError::NotAStockFeed
        } else {
            FeedError::BadJson {
                detail: e.to_string(),
            }
        }
    })?;
    if collection.kind.as_deref() != Some("FeatureCollection") {
        return Err(FeedError::NotAStockFeed);
    }
    collection.features.ok_or(FeedError::NotAStockFeed)
}

pub fn parse(text: &str) -> Result<Inventory, FeedError> {
    let features: Vec<Option<Feature>> = features(text)?.into_iter().map(Feature::read).collect();
    let format = detect(&features).ok_or(FeedError::NotAStockFeed)?;
    let mut rows = Rows::new(format);
    for (index, feature) in features.iter().enumerate() {
        let Some(feature) = feature else {
            rows.skip(index + 1, RowProblem::Malformed);
            continue;
        };
        let props = &feature.properties;
        let (adult, child) = match format {
            FeedFormat::KiangGeoJson => (&props.mask_adult, &props.mask_child),
            _ => (&props.masks_left, &props.child_masks_left),
        };
        let mut raw = feature.point_row();
        raw.address = props.address.as_str();
        raw.phone = props.phone.as_str();
        raw.adult = count_text(adult);
        raw.child = count_text(child);
        raw.county = props.county.0.as_deref();
        raw.town = props.town.0.as_deref();
        raw.notes = vec![props.note.as_str(), props.custom_note.as_str()];
        raw.opening = props
            .service_periods
            .0
            .as_deref()
            .and_then(OpeningPeriods::from_kiang);
        raw.updated = props.updated.0.as_deref();
        rows.add(index + 1, raw);
    }
    rows.finish()
}

/// kiang's files carry `mask_adult`; findmasks' carry `masksLeft`.
fn detect(features: &[Option<Feature>]) -> Option<FeedFormat> {
    let has =
        |count: fn(&Properties) -> bool| features.iter().flatten().any(|f| count(&f.properties));
    if has(|p| p.mask_adult.is_some()) {
        Some(FeedFormat::KiangGeoJson)
    } else if has(|p| p.masks_left.is_some()) {
        Some(FeedFormat::FindmasksGeoJson)
    } else {
        None
    }
}

fn count_text<'c>(count: &'c Option<Count<'_>>) -> Option<Cow<'c, str>> {
    count.as_ref()?.0.as_deref().map(Cow::Borrowed)
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or_default()
    }
}

impl<'a> Feature<'a> {
    /// The feature, if it is an object whose properties are an object.
    pub(super) fn read(written: &'a RawValue) -> Option<Feature<'a>> {
        serde_json::from_str(written.get()).ok()
    }

    /// The feature's code, name and point: all a registry needs, and where
    /// every GeoJSON row starts.
    pub(super) fn point_row(&self) -> RawRow<'_> {
        let mut row = RawRow {
            code: self.properties.id.0.as_deref().map(Cow::Borrowed),
            name: self.properties.name.as_str(),
            ..RawRow::default()
        };
        if let Some(geometry) = self.geometry {
            let point = serde_json::from_str::<Point>(geometry.get()).ok();
            let point = point.filter(|p| p.kind == "Point");
            match point.as_ref().map(|p| p.coordinates.as_slice()) {
                // GeoJSON is [longitude, latitude].
                Some([lng, lat, ..]) => row.lat_lng = Some((*lat, *lng)),
                _ => row.coordinates_unreadable = true,
            }
        }
        row
    }
}

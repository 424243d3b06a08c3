//! A location registry: institution code → coordinates, from any GeoJSON
//! whose features have an `id` and a Point (the findmasks file, kiang's
//! points.json), or from the compact `code,lng,lat` text derived from one
//! (a fifth of the gzipped bytes: `scripts/serve.mjs` serves it). Joined to
//! feeds without coordinates (NHIA's maskdata.csv).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use super::geojson::{features, point_row};
use super::model::{FeedError, FeedFormat, Inventory};
use super::rows::{RawRow, Rows};
use crate::spatial::LatLng;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registry {
    locations: HashMap<String, LatLng>,
}

/// How a join went, for the "N pharmacies not on the map" detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinStats {
    /// Pharmacies that had no location and got one.
    pub matched: usize,
    /// Pharmacies still without a location.
    pub unmatched: usize,
}

impl Registry {
    /// Reads the registry with the same row checks as a feed (codes
    /// normalised, swapped coordinates mended, points outside Taiwan dropped).
    pub fn parse(bytes: &[u8]) -> Result<Registry, FeedError> {
        let text = String::from_utf8_lossy(bytes);
        let text = text.trim_start_matches('\u{feff}');
        // The registry's rows need only a code and a point; FindmasksGeoJson
        // stands in for "some GeoJSON" here and is never shown.
        let mut rows = Rows::new(FeedFormat::FindmasksGeoJson);
        if let Some(body) = text.strip_prefix(COMPACT_HEADER) {
            for (index, line) in body
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                rows.add(index + 2, compact_row(line));
            }
        } else {
            for (index, feature) in features(text)?.iter().enumerate() {
                if let Some(props) = feature.get("properties").and_then(Value::as_object) {
                    let mut raw = point_row(feature, props);
                    // A registry entry needs no name of its own.
                    raw.name = "-";
                    rows.add(index + 1, raw);
                }
            }
        }
        let located = rows.finish()?;
        let locations: HashMap<String, LatLng> = located
            .pharmacies
            .into_iter()
            .filter_map(|p| Some((p.code, p.location?)))
            .collect();
        if locations.is_empty() {
            return Err(FeedError::NoPharmacies);
        }
        Ok(Registry { locations })
    }

    pub fn len(&self) -> usize {
        self.locations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.locations.is_empty()
    }

    pub fn get(&self, code: &str) -> Option<LatLng> {
        self.locations.get(code).copied()
    }
}

/// Whether a feed at `feed_url` will need the registry at `registry_url`,
/// guessed from its address so that both requests can go out together: NHIA
/// publishes its coordinate-less mask CSV as `maskdata.csv`. Any other feed
/// asks for the registry only once its rows turn out to have no coordinates.
pub fn registry_needed_for(feed_url: &str, registry_url: &str) -> bool {
    let feed = feed_url.to_ascii_lowercase();
    registry_url != feed_url
        && !registry_url.trim().is_empty()
        && feed.match_indices("maskdata").any(|(at, _)| {
            feed[at..]
                .split('/')
                .next()
                .is_some_and(|name| name.contains(".csv"))
        })
}

/// The first line of a compact registry; then one `code,lng,lat` per line,
/// coordinates as the GeoJSON gave them (the row checks mend them alike).
pub const COMPACT_HEADER: &str = "code,lng,lat";

fn compact_row(line: &str) -> RawRow<'_> {
    let mut fields = line.trim_end_matches('\r').split(',');
    let code = fields.next().map(str::trim).filter(|c| !c.is_empty());
    let lng = fields.next().and_then(|v| v.trim().parse::<f64>().ok());
    let lat = fields.next().and_then(|v| v.trim().parse::<f64>().ok());
    RawRow {
        code: code.map(Cow::Borrowed),
        name: "-",
        lat_lng: lat.zip(lng),
        coordinates_unreadable: lat.is_none() || lng.is_none(),
        ..RawRow::default()
    }
}

impl Inventory {
    /// Gives every pharmacy without coordinates its registry location, if any.
    pub fn join(&mut self, registry: &Registry) -> JoinStats {
        let mut stats = JoinStats {
            matched: 0,
            unmatched: 0,
        };
        for pharmacy in self.pharmacies.iter_mut().filter(|p| p.location.is_none()) {
            pharmacy.location = registry.get(&pharmacy.code);
            match pharmacy.location {
                Some(_) => stats.matched += 1,
                None => stats.unmatched += 1,
            }
        }
        stats
    }
}

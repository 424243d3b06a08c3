//! A location registry: institution code → coordinates, from any GeoJSON
//! whose features have an `id` and a Point (the findmasks file, kiang's
//! points.json), or from the compact `code,lng,lat` text derived from one
//! (a fifth of the gzipped bytes: `scripts/serve.mjs` serves it). Joined to
//! feeds without coordinates (NHIA's maskdata.csv).

use std::borrow::Cow;
use std::collections::HashMap;

use super::geojson::{features, Feature};
use super::model::{FeedError, FeedFormat, Inventory};
use super::rows::{RawRow, Rows};
use crate::coords::{parse_degrees, LatLng};

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
        // `finish` reads whatever the steps have not.
        RegistryParse::new(bytes).finish()
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

/// [`Registry::parse`] some lines at a time, so that the browser can draw
/// between slices: a compact registry is read [`RegistryParse::step`] by
/// `step`; a GeoJSON one whole by [`RegistryParse::finish`].
pub struct RegistryParse<'a> {
    text: Cow<'a, str>,
    /// Where the next compact line starts in `text`; `None` for GeoJSON.
    next_line: Option<usize>,
    /// Lines of the compact body read so far.
    lines: usize,
    // The registry's rows need only a code and a point; FindmasksGeoJson
    // stands in for "some GeoJSON" here and is never shown.
    rows: Rows,
}

impl<'a> RegistryParse<'a> {
    pub fn new(bytes: &'a [u8]) -> RegistryParse<'a> {
        let text = String::from_utf8_lossy(bytes);
        let start = text.len() - text.trim_start_matches('\u{feff}').len();
        let next_line = text[start..]
            .starts_with(COMPACT_HEADER)
            .then_some(start + COMPACT_HEADER.len());
        RegistryParse {
            text,
            next_line,
            lines: 0,
            rows: Rows::new(FeedFormat::FindmasksGeoJson),
        }
    }

    /// Reads up to `lines` more lines of a compact registry; true if it read
    /// that many (more may be left).
    pub fn step(&mut self, lines: usize) -> bool {
        for _ in 0..lines {
            let Some(at) = self.next_line.filter(|&at| at < self.text.len()) else {
                return false;
            };
            // As `str::lines` splits: at `\n`, less a `\r` before it.
            let rest = &self.text[at..];
            let (line, next) = match rest.find('\n') {
                Some(end) => (&rest[..end], at + end + 1),
                None => (rest, self.text.len()),
            };
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.trim().is_empty() {
                // Line numbers as the file counts them (the header is line 1).
                self.rows.add(self.lines + 1, compact_row(line));
            }
            self.lines += 1;
            self.next_line = Some(next);
        }
        true
    }

    pub fn finish(mut self) -> Result<Registry, FeedError> {
        if self.next_line.is_none() {
            let text = self.text.trim_start_matches('\u{feff}');
            for (index, written) in features(text)?.into_iter().enumerate() {
                if let Some(feature) = Feature::read(written) {
                    let mut raw = feature.point_row();
                    // A registry entry needs no name of its own.
                    raw.name = "-";
                    self.rows.add(index + 1, raw);
                }
            }
        } else {
            while self.step(usize::MAX) {}
        }
        let located = self.rows.finish()?;
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
}

/// The first line of a compact registry; then one `code,lng,lat` per line,
/// coordinates as the GeoJSON gave them (the row checks mend them alike).
pub const COMPACT_HEADER: &str = "code,lng,lat";

fn compact_row(line: &str) -> RawRow<'_> {
    let mut fields = line.trim_end_matches('\r').split(',');
    let code = fields.next().map(str::trim).filter(|c| !c.is_empty());
    let lng = fields.next().and_then(|v| parse_degrees(v.trim()));
    let lat = fields.next().and_then(|v| parse_degrees(v.trim()));
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

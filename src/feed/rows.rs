//! What every format shares once it has picked a row's fields apart: the
//! checks and repairs of a row, and gathering rows into an [`Inventory`].
//! A format module only maps its columns or properties onto [`RawRow`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{
    FeedError, FeedFormat, Inventory, OpeningPeriods, Pharmacy, RowIssue, RowProblem, Stock,
};
use super::region;
use crate::coords::LatLng;
use crate::time::TaipeiDateTime;

/// One row's fields as the feed wrote them, before any check.
#[derive(Debug, Default)]
pub(super) struct RawRow<'a> {
    pub code: Option<Cow<'a, str>>,
    pub name: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    /// Counts as text; `None` where the feed has no such column.
    pub adult: Option<Cow<'a, str>>,
    pub child: Option<Cow<'a, str>>,
    pub rapidtest: Option<Cow<'a, str>>,
    /// `(latitude, longitude)` as given, if given.
    pub lat_lng: Option<(f64, f64)>,
    /// Coordinates were given but are not numbers.
    pub coordinates_unreadable: bool,
    pub county: Option<&'a str>,
    pub town: Option<&'a str>,
    pub notes: Vec<&'a str>,
    pub opening: Option<OpeningPeriods>,
    pub updated: Option<&'a str>,
}

/// Collects the rows of one feed.
pub(super) struct Rows {
    format: FeedFormat,
    pharmacies: Vec<Pharmacy>,
    issues: Vec<RowIssue>,
    seen: HashSet<String, BuildHasherDefault<FastHasher>>,
}

impl Rows {
    pub fn new(format: FeedFormat) -> Rows {
        Rows {
            format,
            pharmacies: Vec::new(),
            issues: Vec::new(),
            seen: HashSet::default(),
        }
    }

    /// Records a row that could not even be read into fields.
    pub fn skip(&mut self, row: usize, problem: RowProblem) {
        self.issues.push(RowIssue {
            row,
            problem,
            skipped: true,
        });
    }

    /// Checks row `row` (1-based), mends what can be mended, and keeps it
    /// unless it has no code, no name, or a code seen before.
    pub fn add(&mut self, row: usize, raw: RawRow<'_>) {
        let Some(code) = raw.code.as_deref().and_then(institution_code) else {
            return self.skip(row, RowProblem::MissingCode);
        };
        let name = raw.name.trim();
        if name.is_empty() {
            return self.skip(row, RowProblem::MissingName);
        }
        if !self.seen.insert(code.clone()) {
            return self.skip(row, RowProblem::DuplicateCode(code));
        }
        let mut mend = |problem| {
            self.issues.push(RowIssue {
                row,
                problem,
                skipped: false,
            })
        };
        let mut count = |text: Option<Cow<'_, str>>| {
            let text = text?;
            let text = text.trim();
            let parsed = parse_count(text);
            if parsed.is_none() && !text.is_empty() {
                let shown = text.chars().take(20).collect();
                mend(if is_negative(text) {
                    RowProblem::NegativeCount(shown)
                } else {
                    RowProblem::BadCount(shown)
                });
            }
            parsed
        };
        let stock = Stock {
            adult: count(raw.adult),
            child: count(raw.child),
            rapidtest: count(raw.rapidtest),
        };
        let location = match raw.lat_lng {
            _ if raw.coordinates_unreadable => {
                mend(RowProblem::UnusableCoordinates);
                None
            }
            None => None,
            Some((lat, lng)) => match (LatLng::new(lat, lng), LatLng::new(lng, lat)) {
                (Some(at), _) if at.in_taiwan() => Some(at),
                (_, Some(swapped)) if swapped.in_taiwan() => {
                    mend(RowProblem::SwappedCoordinates);
                    Some(swapped)
                }
                _ => {
                    mend(RowProblem::UnusableCoordinates);
                    None
                }
            },
        };
        let address = raw.address.trim();
        let (parsed_county, parsed_town) = region::county_town(address);
        let county = raw
            .county
            .and_then(region::canonical_county)
            .or(parsed_county);
        let town = raw
            .town
            .map(region::normalise_tai)
            .filter(|t| !t.is_empty())
            .or(parsed_town);
        let notes = raw
            .notes
            .iter()
            .map(|n| n.trim())
            // NHIA's 備註 says 無 ("none") when there is none.
            .filter(|n| !n.is_empty() && *n != "無")
            .map(str::to_owned)
            .collect();
        self.pharmacies.push(Pharmacy {
            code,
            name: name.to_owned(),
            address: address.to_owned(),
            phone: raw.phone.trim().to_owned(),
            location,
            stock,
            county,
            town,
            notes,
            opening: raw.opening,
            updated: raw.updated.and_then(TaipeiDateTime::parse_feed),
        });
    }

    pub fn finish(self) -> Result<Inventory, FeedError> {
        if self.pharmacies.is_empty() {
            return Err(FeedError::NoPharmacies);
        }
        let as_of = self.pharmacies.iter().filter_map(|p| p.updated).max();
        Ok(Inventory {
            products: super::model::products_counted(&self.pharmacies),
            format: self.format,
            pharmacies: self.pharmacies,
            as_of,
            issues: self.issues,
        })
    }
}

/// FxHash (rustc's own): codes are short, trusted-enough keys, and SipHash's
/// DoS resistance cost a tenth of the parse time. A hostile feed can at worst
/// slow its own parse.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// NHIA institution codes are 10 characters; copies that went through a
/// spreadsheet lost the leading zero, so a 9-digit number gets it back.
pub fn institution_code(raw: &str) -> Option<String> {
    let raw = raw.trim();
    match raw.len() {
        0 => None,
        9 if raw.bytes().all(|b| b.is_ascii_digit()) => Some(format!("0{raw}")),
        _ => Some(raw.to_owned()),
    }
}

/// A stock count: a whole number ≥ 0, else `None` (unknown).
fn parse_count(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        u32::from_str_radix(text, 10).ok()
    } else {
        None
    }
}

/// A whole number below zero: a count the source got wrong, not a word.
fn is_negative(text: &str) -> bool {
    text.strip_prefix('-')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_keep_letters_and_get_lost_zeros_back() {
        assert_eq!(
            institution_code("592202A296").as_deref(),
            Some("592202A296")
        );
        assert_eq!(institution_code("145080011").as_deref(), Some("0145080011"));
        assert_eq!(
            institution_code(" 0145080011 ").as_deref(),
            Some("0145080011")
        );
        assert_eq!(institution_code("  "), None);
    }

    #[test]
    fn counts_are_whole_numbers_at_least_zero() {
        assert_eq!(parse_count("3578"), Some(3578));
        assert_eq!(parse_count("0"), Some(0));
        for bad in ["-3", "12.5", "abc", "", "99999999999"] {
            assert_eq!(parse_count(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_whole_numbers_below_zero_are_negative() {
        assert!(is_negative("-5"));
        assert!(is_negative("-0"));
        for other in ["5", "-", "--5", "-5.5", "-abc", "abc", ""] {
            assert!(!is_negative(other), "{other:?}");
        }
    }
}

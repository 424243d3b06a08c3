//! Searching pharmacies by name, address or code the way people type:
//! full-width and half-width letters and digits match (addresses in the
//! NHIA feeds use full-width digits: 中正路４４３號), as do 台 and 臺, in any case.

use super::model::Pharmacy;

/// Folds full-width ASCII to half-width, 台 to 臺, and letters to lower case.
/// Only ASCII letters have a case here: the feeds hold no other cased letter
/// once full-width ones are folded (tests/feed_search.rs checks every real
/// snapshot), and Unicode's case tables would be 11 KB of the wasm.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '台' => '臺',
            c => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A search: every word must appear in the name, the address or the code.
pub struct Search {
    words: Vec<String>,
}

impl Search {
    pub fn new(query: &str) -> Search {
        Search {
            words: fold(query).split_whitespace().map(str::to_owned).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, pharmacy: &Pharmacy) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = fold(&format!(
            "{} {} {}",
            pharmacy.name, pharmacy.address, pharmacy.code
        ));
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_tai_and_case_fold_together() {
        assert_eq!(
            fold("花蓮縣花蓮市中正路４４３號"),
            "花蓮縣花蓮市中正路443號"
        );
        assert_eq!(fold("台北市　ＡＢｃ"), "臺北市 abc");
        assert_eq!(fold("592202A296"), "592202a296");
    }
}

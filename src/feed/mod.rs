//! Stock feeds: bytes in, [`Inventory`] out. Pure Rust; only `fetch/`
//! (browser builds) touches the network.

mod csv;
mod filter;
mod geojson;
pub mod lagging;
pub mod listing;
mod model;
pub mod placement;
pub mod refresh;
mod region;
mod registry;
mod rows;
mod search;
mod text;

#[cfg(target_arch = "wasm32")]
pub mod fetch;

use crate::time::TaipeiDateTime;

pub use filter::Filters;
pub use model::{
    FeedError, FeedFormat, Inventory, LoadError, OpeningPeriods, Pharmacy, Product, RowIssue,
    RowProblem, Stock, StockLevel, StockThresholds,
};
pub use region::{county_town, COUNTIES};
pub use registry::{JoinStats, Registry, RegistryParse};
pub use search::{fold, Search};

/// Reads a feed of any supported format, detected from its content.
pub fn parse(bytes: &[u8]) -> Result<Inventory, FeedError> {
    let text = decode(bytes);
    let mut parse = SlicedParse::new(&text);
    while !parse.step(usize::MAX) {}
    parse.finish()
}

/// A feed's bytes as text: strict UTF-8 validation is fast; only a broken
/// file pays for the lossy pass.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// [`parse`] a slice of rows at a time, so that the browser can draw frames
/// between slices: a CSV feed is read `step` by `step`; the other formats
/// (and a file that is no feed) are read whole by the first step.
pub struct SlicedParse<'a> {
    state: Sliced<'a>,
}

enum Sliced<'a> {
    Csv {
        records: Box<csv::CsvRecords>,
        rest: &'a [u8],
    },
    Whole(&'a str),
    Done(Result<Inventory, FeedError>),
}

impl<'a> SlicedParse<'a> {
    /// `text` as [`decode`] gives it.
    pub fn new(text: &'a str) -> SlicedParse<'a> {
        let start = without_bom(text).trim_start();
        let text = start.trim_end();
        let state = match text.chars().next() {
            None => Sliced::Done(Err(FeedError::Empty)),
            Some(_) if !text::looks_like_text(text) => Sliced::Done(Err(FeedError::NotText)),
            Some('{') => Sliced::Whole(text),
            Some(_) if csv::looks_like(text) => Sliced::Csv {
                records: Box::new(csv::CsvRecords::new()),
                rest: start.as_bytes(),
            },
            Some(_) => Sliced::Done(Err(FeedError::UnknownFormat {
                starts_with: text.chars().take(40).collect(),
            })),
        };
        SlicedParse { state }
    }

    /// Reads up to `rows` more rows; true once there is nothing left to read.
    pub fn step(&mut self, rows: usize) -> bool {
        match &mut self.state {
            Sliced::Csv { records, rest } => {
                let (taken, more) = records.read(rest, rows);
                *rest = &rest[taken..];
                !more
            }
            Sliced::Whole(text) => {
                self.state = Sliced::Done(geojson::parse(text));
                true
            }
            Sliced::Done(_) => true,
        }
    }

    /// The inventory; call once [`SlicedParse::step`] has returned true.
    pub fn finish(self) -> Result<Inventory, FeedError> {
        match self.state {
            Sliced::Csv { mut records, rest } => {
                records.read(rest, usize::MAX);
                records.finish()
            }
            Sliced::Whole(text) => geojson::parse(text),
            Sliced::Done(result) => result,
        }
    }
}

/// U+FFFD as UTF-8: what a broken byte sequence reads as.
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

/// Government exports start with a UTF-8 byte-order mark.
fn without_bom(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
}

/// [`parse`] fed the feed's bytes as they arrive, so that a CSV is read while
/// the rest of it is still downloading: a record as soon as it is complete,
/// [`StreamingParse::step`] by `step`. Anything else (GeoJSON, a file that is
/// no feed) is kept and read whole by [`StreamingParse::finish`]. Either way
/// the result is what [`parse`] gives the whole file.
#[derive(Default)]
pub struct StreamingParse {
    /// Bytes not read yet: all of them until the first line is in; then,
    /// for a CSV, those not given to its reader yet.
    pending: Vec<u8>,
    /// Where those start in `pending`.
    unread: usize,
    csv: Option<Box<csv::CsvRecords>>,
    /// Not a CSV: read whole at the end.
    whole: bool,
    /// How far the search for the first line's end has looked (a file of one
    /// long line must not be searched again from its start on every push).
    searched: usize,
    /// The start of a character whose other bytes have not arrived yet.
    split_char: Vec<u8>,
}

impl StreamingParse {
    pub fn new() -> StreamingParse {
        StreamingParse::default()
    }

    /// The next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.csv.is_some() {
            self.pending.drain(..self.unread);
            self.unread = 0;
        }
        self.push_text(bytes);
        if self.csv.is_none() && !self.whole {
            self.read_first_line();
        }
    }

    /// Reads up to `rows` complete records; true if it read that many (more
    /// may be waiting), false once it has read every complete record.
    pub fn step(&mut self, rows: usize) -> bool {
        let Some(csv) = &mut self.csv else {
            return false;
        };
        let (taken, more) = csv.read(&self.pending[self.unread..], rows);
        self.unread += taken;
        more
    }

    /// Appends `bytes` to `pending` as [`decode`] would decode the whole
    /// file, broken sequences as U+FFFD, so that the CSV reader sees the text
    /// [`parse`] sees (a quote inside a broken character must not join its
    /// bytes back up). A character cut at the end waits for the next push.
    fn push_text(&mut self, bytes: &[u8]) {
        let mut input = std::mem::take(&mut self.split_char);
        input.extend_from_slice(bytes);
        let mut rest = &input[..];
        while let Err(error) = std::str::from_utf8(rest) {
            let (valid, after) = rest.split_at(error.valid_up_to());
            self.pending.extend_from_slice(valid);
            let Some(broken) = error.error_len() else {
                self.split_char = after.to_vec();
                return;
            };
            self.pending.extend_from_slice(REPLACEMENT);
            rest = &after[broken..];
        }
        self.pending.extend_from_slice(rest);
    }

    /// The inventory, once the last bytes have been pushed.
    pub fn finish(mut self) -> Result<Inventory, FeedError> {
        if !self.split_char.is_empty() {
            // The file ended inside a character.
            self.split_char.clear();
            self.pending.extend_from_slice(REPLACEMENT);
        }
        while self.step(usize::MAX) {}
        match self.csv.take() {
            Some(csv) => csv.finish(),
            None => parse(&self.pending),
        }
    }

    /// Once the first line with more than blank space in it is complete:
    /// a CSV starts record-by-record reading (from its header), anything
    /// else waits to be read whole. Trimmed as [`SlicedParse::new`] trims.
    fn read_first_line(&mut self) {
        let mut end = self.searched;
        while let Some(newline) = self.pending[end..].iter().position(|&b| b == b'\n') {
            end += newline + 1;
            self.searched = end;
            let head = String::from_utf8_lossy(&self.pending[..end]);
            let text = without_bom(&head).trim_start();
            if text.is_empty() {
                continue;
            }
            if !text.starts_with('{') && csv::looks_like(text) && text::looks_like_text(text) {
                self.csv = Some(Box::new(csv::CsvRecords::new()));
                // What was trimmed is BOMs and blank space: as many bytes raw.
                self.unread = head.len() - text.len();
            } else {
                self.whole = true;
            }
            return;
        }
        self.searched = self.pending.len();
    }
}

/// Data older than this is shown as `stale`: still useful, but say so. The
/// live NHIA feeds updated every 30 s, so ten minutes means trouble upstream.
pub const STALE_AFTER_SECONDS: i64 = 600;

/// Whether a feed stamped `as_of` is out of date at `now` (Unix seconds).
/// A feed with no stamp of its own cannot be called stale.
pub fn is_stale(as_of: Option<TaipeiDateTime>, now_unix_seconds: i64) -> bool {
    as_of.is_some_and(|t| now_unix_seconds - t.unix_seconds() > STALE_AFTER_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_levels_follow_the_thresholds() {
        let masks = StockThresholds::default_for(Product::Adult);
        let levels: Vec<&str> = [
            None,
            Some(0),
            Some(1),
            Some(19),
            Some(20),
            Some(99),
            Some(100),
            Some(3578),
        ]
        .into_iter()
        .map(|n| masks.level(n).as_str())
        .collect();
        assert_eq!(
            levels,
            ["unknown", "none", "few", "few", "some", "some", "plenty", "plenty"]
        );
        let tests = StockThresholds::default_for(Product::RapidTest);
        assert_eq!(tests.level(Some(4)), StockLevel::Few);
        assert_eq!(tests.level(Some(20)), StockLevel::Plenty);
    }

    #[test]
    fn opening_periods_answer_for_taipei_time() {
        // 易生藥局's real service_periods (kiang, 2021-02-28): closed Sunday
        // afternoon and evening only.
        let periods = OpeningPeriods::from_kiang("NNNNNNNNNNNNNYNNNNNNY").unwrap();
        let at = |s| TaipeiDateTime::parse_feed(s).unwrap();
        assert!(periods.open_at(at("2021/02/28 09:30:00")), "Sunday morning");
        assert!(
            !periods.open_at(at("2021/02/28 18:23:26")),
            "Sunday evening"
        );
        assert!(periods.open_at(at("2021/03/01 19:00:00")), "Monday evening");
        assert!(!periods.open_at(at("2021/03/01 23:00:00")), "at night");
        assert_eq!(OpeningPeriods::from_kiang("NNN"), None);
    }

    #[test]
    fn data_turns_stale_after_ten_minutes() {
        let as_of = TaipeiDateTime::parse_feed("2020/03/08 14:49:43");
        let stamped = as_of.unwrap().unix_seconds();
        assert!(!is_stale(as_of, stamped + STALE_AFTER_SECONDS));
        assert!(is_stale(as_of, stamped + STALE_AFTER_SECONDS + 1));
        assert!(!is_stale(None, stamped + 10 * STALE_AFTER_SECONDS));
    }
}
